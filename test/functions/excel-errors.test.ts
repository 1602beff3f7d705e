import { InputError } from '../../src/core/errors.ts';
import { excelResult, toExcelError } from '../../src/functions/excel-errors.ts';

test('InputError codes map to #VALUE! or #N/A, keeping the message (#NUM! would drop it)', () => {
  const value = toExcelError(new InputError('weights must be non-negative (item 3 is -0.2)'));
  expect(value).toBeInstanceOf(CustomFunctions.Error);
  expect([value.code, value.message]).toEqual(['#VALUE!', 'weights must be non-negative (item 3 is -0.2)']);
  expect(toExcelError(new InputError('column "x" not found', { code: 'na' })).code).toBe('#N/A');
  const outOfRange = toExcelError(new InputError('k must be an integer from 1 to 10 (got 0)', { code: 'num' }));
  expect([outOfRange.code, outOfRange.message]).toEqual(['#VALUE!', 'k must be an integer from 1 to 10 (got 0)']);
});

test('anything else thrown still leaves as a CustomFunctions.Error', () => {
  const error = toExcelError(new TypeError('x is undefined'));
  expect([error.code, error.message]).toEqual(['#VALUE!', 'Internal error: x is undefined']);
  expect(() =>
    excelResult(() => {
      throw 'a string';
    }),
  ).toThrow(CustomFunctions.Error);
});

test('excelResult passes results through', () => {
  expect(excelResult(() => 42)).toBe(42);
});
