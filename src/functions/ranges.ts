/**
 * Reading Excel ranges. Custom functions receive ranges as 2-D arrays (rows of cells). Score
 * ranges are declared `any[][]` so that a blank cell arrives as `null` or `""` (a `number[][]`
 * parameter would turn it into 0, indistinguishable from a real zero). Positions in messages are
 * 1-based within the range, as an analyst counts them.
 */
import type { InputError, InputErrorLocation } from '../core/errors.ts';
import { blankCell, invalid, mustBe, notANumber, required } from '../core/messages.ts';
import { MAX_RANGE_CELLS, MAX_RANGE_ROWS, requireAtMost } from '../core/limits.ts';
import { isBlank } from '../core/table/cell.ts';

// The one blank rule (core/table/cell.ts): a blank arrives as `null`/`undefined` on most
// platforms, `""` on some; a cell of spaces is blank too, as in the pane and the core.
export { isBlank };

function describe(cell: unknown): string {
  if (typeof cell === 'string') return `text (${JSON.stringify(cell)})`;
  if (typeof cell === 'boolean') return `a logical value (${String(cell).toUpperCase()})`;
  if (typeof cell === 'number') return Number.isNaN(cell) ? 'not a number' : 'a number too large to represent';
  return 'an error or unsupported value';
}

/**
 * A cell that is not a number, located as the analyst counts: `item n` in a single row or column,
 * else row and column (the column by its header name when the range has one). Text reads as in
 * the pane (`is not a number (got "n/a")`); logical values and errors are described.
 */
function badCell(argument: string, row: number, column: number, cell: unknown, shape: [number, number], names?: readonly string[]): InputError {
  const where: InputErrorLocation =
    names !== undefined
      ? { argument, column: names[column], row: row + 1 }
      : shape[0] === 1
        ? { argument, item: column + 1 }
        : shape[1] === 1
          ? { argument, item: row + 1 }
          : { argument, row: row + 1, column: column + 1 };
  if (typeof cell === 'string') return notANumber(where, cell);
  return invalid(where, `is ${describe(cell)}; expected a number`);
}

function requireRange(range: unknown, argument: string): unknown[][] {
  // A single cell may arrive as a scalar where a range was declared: treat it as a 1 x 1 range.
  const rows = Array.isArray(range) ? range : [[range]];
  if (rows.length === 0 || !rows.every((row) => Array.isArray(row))) {
    throw mustBe(argument, 'a range');
  }
  requireRangeSize(rows as unknown[][], argument);
  if (rows.every((row) => (row as unknown[]).every(isBlank))) {
    throw invalid(argument, 'is empty');
  }
  return rows as unknown[][];
}

/**
 * Bounded work: a range may hold at most MAX_RANGE_ROWS rows and MAX_RANGE_CELLS cells.
 * @throws {InputError} naming the argument when it is larger
 */
export function requireRangeSize(rows: unknown[][], argument: string): void {
  requireAtMost(rows.length, MAX_RANGE_ROWS, argument, 'rows');
  requireAtMost(rows.length * (rows[0]?.length ?? 0), MAX_RANGE_CELLS, argument, 'cells');
}

/**
 * A range of numbers where blanks are missing answers (`null`).
 * @throws {InputError} on text, logical values, errors or an all-blank range, naming the cell
 */
export function numberMatrix(range: unknown, argument: string, names?: readonly string[]): (number | null)[][] {
  const rows = requireRange(range, argument);
  const shape: [number, number] = [rows.length, rows[0].length];
  return rows.map((row, r) =>
    row.map((cell, c) => {
      if (isBlank(cell)) return null;
      if (typeof cell === 'number' && Number.isFinite(cell)) return cell;
      throw badCell(argument, r, c, cell, shape, names);
    }),
  );
}

/**
 * A single row or column of numbers, read in order; blanks are not allowed.
 * @throws {InputError} when the range is two-dimensional, or a cell is blank or not a number
 */
export function numberVector(range: unknown, argument: string): number[] {
  const rows = requireRange(range, argument);
  const height = rows.length;
  const width = rows[0].length;
  if (height > 1 && width > 1) {
    throw invalid(argument, `must be a single row or column (got ${height} x ${width})`);
  }
  const cells = height === 1 ? rows[0] : rows.map((row) => row[0]);
  return cells.map((cell, i) => {
    if (typeof cell === 'number' && Number.isFinite(cell)) return cell;
    if (isBlank(cell)) throw blankCell({ argument, item: i + 1 }, '; expected a number', 'value');
    throw badCell(argument, height === 1 ? 0 : i, height === 1 ? i : 0, cell, [height, width]);
  });
}

/**
 * The cells of a single cell, row or column, in order (blanks and text kept as they are).
 * @throws {InputError} when the range is two-dimensional
 */
export function vectorCells(range: unknown, argument: string): unknown[] {
  const rows = Array.isArray(range) ? (range as unknown[]) : [[range]];
  if (rows.length === 0 || !rows.every((row) => Array.isArray(row))) {
    throw mustBe(argument, 'a cell or a range');
  }
  const grid = rows as unknown[][];
  requireRangeSize(grid, argument);
  if (grid.length === 1) return grid[0];
  if (grid.every((row) => row.length === 1)) return grid.map((row) => row[0]);
  throw invalid(argument, `must be a single row or column (got ${grid.length} × ${grid[0].length})`);
}

/**
 * An optional scalar argument: omitted (`null`/`undefined`, or a blank cell) gives the default.
 * @throws {InputError} when given but not a finite number
 */
export function optionalNumber(value: unknown, argument: string, fallback: number): number;
export function optionalNumber(value: unknown, argument: string): number | undefined;
export function optionalNumber(value: unknown, argument: string, fallback?: number): number | undefined {
  if (isBlank(value)) return fallback;
  return requiredNumber(value, argument);
}

/** @throws {InputError} when the value is not a finite number */
export function requiredNumber(value: unknown, argument: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (isBlank(value)) throw required(argument);
  if (typeof value === 'string') throw notANumber({ argument }, value);
  throw invalid(argument, `is ${describe(value)}; expected a number`);
}
