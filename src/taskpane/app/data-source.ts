/**
 * The data a view works on: a header, an Arquero table, where it came from (for the pane and the
 * result sheets' titles) and how its rows are numbered for messages.
 */
import type { ColumnTable } from '../excel/cell-values.ts';

export interface DataSource {
  /** e.g. "CDNOW sample (6,919 transactions)" or "Sales!A1:D2358". */
  label: string;
  header: string[];
  table: ColumnTable;
  /** The row number shown in messages for data row i (0-based): the sheet row in Excel. */
  rowNumber: (i: number) => number;
  origin: 'sample' | 'excel' | 'file';
}
