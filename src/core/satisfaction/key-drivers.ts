/**
 * Key driver analysis: which attributes move overall satisfaction most.
 */
import { isInputError } from '../errors.ts';
import { invalid, mustBe } from '../messages.ts';
import { MAX_DRIVERS, requireAtMost } from '../limits.ts';
import { correlationMatrix } from '../math/correlation.ts';
import { powerOfTwoAtOrBelow } from '../math/power-of-two.ts';
import { quantileSorted } from '../math/quantile.ts';
import { seededRandom } from '../math/random.ts';
import { requireColumn, toTable } from '../table/input.ts';
import { relativeWeights } from './relative-weights.ts';
import { readSurveyColumns, type MissingPolicy } from './survey-columns.ts';

export interface KeyDriverOptions {
  /** Rows with a blank answer: dropped (`'listwise'`, default) or an error. */
  missing?: MissingPolicy;
  /** Seeded bootstrap percentile intervals of the weights and shares. */
  bootstrap?: { samples: number; seed: number; level?: number };
}

export interface KeyDriver {
  driver: string;
  /** Pearson correlation with the outcome. */
  correlation: number;
  /** Johnson's raw relative weight (the weights sum to R²). */
  weight: number;
  /** weight / R² × 100 (0 for every driver when R² is 0). */
  share: number;
  /** Mean answer (the driver's performance, for an importance–performance map). */
  mean: number;
  /** Bootstrap percentile interval of the weight and of the share, when asked for. */
  weightLower?: number;
  weightUpper?: number;
  shareLower?: number;
  shareUpper?: number;
}

export interface KeyDriversResult {
  outcome: string;
  /** R² of the regression of the outcome on all drivers. */
  rSquared: number;
  /** One entry per driver, in the order given. */
  drivers: KeyDriver[];
  rows: { total: number; used: number; dropped: number; droppedRows: number[] };
  bootstrap?: { samples: number; failed: number; seed: number; level: number };
}


/** A driver's share of R² in %; 0 when the drivers explain nothing at all (R² = 0). */
function shareOf(weight: number, rSquared: number): number {
  return rSquared > 0 ? (weight / rSquared) * 100 : 0;
}

/** Per column of a column-major n × m matrix: the power of two at or below its largest |value| (1 if 0). */
function columnScales(data: Float64Array, n: number, m: number): Float64Array {
  const scales = new Float64Array(m).fill(1);
  for (let j = 0; j < m; j++) {
    let largest = 0;
    for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(data[j * n + i]));
    scales[j] = powerOfTwoAtOrBelow(largest);
  }
  return scales;
}

/** Splits a (p+1) × (p+1) correlation matrix, outcome last, into R_xx and r_xy. */
function split(matrix: Float64Array, p: number): { rxx: Float64Array; rxy: Float64Array } {
  const m = p + 1;
  const rxx = new Float64Array(p * p);
  const rxy = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    rxy[i] = matrix[i * m + p];
    for (let j = 0; j < p; j++) rxx[i * p + j] = matrix[i * m + j];
  }
  return { rxx, rxy };
}

/**
 * Key drivers of an outcome (e.g. overall satisfaction): for each driver its correlation with
 * the outcome and Johnson's relative weight, the part of the regression R² it accounts for,
 * which, unlike regression coefficients, stays meaningful when drivers are correlated, as
 * satisfaction attributes always are. Share = weight / R² × 100.
 *
 * Reference: Johnson (2000), "A heuristic method for estimating the relative weight of predictor
 * variables in multiple regression", Multivariate Behavioral Research 35(1); Tonidandel &
 * LeBreton (2011), "Relative importance analysis", Journal of Business and Psychology 26
 * (bootstrap intervals). O(n p²) for the correlations plus O(p³); each resample O(n p²).
 *
 * @param table respondents × items: an Arquero table or an array of row objects
 * @param outcome the outcome column
 * @param drivers the driver columns
 * @param options `missing` ('listwise' default) and `bootstrap: { samples, seed, level = 0.95 }`
 * @returns R², and per driver correlation, weight, share %, mean (and intervals)
 * @throws {InputError} for a missing or non-numeric column, fewer than one driver or more than
 *   MAX_DRIVERS (200), the outcome among the drivers, a constant column, or collinear drivers
 * @example
 * const rows = [
 *   { sat: 2, price: 1, staff: 2 }, { sat: 4, price: 3, staff: 3 }, { sat: 5, price: 4, staff: 5 },
 *   { sat: 7, price: 4, staff: 6 }, { sat: 9, price: 6, staff: 7 },
 * ];
 * keyDrivers(rows, 'sat', ['price', 'staff']).rSquared; // => 0.9612 (to 4 dp)
 */
export function keyDrivers(
  table: unknown,
  outcome: string,
  drivers: string[],
  options: KeyDriverOptions = {},
): KeyDriversResult {
  if (typeof outcome !== 'string') throw mustBe('outcome', 'a column name');
  if (!Array.isArray(drivers) || drivers.length === 0) throw invalid('drivers', 'must list at least one column');
  const seen = new Set<string>();
  drivers.forEach((driver, k) => {
    const at = { argument: 'drivers', item: k + 1 };
    if (typeof driver !== 'string') throw mustBe(at, 'a column name', { value: driver });
    if (driver === outcome) throw invalid(at, `is the outcome "${outcome}"; drivers must not include it`);
    if (seen.has(driver)) throw invalid(at, `repeats the column "${driver}"`);
    seen.add(driver);
  });
  const bootstrap = options.bootstrap;
  const level = bootstrap?.level ?? 0.95;
  if (bootstrap) {
    if (!(Number.isInteger(bootstrap.samples) && bootstrap.samples >= 2)) {
      throw mustBe('bootstrap.samples', 'an integer ≥ 2', { value: bootstrap.samples, code: 'num' });
    }
    if (!Number.isInteger(bootstrap.seed)) throw mustBe('bootstrap.seed', 'an integer', { value: bootstrap.seed, code: 'num' });
    if (!(level > 0 && level < 1)) throw mustBe('bootstrap.level', 'between 0 and 1', { value: level, code: 'num' });
  }

  const p = drivers.length;
  requireAtMost(p, MAX_DRIVERS, 'drivers', 'drivers');
  const columns = [...drivers, outcome];
  const input = toTable(table, 'table');
  requireColumn(input, outcome, 'outcome');
  const survey = readSurveyColumns(input, columns, 'drivers', options.missing ?? 'listwise');
  const { n } = survey;
  // Correlations do not change when a column is divided by a power of two (exactly); dividing by
  // one near each column's largest value keeps the cross-products of values near 1e308 finite.
  const scales = columnScales(survey.data, n, p + 1);
  const data = survey.data.map((value, k) => value / scales[Math.floor(k / n)]);
  const { means, sds, matrix } = correlationMatrix(data, n, p + 1);
  for (let j = 0; j <= p; j++) means[j] *= scales[j];
  for (let j = 0; j <= p; j++) {
    if (sds[j] === 0) {
      const argument = j === p ? 'outcome' : 'drivers';
      throw invalid({ argument, column: columns[j] }, `is constant (every used answer is ${means[j]})`);
    }
  }
  if (!matrix.every(Number.isFinite)) {
    throw invalid('drivers', ': the correlations cannot be computed (the answers span too wide a range of magnitudes)');
  }
  const { rxx, rxy } = split(matrix, p);
  const { weights, rSquared } = relativeWeights(rxx, rxy);
  const result: KeyDriversResult = {
    outcome,
    rSquared,
    drivers: drivers.map((driver, j) => ({
      driver,
      correlation: rxy[j],
      weight: weights[j],
      share: shareOf(weights[j], rSquared),
      mean: means[j],
    })),
    rows: {
      total: survey.totalRows,
      used: n,
      dropped: survey.droppedRows.length,
      droppedRows: survey.droppedRows,
    },
  };

  if (bootstrap) {
    const { samples, seed } = bootstrap;
    const random = seededRandom(seed);
    const counts = new Float64Array(n);
    const weightDraws = drivers.map(() => new Float64Array(samples));
    const shareDraws = drivers.map(() => new Float64Array(samples));
    let good = 0;
    let failed = 0;
    for (let s = 0; s < samples; s++) {
      counts.fill(0);
      for (let r = 0; r < n; r++) counts[Math.floor(random() * n)]++;
      const resample = correlationMatrix(data, n, p + 1, counts);
      if (resample.sds.some((sd) => sd === 0)) {
        failed++;
        continue;
      }
      try {
        const parts = split(resample.matrix, p);
        const fit = relativeWeights(parts.rxx, parts.rxy);
        for (let j = 0; j < p; j++) {
          weightDraws[j][good] = fit.weights[j];
          shareDraws[j][good] = shareOf(fit.weights[j], fit.rSquared);
        }
        good++;
      } catch (error) {
        if (!isInputError(error)) throw error;
        failed++;
      }
    }
    const tail = (1 - level) / 2;
    const interval = (draws: Float64Array): [number, number] => {
      if (good === 0) return [NaN, NaN];
      const sorted = draws.slice(0, good).sort();
      return [quantileSorted(sorted, tail), quantileSorted(sorted, 1 - tail)];
    };
    result.drivers.forEach((entry, j) => {
      [entry.weightLower, entry.weightUpper] = interval(weightDraws[j]);
      [entry.shareLower, entry.shareUpper] = interval(shareDraws[j]);
    });
    result.bootstrap = { samples, failed, seed, level };
  }
  return result;
}
