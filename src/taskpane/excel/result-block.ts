/**
 * A results table ready for a worksheet: a title, a header row and rows of plain cell values.
 * Excel takes numbers, strings and booleans; blanks are written as "" (a `null` in a values array
 * means "leave the cell as it is"), and non-finite numbers as "" too.
 */
import type { ColumnTable } from './cell-values.ts';

export type Cell = string | number | boolean;

export interface ResultBlock {
  /** Shown above the table on the sheet, e.g. "RFM segments (CDNOW sample, 2,357 customers)". */
  title: string;
  header: string[];
  rows: Cell[][];
}

export function toCell(value: unknown): Cell {
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value === null || value === undefined) return '';
  return String(value);
}

/** A block from an Arquero table, all columns or the ones listed (in that order). */
export function blockFromTable(title: string, table: ColumnTable, columns?: readonly string[]): ResultBlock {
  const header = [...(columns ?? table.columnNames())];
  const arrays = header.map((name) => table.array(name) as ArrayLike<unknown>);
  const n = table.numRows();
  const rows: Cell[][] = new Array(n);
  for (let i = 0; i < n; i++) rows[i] = arrays.map((column) => toCell(column[i]));
  return { title, header, rows };
}

/** A block from row objects, columns in the order given. */
export function blockFromRows(title: string, header: readonly string[], rows: readonly Record<string, unknown>[]): ResultBlock {
  return { title, header: [...header], rows: rows.map((row) => header.map((name) => toCell(row[name]))) };
}
