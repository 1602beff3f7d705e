/**
 * Picking rows of a table whose column names come from users (names are data: see
 * named-columns.ts), without Arquero's expression filters.
 */
import { columnValues } from './column-values.ts';
import type { ColumnTable } from './input.ts';
import { tableFromColumns } from './named-columns.ts';

/**
 * The rows at `indices` (in that order) of a table whose column names come from users; typed
 * columns stay typed, so the core's fast paths still apply to the result.
 *
 * @param table the table
 * @param indices 0-based row numbers
 * @returns a new table with the same columns
 * @example takeRows(tableFromColumns(['__proto__'], [[1, 2, 3]]), [2, 0]).array('__proto__'); // => [3, 1]
 */
export function takeRows(table: ColumnTable, indices: ArrayLike<number>): ColumnTable {
  const names = table.columnNames();
  const columns = names.map((name) => {
    const values = columnValues(table, name, 'table');
    const out: { [i: number]: unknown; length: number } = ArrayBuffer.isView(values)
      ? new (values.constructor as new (length: number) => Float64Array)(indices.length)
      : new Array<unknown>(indices.length);
    for (let j = 0; j < indices.length; j++) out[j] = values[indices[j]];
    return out;
  });
  return tableFromColumns(names, columns);
}
