import { tableFromColumns } from '../../../src/core/table/named-columns.ts';
import { takeRows } from '../../../src/core/table/take-rows.ts';

describe('takeRows', () => {
  test('picks rows in the given order, keeps a column named __proto__ and typed columns typed', () => {
    const table = tableFromColumns(['__proto__', 'amount'], [['a', 'b', 'c'], Float64Array.from([1, 2, 3])]);
    const picked = takeRows(table, [2, 0]);
    expect(picked.columnNames()).toEqual(['__proto__', 'amount']);
    expect(Array.from(picked.array('__proto__') as ArrayLike<unknown>)).toEqual(['c', 'a']);
    expect(picked.column('amount')).toBeInstanceOf(Float64Array);
    expect(Array.from(picked.array('amount') as ArrayLike<number>)).toEqual([3, 1]);
    expect(takeRows(table, []).numRows()).toBe(0);
  });
});
