/**
 * A grid of cells from a file (CSV text, or XLSX values) as the pane's data: blank rows dropped,
 * the first row taken as the header unless it looks like data, and each column typed — dates
 * written as text become ISO dates (a `Date` cell too), amounts with currency signs and
 * thousands separators become numbers. What was read how is said in `notes`.
 */
import { tableFromColumns } from '../../core/table/named-columns.ts';
import { headerNames, type ColumnTable } from '../excel/cell-values.ts';
import { dayOrderOf, looksLikeAmount, looksLikeDate, parseAmount, parseDateText, type DecimalMark } from './cell-text.ts';

export interface GridTable {
  header: string[];
  table: ColumnTable;
  /** The file row (1-based, as a spreadsheet shows it) of data row i. */
  rows: number[];
  headerFound: boolean;
  /** What was read how, e.g. `Order date: dates read as day/month/year`. */
  notes: string[];
}

/** Most of the column's text cells must read one way before the column is converted. */
const SHARE = 0.8;

function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function isoOfDate(date: Date): string | null {
  return Number.isFinite(date.getTime()) ? date.toISOString().slice(0, 10) : null;
}

/** True when the row holds a value that reads as data (a number, a date, a boolean). */
function looksLikeData(row: readonly unknown[]): boolean {
  return row.some((cell) => {
    if (isBlank(cell)) return false;
    if (typeof cell !== 'string') return true;
    return looksLikeDate(cell) || looksLikeAmount(cell);
  });
}

interface TypedColumn {
  values: unknown[];
  note: string | null;
}

function typeColumn(name: string, cells: unknown[]): TypedColumn {
  const texts = cells.filter((c): c is string => typeof c === 'string' && c.trim() !== '');
  const dates = cells.some((c) => c instanceof Date);
  const values = cells.map((c) => (isBlank(c) ? null : c instanceof Date ? (isoOfDate(c) ?? c) : typeof c === 'string' ? c.trim() : c));
  if (texts.length === 0) return { values, note: dates ? `${name}: dates` : null };

  const { order, ambiguous } = dayOrderOf(texts);
  if (order) {
    const read = texts.filter((t) => parseDateText(t, order) !== null).length;
    if (read >= SHARE * texts.length) {
      const out = values.map((v) => (typeof v === 'string' ? (parseDateText(v, order) ?? v) : v));
      const numeric = texts.some((t) => /^\d{1,2}[/-]\d{1,2}[/-]\d/.test(t.trim()));
      const how = numeric ? (order === 'day-first' ? ' as day/month/year' : ' as month/day/year') : '';
      return { values: out, note: `${name}: dates read${how}${ambiguous ? ' (no day above 12 tells the order: check it)' : ''}` };
    }
  }
  // Leading zeros mark codes ("00123"), not amounts.
  if (texts.some((t) => /^0\d/.test(t.trim()))) return { values, note: null };
  const count = (mark: DecimalMark) => texts.filter((t) => Number.isFinite(parseAmount(t, mark))).length;
  const [dot, comma] = [count('.'), count(',')];
  const mark: DecimalMark = comma > dot ? ',' : '.';
  if (Math.max(dot, comma) < SHARE * texts.length) return { values, note: null };
  const out = values.map((v) => {
    if (typeof v !== 'string') return v;
    const x = parseAmount(v, mark);
    return Number.isFinite(x) ? x : v;
  });
  const decorated = texts.some((t) => !/^-?\d+(\.\d+)?$/.test(t.trim()));
  return { values: out, note: decorated ? `${name}: numbers read with "${mark}" as the decimal mark (currency signs and thousands separators dropped)` : null };
}

export function gridToTable(grid: readonly (readonly unknown[])[]): GridTable {
  const kept: number[] = [];
  grid.forEach((row, i) => {
    if (!row.every(isBlank)) kept.push(i);
  });
  if (kept.length === 0) return { header: [], table: tableFromColumns([], []), rows: [], headerFound: false, notes: ['The file holds no data.'] };
  const width = Math.max(...kept.map((i) => grid[i].length));
  const first = grid[kept[0]];
  const headerFound = !looksLikeData(first);
  const header = headerNames(Array.from({ length: width }, (_, j) => (headerFound ? first[j] : null)));
  const dataRows = headerFound ? kept.slice(1) : kept;
  const notes: string[] = [headerFound ? 'First row read as column names.' : 'The first row holds data: columns named Column 1, Column 2, …'];
  const columns = header.map((name, j) => {
    const typed = typeColumn(name, dataRows.map((i) => grid[i][j] ?? null));
    if (typed.note) notes.push(`${typed.note}.`);
    return typed.values;
  });
  return { header, table: tableFromColumns(header, columns), rows: dataRows.map((i) => i + 1), headerFound, notes };
}
