/**
 * Gale's customer value map: offers placed by relative quality (x) and relative price (y), read
 * against a fair-value line. An offer below / right of the line gives more quality for its price
 * than the line asks: better value.
 */
import * as aq from 'arquero';
import { invalid, mustBe, notFinite } from '../messages.ts';
import { sum } from '../math/sum.ts';
import { columnValues, numericColumn } from '../table/column-values.ts';
import { toTable, type ColumnTable, type TableInput } from '../table/input.ts';

export type ValueZone = 'better value' | 'fair value' | 'worse value';

/** Column names of the input table. */
export interface ValueMapColumns {
  /** Offer (brand, product) label; default `'offer'`. */
  offer?: string;
  /** Relative quality, 100 = market average; default `'quality'`. */
  quality?: string;
  /** Relative price, 100 = market average; default `'price'`. */
  price?: string;
}

/** A fair-value line, price = intercept + slope · quality. */
export interface FairValueLine {
  intercept: number;
  slope: number;
  /** `'fair'`: through (100, 100) with slope 1 (or the given slope); `'fitted'`: least squares; `'given'`. */
  method: 'fair' | 'fitted' | 'given';
}

export interface ValueMapOptions {
  /**
   * `'fair'` (default): the line through (100, 100) with slope `slope` (default 1);
   * `'fitted'`: ordinary least squares of relative price on relative quality over the offers;
   * or an explicit `{ intercept, slope }`.
   */
  line?: 'fair' | 'fitted' | { intercept: number; slope: number };
  /** Slope of the `'fair'` line (default 1: each point of quality is worth a point of price). */
  slope?: number;
  /** Half-width of the fair-value band, in perpendicular distance (default 0). */
  tolerance?: number;
}

export interface ValueMapResult {
  /**
   * One row per offer, in input order: `offer` (string), `quality`, `price`, `fairPrice` (the
   * line's price at that quality), `distance` (signed perpendicular distance to the line,
   * positive = below / right = better value) and `zone`.
   */
  table: ColumnTable;
  /** The line used. */
  line: FairValueLine;
  /** The band half-width used. */
  tolerance: number;
}

function finiteOption(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw notFinite(name, value);
  }
  return value;
}

/** Least squares y = a + b x, centred for accuracy. */
function fitLine(x: Float64Array, y: Float64Array): FairValueLine {
  const n = x.length;
  if (n < 2) {
    throw invalid('line', ': fitting a line needs at least two offers');
  }
  const mx = sum(x) / n;
  const my = sum(y) / n;
  const sxy = new Float64Array(n);
  const sxx = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    sxy[i] = (x[i] - mx) * (y[i] - my);
    sxx[i] = (x[i] - mx) * (x[i] - mx);
  }
  const denominator = sum(sxx);
  if (denominator === 0) {
    throw invalid('line', ': cannot fit a line, all offers have the same relative quality');
  }
  const slope = sum(sxy) / denominator;
  return { intercept: my - slope * mx, slope, method: 'fitted' };
}

function chooseLine(options: ValueMapOptions, x: Float64Array, y: Float64Array): FairValueLine {
  const line = options.line ?? 'fair';
  if (line === 'fair') {
    const slope = options.slope === undefined ? 1 : finiteOption(options.slope, 'slope');
    return { intercept: 100 - 100 * slope, slope, method: 'fair' };
  }
  if (line === 'fitted') return fitLine(x, y);
  if (typeof line === 'object' && line !== null) {
    return {
      intercept: finiteOption(line.intercept, 'line.intercept'),
      slope: finiteOption(line.slope, 'line.slope'),
      method: 'given',
    };
  }
  throw mustBe('line', "'fair', 'fitted' or { intercept, slope }", { value: line });
}

/**
 * Customer value map: for each offer, its position (relative quality x, relative price y, 100 =
 * market average), the signed perpendicular distance to the fair-value line
 *
 *   distance = (intercept + slope · quality − price) / √(1 + slope²),
 *
 * positive below / right of the line (cheaper than the line for its quality: better value), and
 * its zone: `'better value'` when distance > tolerance, `'worse value'` when distance <
 * −tolerance, `'fair value'` otherwise (on the line, or within the band).
 *
 * The default line passes through (100, 100) with slope 1; `line: 'fitted'` fits it by ordinary
 * least squares of price on quality over the offers (the market's own price of quality).
 *
 * Reference: Gale, Managing Customer Value (1994), the customer value map. O(offers).
 *
 * @param table offers: an Arquero table or array of row objects
 * @param columns column names `{ offer = 'offer', quality = 'quality', price = 'price' }`
 * @param options `line`, `slope`, `tolerance` (see {@link ValueMapOptions})
 * @returns `{ table, line, tolerance }` (see {@link ValueMapResult})
 * @throws {InputError} when the table is empty, a column is missing, quality or price is not a
 *   finite number (naming column and row), the options are invalid, or a fitted line is
 *   requested with fewer than two distinct qualities
 * @example valueMap([{ offer: 'A', quality: 120, price: 100 }]).table.get('distance', 0);
 * // => 14.142… (20/√2: below the line, better value)
 */
export function valueMap(
  table: TableInput,
  columns: ValueMapColumns = {},
  options: ValueMapOptions = {},
): ValueMapResult {
  const input = toTable(table, 'table');
  if (input.numRows() === 0) {
    throw invalid('table', 'must contain at least one offer');
  }
  const offerColumn = columns.offer ?? 'offer';
  const quality = numericColumn(input, columns.quality ?? 'quality', 'quality');
  const price = numericColumn(input, columns.price ?? 'price', 'price');
  const labels = columnValues(input, offerColumn, 'offer');
  const tolerance = options.tolerance === undefined ? 0 : finiteOption(options.tolerance, 'tolerance');
  if (tolerance < 0) {
    throw mustBe('tolerance', 'non-negative', { value: tolerance });
  }
  const line = chooseLine(options, quality, price);
  const n = quality.length;
  const norm = Math.sqrt(1 + line.slope * line.slope);
  const fairPrice = new Float64Array(n);
  const distance = new Float64Array(n);
  const zone: ValueZone[] = new Array(n);
  const offer: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    fairPrice[i] = line.intercept + line.slope * quality[i];
    distance[i] = (fairPrice[i] - price[i]) / norm;
    zone[i] = distance[i] > tolerance ? 'better value' : distance[i] < -tolerance ? 'worse value' : 'fair value';
    offer[i] = labels[i] === null || labels[i] === undefined ? '' : String(labels[i]);
  }
  return {
    table: aq.table({ offer, quality, price, fairPrice, distance, zone }),
    line,
    tolerance,
  };
}
