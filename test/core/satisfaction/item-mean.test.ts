import * as aq from 'arquero';
import fc from 'fast-check';
import { itemMean } from '../../../src/core/satisfaction/item-mean.ts';
import { tableFromColumns } from '../../../src/core/table/named-columns.ts';
import { errorOf } from '../error-of.ts';

describe('itemMean: the outcome score as the mean of the answered items', () => {
  test('complete rows give exactly (a + b + c) / 3, the formula notebook 01 used', () => {
    const answer = fc.integer({ min: 0, max: 10 }).map((v) => v / 2);
    fc.assert(
      fc.property(fc.array(fc.tuple(answer, answer, answer), { minLength: 1, maxLength: 30 }), (rows) => {
        const table = rows.map(([SAT1, SAT2, SAT3]) => ({ SAT1, SAT2, SAT3 }));
        expect(itemMean(table, ['SAT1', 'SAT2', 'SAT3'])).toEqual(rows.map(([a, b, c]) => (a + b + c) / 3));
      }),
    );
  });

  test('blanks are skipped, whatever form they take; a row with no answer has no score', () => {
    const rows = [
      { a: 8, b: 6, c: 7 },
      { a: 9, b: null, c: 6 },
      { a: ' ', b: 4, c: '' }, // a space is blank, not a 0 answer
      { a: NaN, b: undefined, c: '  ' },
      { a: '7', b: ' 5 ', c: 3 }, // numbers pasted as text
    ];
    expect(itemMean(rows, ['a', 'b', 'c'])).toEqual([7, 7.5, 4, null, 5]);
    expect(itemMean(aq.from(rows), ['a', 'b', 'c'])).toEqual([7, 7.5, 4, null, 5]);
  });

  test('one item is its own score; the items named, in any order, are the ones averaged', () => {
    const rows = [{ a: 2, b: 10, c: 100 }, { a: 4, b: null, c: 100 }];
    expect(itemMean(rows, ['b'])).toEqual([10, null]);
    expect(itemMean(rows, ['b', 'a'])).toEqual([6, 4]);
  });

  test('names are data: items called __proto__ and constructor', () => {
    const table = tableFromColumns(['__proto__', 'constructor'], [[2, null], [4, 5]]);
    expect(itemMean(table, ['__proto__', 'constructor'])).toEqual([3, 5]);
  });

  test('bad input is named: no items, a missing column, text in a cell', () => {
    const rows = [{ a: 1, b: 2 }, { a: 'n/a', b: 3 }];
    expect(errorOf(() => itemMean(rows, [])).message).toBe('items must name at least one item column');
    expect(errorOf(() => itemMean(rows, ['a', 'z'])).argument).toBe('items');
    const text = errorOf(() => itemMean(rows, ['b', 'a']));
    expect(text.message).toBe('items: column "a", row 2 is not a number (got "n/a")');
    expect(text.location).toEqual({ argument: 'items', column: 'a', row: 2 });
    expect(errorOf(() => itemMean([{ a: true }], ['a'])).message).toBe('items: column "a", row 1 is not a number (got true)');
  });
});
