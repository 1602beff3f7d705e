import { cellNumber, isBlank, showCell } from '../../../src/core/table/cell.ts';

describe('cell helpers', () => {
  test('isBlank: null, undefined, NaN, empty or whitespace strings (JSDoc example: "")', () => {
    expect(isBlank('')).toBe(true);
    for (const blank of [null, undefined, NaN, '   ', '\t']) expect(isBlank(blank)).toBe(true);
    for (const value of [0, '0', 'x', false, [], {}]) expect(isBlank(value)).toBe(false);
  });

  test('cellNumber: numbers and numeric strings; NaN for the rest (JSDoc example: "7" → 7)', () => {
    expect(cellNumber('7')).toBe(7);
    expect(cellNumber(' 7.5 ')).toBe(7.5);
    expect(cellNumber(-3)).toBe(-3);
    for (const value of ['abc', '', true, null, undefined, Infinity, '-Infinity', {}]) {
      expect(cellNumber(value)).toBeNaN();
    }
  });

  test('showCell quotes strings', () => {
    expect(showCell('a')).toBe('"a"');
    expect(showCell(3)).toBe('3');
    expect(showCell(null)).toBe('null');
  });
});
