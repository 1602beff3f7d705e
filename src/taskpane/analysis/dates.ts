/**
 * The end of a transaction analysis (calibration end, "as of") and the log without the rows dated
 * after it: the core's rule (`analysisEnd`: the user's date, else the last date on or before
 * today), applied to the pane's table.
 */
import * as aq from 'arquero';
import { analysisEnd, type AnalysisEnd } from '../../core/index.ts';
import type { ColumnTable } from '../excel/cell-values.ts';

export interface DatedLog {
  window: AnalysisEnd;
  /** The rows on or before the end. */
  table: ColumnTable;
}

/** The table without the given rows (0-based, ascending). */
export function withoutRows(table: ColumnTable, rows: ArrayLike<number>): ColumnTable {
  if (rows.length === 0) return table;
  const n = table.numRows();
  const keep = new Uint8Array(n).fill(1);
  for (let j = 0; j < rows.length; j++) keep[rows[j]] = 0;
  const columns = new Map<string, unknown[]>();
  for (const name of table.columnNames()) {
    const values = table.array(name) as ArrayLike<unknown>;
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) if (keep[i]) out.push(values[i]);
    columns.set(name, out);
  }
  // Column names are data (e.g. "__proto__"): built from a Map, never a keyed object literal.
  return aq.table(columns);
}

/**
 * Today's date where the analyst is, ISO (a `Date` would be read as its UTC day, which east of
 * Greenwich is yesterday for part of the morning).
 */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function datedLog(table: ColumnTable, column: string, end: string | undefined, today: unknown): DatedLog {
  const window = analysisEnd(table.array(column) as ArrayLike<unknown>, { end, today, column });
  return { window, table: withoutRows(table, window.lateRows) };
}
