/**
 * From what Excel hands over (a 2D `values` array and, per cell, its `numberFormat`) to a header
 * row and an Arquero table. Excel stores dates as serial numbers; only the number format tells a
 * date from an amount, so date-formatted numbers become ISO `yyyy-mm-dd` strings here.
 */
import * as aq from 'arquero';
import { tableFromColumns } from '../../core/table/named-columns.ts';

export type ColumnTable = ReturnType<typeof aq.table>;

/** A header row and its columns, with the sheet row of the first data row (for messages). */
export interface SheetTable {
  header: string[];
  table: ColumnTable;
  /** Columns whose cells were date-formatted and were turned into ISO dates. */
  dateColumns: string[];
}

/**
 * True when a number format shows a date: it has a day, month or year token outside quoted text,
 * escapes and brackets. Pure time formats (`h:mm`, `[h]:mm:ss`) and `General` are not dates.
 */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string' || format === '' || format === 'General') return false;
  // Drop quoted literals, escaped characters, padding (_x) and fill (*x) codes, and bracketed
  // colours, locales and elapsed-time codes.
  const bare = format.replace(/"[^"]*"/g, '').replace(/[\\_*]./g, '').replace(/\[[^\]]*\]/g, '');
  // Only the first section (positive numbers) decides. `m`/`mm` alone may be minutes; a day, a
  // year or a month name (`mmm`) is a date.
  const first = bare.split(';')[0];
  return /[dy]/i.test(first) || /m{3,}/i.test(first);
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * An Excel serial date (1900 date system) as `yyyy-mm-dd`; the time of day is dropped. Serials
 * below 61 sit before Excel's phantom 1900-02-29 and are shifted by a day, as Excel shows them.
 */
export function excelSerialToIso(serial: number): string {
  const whole = Math.floor(serial);
  const days = whole < 61 ? whole + 1 : whole;
  return new Date(EXCEL_EPOCH_MS + days * 86_400_000).toISOString().slice(0, 10);
}

/** Header cells as unique, non-blank column names ("Column 3" for a blank, "Amount (2)" for a repeat). */
export function headerNames(cells: readonly unknown[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, j) => {
    const base = cell === null || cell === undefined || String(cell).trim() === '' ? `Column ${j + 1}` : String(cell).trim();
    const key = base.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

function isBlankRow(row: readonly unknown[]): boolean {
  return row.every((cell) => cell === '' || cell === null || cell === undefined);
}

/**
 * Turns a sheet block (first row = header) into a table. Blank cells become `null`; a numeric cell
 * whose number format is a date becomes an ISO date string; error cells (`#N/A`…) stay text so
 * that validation can name them. Trailing blank rows are dropped (a surrounding region often
 * ends with one).
 *
 * @param values the block's values, header row first
 * @param formats the block's number formats, same shape (or fewer rows: missing rows count as General)
 */
export function sheetValuesToTable(values: readonly (readonly unknown[])[], formats: readonly (readonly unknown[])[] = []): SheetTable {
  if (values.length === 0) return { header: [], table: aq.table({}), dateColumns: [] };
  const header = headerNames(values[0]);
  let end = values.length;
  while (end > 1 && isBlankRow(values[end - 1])) end--;
  const rows = end - 1;
  const dateColumns: string[] = [];
  // Headers are user text (`__proto__` is a name like any other): see core/table/named-columns.ts.
  const columns = header.map((name, j) => {
    const column: unknown[] = new Array(rows);
    let dated = false;
    for (let i = 0; i < rows; i++) {
      const cell = values[i + 1][j];
      if (cell === '' || cell === null || cell === undefined) {
        column[i] = null;
      } else if (typeof cell === 'number' && isDateFormat(formats[i + 1]?.[j])) {
        column[i] = excelSerialToIso(cell);
        dated = true;
      } else {
        column[i] = cell;
      }
    }
    if (dated) dateColumns.push(name);
    return column;
  });
  return { header, table: tableFromColumns(header, columns), dateColumns };
}
