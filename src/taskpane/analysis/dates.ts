/**
 * The end of a transaction analysis (calibration end, "as of") and the log without the rows dated
 * after it: the core's rule (`analysisEnd`: the user's date, else the last date on or before
 * today), applied to the pane's table.
 */
import { analysisEnd, takeRows, type AnalysisEnd } from '../../core/index.ts';
import { columnValues } from '../../core/table/column-values.ts';
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
  const drop = new Uint8Array(n);
  for (let j = 0; j < rows.length; j++) drop[rows[j]] = 1;
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (!drop[i]) keep.push(i);
  return takeRows(table, keep);
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
  const window = analysisEnd(columnValues(table, column, 'date'), { end, today, column });
  return { window, table: withoutRows(table, window.lateRows) };
}
