/**
 * Reading user tables: an Arquero table or an array of row objects in, typed columns out, with
 * errors that name the column and the (1-based) row, so the taskpane and formulas can say exactly
 * what is wrong.
 */
import { columnNotFound, notATable } from '../messages.ts';
import type { ColumnTable } from './column-table.ts';
import { tableFromRows } from './named-columns.ts';

export type { ColumnTable } from './column-table.ts';
export type TableInput = ColumnTable | Record<string, unknown>[];

/** True for an Arquero table (duck-typed so tables from another copy of Arquero pass too). */
export function isTable(input: unknown): input is ColumnTable {
  return (
    typeof input === 'object' &&
    input !== null &&
    typeof (input as ColumnTable).numRows === 'function' &&
    typeof (input as ColumnTable).array === 'function'
  );
}

/**
 * @param input an Arquero table or an array of row objects
 * @param argument the argument's name, for the error message
 * @returns an Arquero table
 * @throws {InputError} when the input is neither
 */
export function toTable(input: unknown, argument: string): ColumnTable {
  if (isTable(input)) return input;
  // Not aq.from: it drops a column named `__proto__` (see named-columns.ts).
  if (Array.isArray(input)) return tableFromRows(input as Record<string, unknown>[]);
  throw notATable(argument);
}

/** @throws {InputError} when the table lacks the column. */
export function requireColumn(table: ColumnTable, column: string, argument: string): void {
  if (table.numCols() === 0) {
    throw columnNotFound(argument, column, ': the table is empty');
  }
  if (!table.columnNames().includes(column)) {
    throw columnNotFound(argument, column, `columns: ${table.columnNames().join(', ')}`);
  }
}
