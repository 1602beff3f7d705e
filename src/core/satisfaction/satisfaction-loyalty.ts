/**
 * Satisfaction and loyalty side by side: which respondents are satisfied but not loyal, and how
 * loyalty rises with satisfaction. Jones & Sasser (1995, "Why satisfied customers defect", Harvard
 * Business Review 73(6)) sort customers into four groups:
 *
 * - Loyalists: satisfied and loyal;
 * - Mercenaries: satisfied but not loyal (satisfaction is not loyalty: the classic confusion);
 * - Hostages: loyal but dissatisfied (kept by switching costs, not by the offer);
 * - Defectors: neither.
 *
 * Rules, documented because the pane and notebooks show them:
 * - A measure is one column, several item columns (each respondent's mean of the items answered;
 *   blanks skipped) or an array of per-respondent values (e.g. `fit.indexScores.Satisfaction`).
 *   A respondent with no answer on either measure is left out and listed in `rows.droppedRows`.
 * - A measure's scale defaults to the smallest and largest answer seen in its columns (or values);
 *   its cut defaults to the scale's midpoint. A value at or above the cut is high.
 * - The curve: each respondent's satisfaction level is their satisfaction rounded to the nearest
 *   multiple of `binWidth` from the scale minimum (default 1 for scales up to 20 points wide, else
 *   a tenth of the range, e.g. 10 on a 0–100 index); per level the mean loyalty with a t-based
 *   interval mean ± t_{(1+level)/2, n−1} · sd/√n (sd with n − 1). A level with one respondent has
 *   no interval (`null`).
 */
import { invalid, mustBe, notANumber, notFinite } from '../messages.ts';
import { studentTQuantile } from '../math/student-t.ts';
import { cellNumber, isBlank } from '../table/cell.ts';
import { inputColumn, rowCount } from '../table/column-values.ts';
import { isTable } from '../table/input.ts';

export type LoyaltyQuadrant = 'Loyalists' | 'Mercenaries' | 'Hostages' | 'Defectors';

/** The quadrants in display order. */
export const LOYALTY_QUADRANTS: readonly LoyaltyQuadrant[] = ['Loyalists', 'Mercenaries', 'Hostages', 'Defectors'];

/** A column name, several item columns (mean of the answered items) or per-respondent values. */
export type MeasureInput = string | readonly string[] | ArrayLike<number | null>;

export interface SatisfactionLoyaltyOptions {
  satisfaction: MeasureInput;
  loyalty: MeasureInput;
  /** Satisfied when satisfaction ≥ this; default the midpoint of the satisfaction scale. */
  satisfactionCut?: number;
  /** Loyal when loyalty ≥ this; default the midpoint of the loyalty scale. */
  loyaltyCut?: number;
  /** `[min, max]` of the satisfaction scale; default the smallest and largest answer. */
  satisfactionScale?: [number, number];
  loyaltyScale?: [number, number];
  /** Width of the satisfaction levels of the curve (see the module comment for the default). */
  binWidth?: number;
  /** Confidence level of the curve's intervals; default 0.95. */
  level?: number;
}

export interface QuadrantCount {
  quadrant: LoyaltyQuadrant;
  count: number;
  /** Share of the respondents used, 0–1. */
  share: number;
}

export interface LoyaltyCurvePoint {
  /** Satisfaction level (bin centre). */
  satisfaction: number;
  n: number;
  meanLoyalty: number;
  /** Sample sd of loyalty at this level (null when n = 1). */
  sd: number | null;
  /** t-based interval of the mean (null when n = 1). */
  low: number | null;
  high: number | null;
}

export interface SatisfactionLoyaltyResult {
  quadrants: QuadrantCount[];
  /** Each input row's quadrant, null for a row left out. */
  assignments: (LoyaltyQuadrant | null)[];
  /** Each input row's satisfaction and loyalty (null when left out). */
  satisfaction: (number | null)[];
  loyalty: (number | null)[];
  curve: LoyaltyCurvePoint[];
  cuts: { satisfaction: number; loyalty: number };
  scales: { satisfaction: [number, number]; loyalty: [number, number] };
  binWidth: number;
  level: number;
  /** Pearson correlation of satisfaction and loyalty over the respondents used (null if either is constant). */
  correlation: number | null;
  rows: { total: number; used: number; dropped: number; droppedRows: number[] };
}

/** Per-row measure (NaN for no answer) and the smallest and largest answer seen. */
function readMeasure(table: unknown, measure: MeasureInput, argument: string): { values: Float64Array; min: number; max: number; rows: number } {
  let min = Infinity;
  let max = -Infinity;
  if (typeof measure === 'string' || (Array.isArray(measure) && measure.every((m) => typeof m === 'string'))) {
    const columns = typeof measure === 'string' ? [measure] : (measure as string[]);
    if (columns.length === 0) throw invalid(argument, 'must name at least one column');
    if (!isTable(table) && !Array.isArray(table)) {
      throw mustBe('table', `an Arquero table or an array of row objects when ${argument} names columns`);
    }
    const rows = rowCount(table);
    if (rows === 0) throw invalid('table', 'has no rows');
    const sums = new Float64Array(rows);
    const counts = new Uint32Array(rows);
    for (const column of columns) {
      const values = inputColumn(table, column, argument);
      for (let i = 0; i < rows; i++) {
        const value = values[i];
        if (isBlank(value)) continue;
        const number = cellNumber(value);
        if (Number.isNaN(number)) throw notANumber({ argument, column, row: i + 1 }, value);
        sums[i] += number;
        counts[i]++;
        if (number < min) min = number;
        if (number > max) max = number;
      }
    }
    const values = new Float64Array(rows);
    for (let i = 0; i < rows; i++) values[i] = counts[i] > 0 ? sums[i] / counts[i] : NaN;
    return { values, min, max, rows };
  }
  if (typeof measure !== 'object' || measure === null || typeof (measure as ArrayLike<unknown>).length !== 'number') {
    throw mustBe(argument, 'a column name, a list of item columns or an array of values');
  }
  const source = measure as ArrayLike<unknown>;
  const values = new Float64Array(source.length);
  for (let i = 0; i < source.length; i++) {
    const value = source[i];
    if (isBlank(value)) {
      values[i] = NaN;
      continue;
    }
    const number = cellNumber(value);
    if (Number.isNaN(number)) throw notANumber({ argument, item: i + 1 }, value);
    values[i] = number;
    if (number < min) min = number;
    if (number > max) max = number;
  }
  return { values, min, max, rows: source.length };
}

function checkScale(scale: [number, number] | undefined, min: number, max: number, argument: string): [number, number] {
  if (scale === undefined) return [min, max];
  if (!Array.isArray(scale) || scale.length !== 2 || !scale.every(Number.isFinite) || !(scale[0] < scale[1])) {
    throw mustBe(argument, '[min, max] with min < max', { value: scale, code: 'num' });
  }
  return [scale[0], scale[1]];
}

/**
 * Quadrants of Jones & Sasser and the satisfaction–loyalty curve.
 *
 * Complexity: O(n · columns) plus O(levels) t quantiles.
 *
 * @param table respondents (an Arquero table or row objects); may be null when both measures are arrays
 * @param options satisfaction and loyalty measures, cuts, scales, binWidth, level
 * @returns quadrant counts and shares, each row's quadrant, the curve, the cuts and scales used
 * @throws {InputError} for a missing or non-numeric column, arrays of different lengths, a bad
 *   cut, scale, binWidth or level, or no respondent with both measures
 * @example
 * const rows = [{ s: 9, l: 9 }, { s: 8, l: 3 }, { s: 2, l: 8 }, { s: 3, l: 2 }, { s: 10, l: 10 }];
 * satisfactionLoyalty(rows, { satisfaction: 's', loyalty: 'l', satisfactionCut: 6, loyaltyCut: 6 }).quadrants;
 * // => Loyalists 2 (0.4), Mercenaries 1 (0.2), Hostages 1 (0.2), Defectors 1 (0.2)
 */
export function satisfactionLoyalty(table: unknown, options: SatisfactionLoyaltyOptions): SatisfactionLoyaltyResult {
  if (typeof options !== 'object' || options === null) throw mustBe('options', '{ satisfaction, loyalty }');
  const s = readMeasure(table, options.satisfaction, 'satisfaction');
  const l = readMeasure(table, options.loyalty, 'loyalty');
  if (s.rows !== l.rows) {
    throw invalid('loyalty', `must have one value per respondent, as satisfaction does (satisfaction has ${s.rows}, loyalty ${l.rows})`);
  }
  const total = s.rows;
  const droppedRows: number[] = [];
  for (let i = 0; i < total; i++) if (Number.isNaN(s.values[i]) || Number.isNaN(l.values[i])) droppedRows.push(i);
  const used = total - droppedRows.length;
  if (used === 0) throw invalid('satisfaction', `: no respondent has both a satisfaction and a loyalty answer (${total} rows)`, 'na');

  const satisfactionScale = checkScale(options.satisfactionScale, s.min, s.max, 'satisfactionScale');
  const loyaltyScale = checkScale(options.loyaltyScale, l.min, l.max, 'loyaltyScale');
  const satisfactionCut = options.satisfactionCut ?? (satisfactionScale[0] + satisfactionScale[1]) / 2;
  const loyaltyCut = options.loyaltyCut ?? (loyaltyScale[0] + loyaltyScale[1]) / 2;
  if (!Number.isFinite(satisfactionCut)) throw notFinite('satisfactionCut', satisfactionCut, 'num');
  if (!Number.isFinite(loyaltyCut)) throw notFinite('loyaltyCut', loyaltyCut, 'num');
  const range = satisfactionScale[1] - satisfactionScale[0];
  const binWidth = options.binWidth ?? (range <= 20 ? 1 : range / 10 || 1);
  if (!(Number.isFinite(binWidth) && binWidth > 0)) throw mustBe('binWidth', 'positive', { value: binWidth, code: 'num' });
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw mustBe('level', 'between 0 and 1', { value: level, code: 'num' });

  const counts = new Map<LoyaltyQuadrant, number>(LOYALTY_QUADRANTS.map((q) => [q, 0]));
  const assignments: (LoyaltyQuadrant | null)[] = new Array(total).fill(null);
  const byLevel = new Map<number, number[]>();
  let sumS = 0;
  let sumL = 0;
  for (let i = 0; i < total; i++) {
    const x = s.values[i];
    const y = l.values[i];
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    const satisfied = x >= satisfactionCut;
    const loyal = y >= loyaltyCut;
    const quadrant: LoyaltyQuadrant = satisfied ? (loyal ? 'Loyalists' : 'Mercenaries') : loyal ? 'Hostages' : 'Defectors';
    assignments[i] = quadrant;
    counts.set(quadrant, counts.get(quadrant)! + 1);
    // Rounded to 12 significant digits so that 0.1 + 0.2 and 0.3 fall in one level.
    const key = Number((satisfactionScale[0] + binWidth * Math.round((x - satisfactionScale[0]) / binWidth)).toPrecision(12));
    const list = byLevel.get(key);
    if (list) list.push(y);
    else byLevel.set(key, [y]);
    sumS += x;
    sumL += y;
  }

  const meanS = sumS / used;
  const meanL = sumL / used;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < total; i++) {
    if (assignments[i] === null) continue;
    const dx = s.values[i] - meanS;
    const dy = l.values[i] - meanL;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }

  const curve: LoyaltyCurvePoint[] = [...byLevel.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([satisfaction, values]) => {
      const n = values.length;
      const mean = values.reduce((acc, v) => acc + v, 0) / n;
      if (n === 1) return { satisfaction, n, meanLoyalty: mean, sd: null, low: null, high: null };
      const sd = Math.sqrt(values.reduce((acc, v) => acc + (v - mean) * (v - mean), 0) / (n - 1));
      const half = (studentTQuantile((1 + level) / 2, n - 1) * sd) / Math.sqrt(n);
      return { satisfaction, n, meanLoyalty: mean, sd, low: mean - half, high: mean + half };
    });

  const blank = (values: Float64Array) => Array.from(values, (v, i) => (assignments[i] === null ? null : v));
  return {
    quadrants: LOYALTY_QUADRANTS.map((quadrant) => ({ quadrant, count: counts.get(quadrant)!, share: counts.get(quadrant)! / used })),
    assignments,
    satisfaction: blank(s.values),
    loyalty: blank(l.values),
    curve,
    cuts: { satisfaction: satisfactionCut, loyalty: loyaltyCut },
    scales: { satisfaction: satisfactionScale, loyalty: loyaltyScale },
    binWidth,
    level,
    correlation: sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null,
    rows: { total, used, dropped: droppedRows.length, droppedRows },
  };
}
