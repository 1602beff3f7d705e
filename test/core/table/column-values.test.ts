import * as aq from 'arquero';
import { numbersOf, numericColumn, rowCount } from '../../../src/core/table/column-values.ts';

describe('numbersOf / numericColumn', () => {
  test('numbers and numeric strings become a Float64Array (the documented examples)', () => {
    expect(numbersOf([1, '2'], 'x', 'amount')).toEqual(Float64Array.from([1, 2]));
    expect(numericColumn(aq.table({ x: [1, '2'] }), 'x', 'amount')).toEqual(Float64Array.from([1, 2]));
  });

  test('a Float64Array column is returned as is, after checking it', () => {
    const storage = Float64Array.from([1.5, 2.5]);
    expect(numbersOf(storage, 'x', 'amount')).toBe(storage);
    expect(() => numbersOf(Float64Array.from([1, NaN]), 'x', 'amount')).toThrow('amount: column "x", row 2 is not a number (got NaN)');
  });

  test('text and blanks are named by column and 1-based row; a missing column is #N/A', () => {
    expect(() => numbersOf([1, 'n/a'], 'Amount', 'amount')).toThrow('amount: column "Amount", row 2 is not a number (got "n/a")');
    expect(() => numbersOf([1, ' '], 'Amount', 'amount')).toThrow('amount: column "Amount", row 2 is not a number (got " ")');
    expect(() => numericColumn(aq.table({ a: [1] }), 'x', 'amount')).toThrow('amount: column "x" not found (columns: a)');
  });
});

test('rowCount of a table, a row array, and anything else', () => {
  expect(rowCount(aq.table({ x: [1, 2, 3] }))).toBe(3);
  expect(rowCount([{ x: 1 }])).toBe(1);
  expect(rowCount('nope')).toBe(0);
});

describe('empty input (issue #9)', () => {
  test('an empty table says so instead of listing no columns', () => {
    expect(() => numericColumn(aq.table({}), 'customer', 'customer')).toThrow(
      'customer: column "customer" not found: the table is empty',
    );
  });
});
