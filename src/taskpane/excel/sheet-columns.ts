/**
 * A sheet block turned into columns chunk by chunk, as Excel hands it over: the same rules as
 * `sheetValuesToTable` (first row the header; blank cells null; date-formatted numbers ISO dates;
 * error cells kept as text; trailing blank rows dropped), but without holding the whole 2D
 * `values` array and without one long pass at the end, so that reading a million rows never
 * blocks the pane. Columns grow by `push`: a preallocated `new Array(n)` of more than ~100,000
 * slots starts in V8's slow dictionary mode, which every later pass over the column pays for.
 */
import { tableFromColumns } from '../../core/table/named-columns.ts';
import { excelSerialToIso, headerNames, isDateFormat, type SheetTable } from './cell-values.ts';

export class SheetColumns {
  readonly header: string[];
  private readonly columns: unknown[][];
  private readonly dates: boolean[];
  private readonly dated: boolean[];
  /** ISO text per date serial: a log repeats its days, and Date formatting is the costly part. */
  private readonly isoDays = new Map<number, string>();
  /** Data rows up to and including the last row with a value. */
  private filled = 0;

  /**
   * @param headerCells the block's first row
   * @param formats one number format per column (decides which numbers are dates)
   */
  constructor(headerCells: readonly unknown[], formats: readonly unknown[]) {
    this.header = headerNames(headerCells);
    this.columns = this.header.map(() => []);
    this.dates = this.header.map((_, j) => isDateFormat(formats[j]));
    this.dated = this.header.map(() => false);
  }

  /** Appends data rows (in sheet order). */
  add(rows: readonly (readonly unknown[])[]): void {
    const { columns, dates, dated } = this;
    for (const row of rows) {
      let blank = true;
      for (let j = 0; j < columns.length; j++) {
        const cell = row[j];
        let value: unknown;
        if (cell === '' || cell === null || cell === undefined) {
          value = null;
        } else if (typeof cell === 'number' && dates[j]) {
          value = this.isoDays.get(cell);
          if (value === undefined) {
            value = excelSerialToIso(cell);
            this.isoDays.set(cell, value as string);
          }
          dated[j] = true;
          blank = false;
        } else {
          value = cell;
          blank = false;
        }
        columns[j].push(value);
      }
      if (!blank) this.filled = columns[0]?.length ?? 0;
    }
  }

  /** The table so far, trailing blank rows dropped. */
  finish(): SheetTable {
    for (const column of this.columns) column.length = this.filled;
    return {
      header: this.header,
      table: tableFromColumns(this.header, this.columns),
      dateColumns: this.header.filter((_, j) => this.dated[j]),
    };
  }
}
