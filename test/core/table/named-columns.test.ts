/**
 * Names are data: column names such as `__proto__`, `constructor`, `toString` must work like any
 * other. Arquero's `table()` and `from()` assign columns into a plain object, where `__proto__`
 * sets the prototype instead (the column silently disappears): tables from user names are built
 * with `tableFromColumns` / `tableFromRows` instead.
 */
import fc from 'fast-check';
import { nameRecord, ownValue, tableFromColumns, tableFromRows } from '../../../src/core/table/named-columns.ts';
import { toTable } from '../../../src/core/table/input.ts';
import { inputColumn } from '../../../src/core/table/column-values.ts';
import { HOSTILE_NAMES, withOwn as row } from '../hostile-names.ts';

describe('tableFromColumns / tableFromRows', () => {
  test.each(HOSTILE_NAMES)('a column named %s keeps its name and values', (name) => {
    const table = tableFromColumns([name, 'x'], [[1, 2], ['a', 'b']]);
    expect(table.columnNames()).toEqual([name, 'x']);
    expect(table.array(name)).toEqual([1, 2]);
    expect(table.numRows()).toBe(2);
    const fromRows = tableFromRows([row<unknown>([[name, 1], ['x', 'a']]), row<unknown>([[name, 2], ['x', 'b']])]);
    expect(fromRows.columnNames()).toEqual([name, 'x']);
    expect(fromRows.array(name)).toEqual([1, 2]);
  });

  test('any set of distinct names, hostile or not, round-trips (property)', () => {
    const name = fc.oneof(fc.constantFrom(...HOSTILE_NAMES), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 6 }), (names) => {
        const columns = names.map((_, j) => [j, j + 0.5]);
        const table = tableFromColumns(names, columns);
        expect(table.columnNames()).toEqual(names);
        names.forEach((n, j) => expect(table.array(n)).toEqual(columns[j]));
        const rows = tableFromRows([row(names.map((n, j) => [n, j])), row(names.map((n, j) => [n, j + 0.5]))]);
        names.forEach((n, j) => expect(rows.array(n)).toEqual(columns[j]));
      }),
      { numRuns: 300 },
    );
  });

  test('rows take their columns from the first row, as Arquero does; a missing value is undefined, never an inherited member', () => {
    const table = tableFromRows([row([['a', 1], ['toString', 2]]), row([['a', 3]])]);
    expect(table.columnNames()).toEqual(['a', 'toString']);
    expect(table.array('toString')).toEqual([2, undefined]);
    expect(tableFromRows([]).numRows()).toBe(0);
  });

  test('columns must be as long as each other, and named once each', () => {
    expect(() => tableFromColumns(['a', 'b'], [[1], [1, 2]])).toThrow('column "b" has 2 values, column "a" has 1');
    expect(() => tableFromColumns(['__proto__', '__proto__'], [[1], [2]])).toThrow('column "__proto__" appears twice');
  });
});

describe('toTable and inputColumn read hostile names', () => {
  test.each(HOSTILE_NAMES)('rows with a %s column', (name) => {
    const rows = [row([[name, 1], ['x', 2]]), row([[name, 3], ['x', 4]])];
    expect(toTable(rows, 'table').array(name)).toEqual([1, 3]);
    expect(inputColumn(rows, name, 'column')).toEqual([1, 3]);
  });

  test.each(HOSTILE_NAMES)('rows without a %s column: not found, not an inherited member', (name) => {
    expect(() => inputColumn([{ x: 1 }], name, 'column')).toThrow(`column: column "${name}" not found (columns: x)`);
  });
});

describe('nameRecord / ownValue', () => {
  test.each(HOSTILE_NAMES)('%s is an ordinary key', (name) => {
    const record = nameRecord<number>();
    expect(ownValue(record, name)).toBeUndefined();
    record[name] = 1;
    expect(ownValue(record, name)).toBe(1);
    expect(Object.keys(record)).toEqual([name]);
    expect(ownValue({}, name)).toBeUndefined(); // a plain object's inherited members are not values
  });
});
