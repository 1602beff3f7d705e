/**
 * The Tracking view's computation: CSI (and NPS, when a 0–10 item is chosen) per group of a
 * "Compare by" column, optionally within one value of another column (e.g. one brand), and the
 * change between two chosen groups with its interval and p-value, said in plain words.
 */
import {
  csiByGroup,
  csiChange,
  npsByGroup,
  npsChange,
  takeRows,
  type GroupChange,
} from '../../core/index.ts';
import type { ColumnTable } from '../excel/cell-values.ts';

export interface TrackingSettings {
  /** The column whose values are compared (wave, period, brand). */
  compareBy: string;
  /** Keep only rows where this column equals `filterValue` (none: all rows). */
  filterColumn: string | null;
  filterValue: string | null;
  items: string[];
  npsItem: string | null;
  scaleMin: number;
  scaleMax: number;
  from: string;
  to: string;
  benchmark: number | null;
}

export interface TrackingResult {
  settings: TrackingSettings;
  rows: number;
  csi: ColumnTable;
  nps: ColumnTable | null;
  csiChange: GroupChange;
  npsChange: GroupChange | null;
}

/** Distinct values of a column in first-appearance order, as text (what the selects show). */
export function columnChoices(table: ColumnTable, column: string): string[] {
  const seen = new Set<string>();
  for (const value of Array.from(table.array(column) as ArrayLike<unknown>)) {
    if (value === null || value === undefined || value === '') continue;
    seen.add(value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
  }
  return [...seen];
}

/** A group as the user picked it (text) back to the column's own value. */
function groupValue(table: ColumnTable, column: string, text: string): unknown {
  for (const value of Array.from(table.array(column) as ArrayLike<unknown>)) {
    const shown = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    if (shown === text) return value;
  }
  return text;
}

/** The rows whose `column` shows as `text` (names are data: `takeRows`, not `aq.table`). */
export function rowsWhere(table: ColumnTable, column: string, text: string): ColumnTable {
  const values = table.array(column) as ArrayLike<unknown>;
  const keep: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    // As columnChoices shows it: a date as yyyy-mm-dd.
    if ((value instanceof Date ? value.toISOString().slice(0, 10) : String(value)) === text) keep.push(i);
  }
  return takeRows(table, keep);
}

export function runTracking(table: ColumnTable, settings: TrackingSettings): TrackingResult {
  const part = settings.filterColumn && settings.filterValue !== null ? rowsWhere(table, settings.filterColumn, settings.filterValue) : table;
  const group = settings.compareBy;
  const from = groupValue(part, group, settings.from);
  const to = groupValue(part, group, settings.to);
  const scale = { scaleMin: settings.scaleMin, scaleMax: settings.scaleMax };
  const csi = csiByGroup(part, { items: settings.items, group, ...scale });
  const change = csiChange(part, { items: settings.items, group, from, to, ...scale });
  const nps = settings.npsItem ? npsByGroup(part, { item: settings.npsItem, group }) : null;
  const npsDiff = settings.npsItem ? npsChange(part, { item: settings.npsItem, group, from, to }) : null;
  return { settings, rows: part.numRows(), csi, nps, csiChange: change, npsChange: npsDiff };
}

/** "up 5.8 points, 95% interval 3.3 to 8.4 (p < 0.001): a real improvement". */
export function changeSentence(change: GroupChange, what: string): string {
  const size = Math.abs(change.difference).toFixed(1);
  const direction = change.difference > 0 ? `up ${size} points` : change.difference < 0 ? `down ${size} points` : 'unchanged';
  const p = change.pValue < 0.001 ? 'p < 0.001' : `p = ${change.pValue.toFixed(3)}`;
  const verdict =
    change.pValue < 0.05 ? (change.difference > 0 ? 'a real improvement' : 'a real decline') : 'within the noise (not a real change at the 95% level)';
  return `${what} ${direction}, 95% interval ${change.low.toFixed(1)} to ${change.high.toFixed(1)} (${p}): ${verdict}.`;
}
