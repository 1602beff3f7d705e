/**
 * Ranges for the segmentation formulas (CRM.RFM, CRM.ABC): per-customer columns that may be
 * whole-column references. A first row of text in every column is a header (the formula puts its
 * own header in that row, so the spill lines up with the data); rows blank in every column (the
 * tail of A:A) stay blank in the spill.
 */
import { invalid } from '../core/messages.ts';
import { cellNumber, isBlank } from '../core/table/cell.ts';
import { customerColumns } from './btyd-ranges.ts';
import { vectorCells } from './ranges.ts';

const isText = (cell: unknown) => typeof cell === 'string' && !isBlank(cell) && Number.isNaN(cellNumber(cell));

export interface SegmentColumns {
  /** True when the first row is a header row (read as blank, so it is not in `used`). */
  header: boolean;
  /** Rows of the range, header included. */
  rows: number;
  /** Per row: blank in every column (the header row too). */
  blank: boolean[];
  /** The numbers per column (NaN where blank). */
  values: Float64Array[];
  /** Indices of the non-blank rows. */
  used: number[];
}

/**
 * Aligned per-customer columns with an optional header row.
 *
 * @throws {InputError} for ranges of different lengths, text below the header, a row blank in
 *   some columns only (messages give the position in the range), or no data at all
 */
export function segmentColumns(ranges: { range: unknown; argument: string }[]): SegmentColumns {
  const cells = ranges.map(({ range, argument }) => vectorCells(range, argument));
  const header = cells.every((column) => column.length > 1 && isText(column[0]));
  // The header cells read as blanks, so row numbers in messages stay positions in the range.
  const body = header ? cells.map((column) => [null, ...column.slice(1)]) : cells;
  const { rows, blank, values } = customerColumns(
    body.map((column, j) => ({ range: column.map((cell) => [cell]), argument: ranges[j].argument })),
  );
  const used: number[] = [];
  for (let i = 0; i < rows; i++) if (!blank[i]) used.push(i);
  if (used.length === 0) {
    throw invalid(ranges[0].argument, `has no numbers`);
  }
  return { header, rows, blank, values, used };
}

