/**
 * Customer satisfaction index (CSI): the weighted mean of the item means of a survey, put on a
 * 0–100 scale.
 */
import type { InputErrorLocation } from '../errors.ts';
import { invalid, mustBe, notANumber, notFinite, outsideScale } from '../messages.ts';
import { GroupedSum } from '../math/sum.ts';
import { checkWeights, weightedMean } from '../math/weights.ts';
import { cellNumber, isBlank } from '../table/cell.ts';
import { columnValues } from '../table/column-values.ts';
import { isTable, toTable, type ColumnTable } from '../table/input.ts';

/**
 * Survey answers, respondents × items: an array of respondent rows (each an array with one cell
 * per item, `null`/`undefined`/`''`/`NaN` for a blank answer), an Arquero table whose columns are
 * the items, or an array of row objects (read as a table).
 */
export type SurveyScores =
  | ReadonlyArray<ReadonlyArray<unknown>>
  | ColumnTable
  | ReadonlyArray<Record<string, unknown>>;

export interface ScaleOptions {
  /** The lowest answer on the scale (default 1). */
  scaleMin?: number;
  /** The highest answer on the scale (default 10). */
  scaleMax?: number;
}

export interface CsiOptions extends ScaleOptions {
  /** One non-negative importance weight per item (default: equal weights). */
  weights?: ArrayLike<number>;
}

/** One item of a survey, as `csiItems` reports it. */
export interface CsiItem {
  /** The column name for a table, `"item j"` (1-based) for an array of rows. */
  item: string;
  /** Mean of the item's non-blank answers; NaN when it has none. */
  mean: number;
  /** Number of non-blank answers. */
  count: number;
  /** The mean on the 0–100 scale, `(mean − scaleMin)/(scaleMax − scaleMin)·100`; NaN when no answers. */
  score: number;
}

/** Items and respondents of a survey in column form, whatever shape it came in. */
interface SurveyColumns {
  names: string[];
  /** Where item j is, for messages: its column in a table, its 1-based position in an array row. */
  at: (j: number) => InputErrorLocation;
  rows: number;
  /** Reads cell (row i, item j). */
  cell: (i: number, j: number) => unknown;
}

function surveyColumns(scores: SurveyScores): SurveyColumns {
  if (isTable(scores) || (Array.isArray(scores) && scores.length > 0 && !Array.isArray(scores[0]))) {
    if (!isTable(scores)) {
      const bad = (scores as ReadonlyArray<unknown>).findIndex(
        (row) => typeof row !== 'object' || row === null || Array.isArray(row),
      );
      if (bad >= 0) {
        throw invalid({ argument: 'scores', row: bad + 1 }, 'is not a row object (give all rows as arrays or all as objects)');
      }
    }
    // A table of item columns; row objects go through Arquero so both read the same way.
    const table = toTable(scores, 'scores');
    const names = table.columnNames();
    const columns = names.map((name) => columnValues(table, name, 'scores'));
    return {
      names,
      at: (j) => ({ column: names[j] }),
      rows: table.numRows(),
      cell: (i, j) => columns[j][i],
    };
  }
  if (!Array.isArray(scores)) {
    throw mustBe('scores', 'an array of respondent rows or an Arquero table');
  }
  const rows = scores as ReadonlyArray<ReadonlyArray<unknown>>;
  const items = rows.length > 0 ? rows[0].length : 0;
  for (let i = 1; i < rows.length; i++) {
    if (!Array.isArray(rows[i])) {
      throw invalid({ argument: 'scores', row: i + 1 }, 'is not an array of answers');
    }
    if (rows[i].length !== items) {
      throw invalid({ argument: 'scores', row: i + 1 }, `has ${rows[i].length} cells, row 1 has ${items} (leave blanks as null)`);
    }
  }
  const names = Array.from({ length: items }, (_, j) => `item ${j + 1}`);
  return { names, at: (j) => ({ item: j + 1 }), rows: rows.length, cell: (i, j) => rows[i][j] };
}

function requireNonEmpty(survey: SurveyColumns): void {
  if (survey.rows === 0 || survey.names.length === 0) {
    throw invalid('scores', 'must contain at least one respondent and one item');
  }
}

/** The survey scale of `options` (default 1–10), both ends finite and max above min. */
export function checkScale(options: ScaleOptions): { min: number; max: number } {
  const min = options.scaleMin ?? 1;
  const max = options.scaleMax ?? 10;
  if (typeof min !== 'number' || !Number.isFinite(min)) {
    throw notFinite('scaleMin', min);
  }
  if (typeof max !== 'number' || !Number.isFinite(max)) {
    throw notFinite('scaleMax', max);
  }
  if (!(max > min)) {
    throw mustBe('scaleMax', `greater than scaleMin, which is ${min}`, { value: max });
  }
  return { min, max };
}

/** The mean of one item as Σ x/count, for answers whose plain sum overflows. */
function meanOfItem(survey: SurveyColumns, j: number, count: number): number {
  const sums = new GroupedSum(1);
  for (let i = 0; i < survey.rows; i++) {
    const raw = survey.cell(i, j);
    if (!isBlank(raw)) sums.add(0, cellNumber(raw) / count);
  }
  return sums.get(0);
}

/** Item sums and counts in one pass over the cells, validating each. */
function itemTotals(
  survey: SurveyColumns,
  min: number,
  max: number,
): { means: Float64Array; counts: Int32Array } {
  const items = survey.names.length;
  requireNonEmpty(survey);
  const sums = new GroupedSum(items);
  const counts = new Int32Array(items);
  for (let j = 0; j < items; j++) {
    for (let i = 0; i < survey.rows; i++) {
      const raw = survey.cell(i, j);
      if (isBlank(raw)) continue;
      const value = cellNumber(raw);
      if (Number.isNaN(value)) {
        throw notANumber({ argument: 'scores', row: i + 1, ...survey.at(j) }, raw);
      }
      if (value < min || value > max) {
        throw outsideScale({ argument: 'scores', row: i + 1, ...survey.at(j) }, value, min, max);
      }
      sums.add(j, value);
      counts[j]++;
    }
  }
  const means = sums.result();
  for (let j = 0; j < items; j++) {
    means[j] = counts[j] > 0 ? means[j] / counts[j] : NaN;
    // Answers near the largest double overflow their sum; their mean does not.
    if (counts[j] > 0 && !Number.isFinite(means[j])) means[j] = meanOfItem(survey, j, counts[j]);
  }
  return { means, counts };
}

/**
 * Per-item means and answer counts of a survey, each also on the 0–100 scale: what the taskpane
 * shows beside the index. Blanks are skipped per item.
 *
 * O(respondents × items).
 *
 * @param scores respondents × items (see {@link SurveyScores})
 * @param options `scaleMin` (default 1) and `scaleMax` (default 10)
 * @returns one entry per item, in item order
 * @throws {InputError} as {@link csi}, except that an item without answers is reported with
 *   count 0 and NaN mean rather than rejected
 * @example csiItems([[8, null], [6, 9]])[1];
 * // => { item: 'item 2', mean: 9, count: 1, score: 88.89 } (rounded) (item 1: mean 7 of 2 answers, score 66.67)
 */
export function csiItems(scores: SurveyScores, options: ScaleOptions = {}): CsiItem[] {
  const { min, max } = checkScale(options);
  const survey = surveyColumns(scores);
  const { means, counts } = itemTotals(survey, min, max);
  return survey.names.map((item, j) => ({
    item,
    mean: means[j],
    count: counts[j],
    score: percentOfScale(means[j], min, max),
  }));
}

/**
 * Customer satisfaction index: the weighted mean of the item means, rescaled to 0–100,
 *
 *   CSI = (m − scaleMin)/(scaleMax − scaleMin) · 100,  m = Σ w_j · mean_j / Σ w_j,
 *
 * where mean_j is the mean of item j over the respondents who answered it (blanks are skipped
 * per item, so a respondent who skipped one question still counts for the others).
 *
 * An item with weight 0 does not enter the index, so it may have no answers at all; any other
 * item without a single answer is an error (its mean is undefined and silently dropping it would
 * re-weight the rest).
 *
 * Reference: the CSI of national satisfaction barometers (Fornell 1992, "A national customer
 * satisfaction barometer: the Swedish experience", Journal of Marketing 56(1)) in its simplest,
 * importance-weighted form. O(respondents × items).
 *
 * @param scores respondents × items: array of rows (blank = `null`, `undefined`, `''` or NaN),
 *   an Arquero table of item columns, or an array of row objects
 * @param options `weights` (one per item, non-negative, not all zero; default equal),
 *   `scaleMin` (default 1), `scaleMax` (default 10)
 * @returns the index, 0–100
 * @throws {InputError} when scores are empty, ragged, not numeric or outside the scale (naming
 *   row and item, 1-based), an item with positive weight has no answers, the weights do not match
 *   the items or are negative or all zero, or `scaleMax ≤ scaleMin`
 * @example csi([[8, 9], [6, null]], { weights: [1, 3] }); // => 83.33… ((0.25·7 + 0.75·9 − 1)/9·100)
 */
export function csi(scores: SurveyScores, options: CsiOptions = {}): number {
  const { min, max } = checkScale(options);
  const survey = surveyColumns(scores);
  const items = survey.names.length;
  requireNonEmpty(survey);
  // Check the weights before reading the cells: a wrong-length weight vector is the likelier slip.
  const shares =
    options.weights === undefined
      ? new Float64Array(items).fill(1 / items)
      : checkWeights(options.weights, items, 'item').shares;
  const { means, counts } = itemTotals(survey, min, max);
  for (let j = 0; j < items; j++) {
    if (shares[j] === 0) continue;
    if (counts[j] === 0) {
      throw invalid({ argument: 'scores', ...survey.at(j) }, 'has no answers', 'na');
    }
  }
  return percentOfScale(weightedMean(means, shares), min, max);
}

/** (m − min)/(max − min)·100, in halves when the scale spans more than the largest double. */
function percentOfScale(m: number, min: number, max: number): number {
  if (Number.isFinite(max - min) && Number.isFinite(m - min)) return ((m - min) / (max - min)) * 100;
  return ((m / 2 - min / 2) / (max / 2 - min / 2)) * 100;
}
