/**
 * Fast read access to a column's values in table order.
 *
 * `table.array(name)` copies through a per-row callback (about 15 ms per million rows); an
 * unfiltered, unordered table already holds its column as an array, which is returned as is.
 * Callers must not modify the result.
 */
import { columnNotFound, notANumber as notANumberCell, notATable } from '../messages.ts';
import { cellNumber } from './cell.ts';
import type { ColumnTable } from './input.ts';
import { isTable, requireColumn } from './input.ts';

/**
 * @param table an Arquero table
 * @param column the column's name
 * @param argument the option or argument that named the column, for the error message
 * @returns the column's values in table order (read-only: may be the table's own storage)
 * @throws {InputError} when the column is missing
 * @example columnValues(aq.table({ x: [1, 2] }), 'x', 'x'); // => [1, 2]
 */
export function columnValues(table: ColumnTable, column: string, argument: string): ArrayLike<unknown> {
  requireColumn(table, column, argument);
  if (!table.isFiltered() && !table.isOrdered()) {
    const data = table.column(column) as unknown;
    if (Array.isArray(data) || ArrayBuffer.isView(data)) return data as ArrayLike<unknown>;
  }
  return table.array(column) as ArrayLike<unknown>;
}

/**
 * One column of an Arquero table or of an array of row objects, without building a table from
 * the rows (which costs more than the work on a million-row log).
 *
 * @param input an Arquero table or an array of row objects
 * @param column the column's name
 * @param argument the option or argument that named the column, for the error message
 * @returns the values in row order (read-only)
 * @throws {InputError} when the input is neither, or no row has the column
 * @example inputColumn([{ x: 1 }, { x: 2 }], 'x', 'x'); // => [1, 2]
 */
export function inputColumn(input: unknown, column: string, argument: string): ArrayLike<unknown> {
  if (isTable(input)) return columnValues(input, column, argument);
  if (Array.isArray(input)) {
    // Own keys only: `toString` or `constructor` is in every object without being a column.
    const has = (row: unknown): row is Record<string, unknown> => row !== null && typeof row === 'object' && Object.hasOwn(row, column);
    if (input.length > 0 && !input.some(has)) {
      const first = input.find((row) => row !== null && typeof row === 'object') ?? {};
      const names = Object.keys(first);
      const found = names.length === 0 ? 'the rows are empty' : `columns: ${names.join(', ')}`;
      throw columnNotFound(argument, column, found);
    }
    const out = new Array<unknown>(input.length);
    for (let i = 0; i < input.length; i++) {
      const row: unknown = input[i];
      out[i] = has(row) ? row[column] : undefined;
    }
    return out;
  }
  throw notATable(argument);
}

/** Number of rows of an Arquero table or an array of row objects (0 for anything else). */
export function rowCount(input: unknown): number {
  if (isTable(input)) return input.numRows();
  if (Array.isArray(input)) return input.length;
  return 0;
}

/**
 * Column values as numbers: numeric strings are accepted; anything else (text, blanks, NaN) is an
 * error naming the column and the first bad row. A Float64Array is checked and returned as is
 * (read-only: it may be the table's own storage); an integer typed array is copied unchecked.
 *
 * @throws {InputError} naming the column and the 1-based row of the first value that is not a
 *   finite number
 * @example numbersOf([1, '2'], 'x', 'amount'); // => Float64Array [1, 2]
 */
export function numbersOf(values: ArrayLike<unknown>, column: string, argument: string): Float64Array {
  if (values instanceof Float64Array) {
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) notANumber(values[i], i, column, argument);
    }
    return values;
  }
  // Integer typed arrays (counts such as x in a summary) hold only finite numbers: one copy.
  if (isIntegerArray(values)) return new Float64Array(values);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const number = cellNumber(values[i]);
    if (number !== number) notANumber(values[i], i, column, argument);
    out[i] = number;
  }
  return out;
}

/**
 * A numeric column of a table (see `numbersOf`; read-only).
 *
 * @throws {InputError} when the column is missing, or a value is not a number (naming the row)
 * @example numericColumn(aq.table({ x: [1, '2'] }), 'x', 'amount'); // => Float64Array [1, 2]
 */
export function numericColumn(table: ColumnTable, column: string, argument: string): Float64Array {
  return numbersOf(columnValues(table, column, argument), column, argument);
}

function isIntegerArray(values: unknown): values is ArrayLike<number> {
  return (
    values instanceof Int32Array ||
    values instanceof Uint32Array ||
    values instanceof Int16Array ||
    values instanceof Uint16Array ||
    values instanceof Int8Array ||
    values instanceof Uint8Array
  );
}

function notANumber(value: unknown, i: number, column: string, argument: string): never {
  throw notANumberCell({ argument, column, row: i + 1 }, value);
}
