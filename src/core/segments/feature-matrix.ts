/**
 * Numeric features as one flat row-major Float64Array (row i, column j at `i * d + j`), optionally
 * standardized — the layout the k-means and silhouette loops run over.
 */
import { invalid, notANumber } from '../messages.ts';
import type { ColumnTable, TableInput } from '../table/input.ts';
import { toTable } from '../table/input.ts';
import { cellNumber } from '../table/cell.ts';
import { columnValues } from '../table/column-values.ts';

/**
 * How a column enters the matrix: as it is, or as log1p(x) (`'log'`), which pulls in the long
 * right tail of counts and money so that a few very large values do not get clusters of their own.
 */
export type ColumnTransform = 'none' | 'log';

export interface FeatureMatrix {
  /** Row-major values, `n * d`, standardized when asked. */
  data: Float64Array;
  n: number;
  d: number;
  columns: string[];
  /** Per column: the mean subtracted (0 when not standardized). */
  center: Float64Array;
  /** Per column: the divisor (population standard deviation; 1 when not standardized or constant). */
  scale: Float64Array;
  /** Per column: the transform applied before standardizing. */
  transform: ColumnTransform[];
}

/**
 * One transform per column from `'none'`, `'log'` or a list of them.
 *
 * @throws {InputError} on another word or a list of the wrong length
 */
export function resolveTransform(transform: unknown, d: number): ColumnTransform[] {
  const valid = (t: unknown): t is ColumnTransform => t === 'none' || t === 'log';
  if (transform === undefined) return new Array<ColumnTransform>(d).fill('none');
  if (valid(transform)) return new Array<ColumnTransform>(d).fill(transform);
  if (Array.isArray(transform) && transform.length === d && transform.every(valid)) return [...transform];
  throw invalid('transform', `must be 'none', 'log' or a list of them, one per column (${d} column${d === 1 ? '' : 's'})`);
}

/** log1p of a column (a new array); a value at or below −1 has no logarithm: an error naming column and row. */
function log1pColumn(values: Float64Array, column: string): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    if (!(values[i] > -1)) {
      throw invalid({ argument: 'transform', column, row: i + 1 }, `is ${values[i]}; log scaling (log1p) needs values above -1`);
    }
    out[i] = Math.log1p(values[i]);
  }
  return out;
}

/**
 * A numeric column without Arquero's per-row callback; errors name the column and row. A
 * Float64Array column is returned as is, unchecked: the caller checks it with `checkFinite`
 * after a pass it makes anyway.
 */
function numbers(table: ColumnTable, column: string): Float64Array {
  const values = columnValues(table, column, 'columns');
  if (values instanceof Float64Array) return values;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const number = cellNumber(values[i]);
    if (number !== number) bad(column, i, values[i]);
    out[i] = number;
  }
  return out;
}

/** Throws at the first non-finite value, if any: called when a sum over the column is not finite. */
function checkFinite(values: Float64Array, column: string): void {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) bad(column, i, values[i]);
}

function bad(column: string, i: number, value: unknown): never {
  throw notANumber({ argument: 'columns', column, row: i + 1 }, value);
}

/*
 * The per-column passes live in small functions of their own: inlined in featureMatrix's loop over
 * the columns, V8 compiled them on stack replacement and threw that code away at every call's
 * first unvisited line (a deoptimization per fit, seen with --trace-deopt). The gain is small; the
 * ~15 ms a 100,000 × 5 fit lost here were page faults on a fresh matrix (see `scratch`, and
 * `matrixStorage` in kmeans/index.ts).
 */

/** Σ values[0..n), in row order. */
function columnSum(values: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  return sum;
}

/** Σ (values[i] − mean)², in row order. */
function squaredDeviations(values: Float64Array, n: number, mean: number): number {
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const dev = values[i] - mean;
    ss += dev * dev;
  }
  return ss;
}

/** Writes (values[i] − center) / scale into column j of the row-major matrix. */
function scatterColumn(data: Float64Array, values: Float64Array, n: number, d: number, j: number, center: number, scale: number): void {
  for (let i = 0; i < n; i++) data[i * d + j] = (values[i] - center) / scale;
}

export function checkColumns(columns: unknown): string[] {
  if (!Array.isArray(columns) || columns.length === 0 || columns.some((c) => typeof c !== 'string')) {
    throw invalid('columns', 'must list at least one numeric column by name');
  }
  return columns as string[];
}

/**
 * Reads the columns into a flat matrix, log1p-transformed where `transform` says so (`'log'` for
 * every column, or one of `'none'` / `'log'` per column). Standardizing uses z = (x − mean) / sd with the
 * population sd (ddof 0, as scikit-learn's StandardScaler); a constant column is only centered.
 *
 * `scratch`, when long enough, holds the matrix instead of a new array (its start is overwritten).
 *
 * @throws {InputError} on a missing column or a non-numeric value (naming column and row), a bad
 *   transform, or a value at or below −1 in a log-scaled column
 */
export function featureMatrix(
  table: TableInput,
  columns: unknown,
  standardize: boolean,
  transform?: unknown,
  scratch?: Float64Array,
): FeatureMatrix {
  const t = toTable(table, 'table');
  const names = checkColumns(columns);
  const d = names.length;
  const transforms = resolveTransform(transform, d);
  const n = t.numRows();
  // Every value is written below, so a reused buffer needs no clearing.
  const data = scratch !== undefined && scratch.length >= n * d ? scratch.subarray(0, n * d) : new Float64Array(n * d);
  const center = new Float64Array(d);
  const scale = new Float64Array(d).fill(1);
  for (let j = 0; j < d; j++) {
    let values = numbers(t, names[j]);
    // A NaN or ±Infinity makes the column's sum non-finite, so the sum doubles as the check.
    let sum = columnSum(values, n);
    if (!Number.isFinite(sum)) checkFinite(values, names[j]);
    if (transforms[j] === 'log') {
      values = log1pColumn(values, names[j]);
      sum = columnSum(values, n);
    }
    if (standardize && n > 0) {
      const mean = sum / n;
      const sd = Math.sqrt(squaredDeviations(values, n, mean) / n);
      center[j] = mean;
      scale[j] = sd > 0 ? sd : 1;
    }
    scatterColumn(data, values, n, d, j, center[j], scale[j]);
  }
  return { data, n, d, columns: names, center, scale, transform: transforms };
}
