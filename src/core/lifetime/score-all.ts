/**
 * Scoring a whole customer base at once with either purchase model (BG/NBD or Pareto/NBD):
 * parameters are validated once, the summary read once, and the per-customer work kept to a
 * few logarithms (and, for the expectations, shared between customers with the same x and T).
 */
import { invalid } from '../messages.ts';
import { aliveExpectation, seriesCoefficientsByX } from './bg-nbd-alive-expectation.ts';
import { checkBgNbdParams, expectedUnchecked, pAliveUnchecked, type BgNbdParams } from './bg-nbd.ts';
import { BTYD_DATA_LIMIT, checkHorizon, checkRfm } from './btyd-data.ts';
import { inputColumn, numbersOf } from '../table/column-values.ts';
import { indexXTPairs, type XTPairs } from './xt-pairs.ts';
import { paretoNbdPAliveRows } from './pareto-nbd-score-rows.ts';
import {
  checkParetoNbdParams,
  paretoNbdAliveExpected,
  paretoNbdExpectedUnchecked,
  paretoNbdPAliveUnchecked,
  type ParetoNbdParams,
} from './pareto-nbd.ts';

/** Parameters of either purchase model; told apart by their names (a, b or s, beta). */
export type PurchaseModelParams = BgNbdParams | ParetoNbdParams;

/** True for Pareto/NBD parameters ({ r, alpha, s, beta }). */
export function isParetoNbd(params: PurchaseModelParams): params is ParetoNbdParams {
  return params !== null && typeof params === 'object' && 's' in params && 'beta' in params;
}

/** True for BG/NBD parameters ({ r, alpha, a, b }). */
export function isBgNbd(params: PurchaseModelParams): params is BgNbdParams {
  return params !== null && typeof params === 'object' && 'a' in params && 'b' in params;
}

/** A purchase model whose parameters are checked: unchecked per-customer functions. */
export interface PurchaseModel {
  name: 'BG/NBD' | 'Pareto/NBD';
  pAlive(x: number, tx: number, T: number): number;
  expected(t: number, x: number, tx: number, T: number): number;
  /**
   * g(t, x, T) = E[Y(t) | x, T, T] / P(alive | x, T, T): the factor of the expectation that does
   * not depend on t_x (E = g · P(alive)). BG/NBD shares its series coefficients between the calls
   * with the same x.
   */
  aliveExpected(t: number, x: number, T: number): number;
}

/**
 * The purchase model a fit or parameter object belongs to, its parameters validated once.
 *
 * @param params `{ r, alpha, a, b }` (BG/NBD) or `{ r, alpha, s, beta }` (Pareto/NBD), e.g. a fit
 * @returns unchecked P(alive) and expectation for that model
 * @throws {InputError} when the names fit neither model or a value is not positive
 * @example purchaseModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }).name; // => 'BG/NBD'
 */
export function purchaseModel(params: PurchaseModelParams): PurchaseModel {
  if (isParetoNbd(params) && isBgNbd(params)) {
    throw invalid('fit', 'has both BG/NBD (a, b) and Pareto/NBD (s, beta) parameters: pass one model');
  }
  if (isParetoNbd(params)) {
    checkParetoNbdParams(params);
    const p = { r: params.r, alpha: params.alpha, s: params.s, beta: params.beta };
    return {
      name: 'Pareto/NBD',
      pAlive: (x, tx, T) => paretoNbdPAliveUnchecked(p, x, tx, T),
      expected: (t, x, tx, T) => paretoNbdExpectedUnchecked(p, t, x, tx, T),
      aliveExpected: (t, x, T) => paretoNbdAliveExpected(p, t, x, T),
    };
  }
  if (isBgNbd(params)) {
    checkBgNbdParams(params);
    const p = { r: params.r, alpha: params.alpha, a: params.a, b: params.b };
    const coefficients = seriesCoefficientsByX(p.r, p.a, p.b);
    return {
      name: 'BG/NBD',
      pAlive: (x, tx, T) => pAliveUnchecked(p, x, tx, T),
      expected: (t, x, tx, T) => expectedUnchecked(p, t, x, tx, T),
      aliveExpected: (t, x, T) => aliveExpectation(p.r, p.alpha, p.a, p.b, x, T, t, coefficients(x)),
    };
  }
  throw invalid('fit', 'must be BG/NBD { r, alpha, a, b } or Pareto/NBD { r, alpha, s, beta } parameters');
}

/**
 * A column as a Float64Array: a Float64Array as it is (checked by the caller's loop), integer
 * typed arrays copied, anything else read and checked by numbersOf.
 */
function floatColumn(values: ArrayLike<unknown>, name: string): Float64Array {
  return values instanceof Float64Array ? values : numbersOf(values, name, 'summary');
}

/**
 * BTYD_DATA_LIMIT read once: where modules are turned into CommonJS (tsx, jest), each read of an
 * imported binding is a getter call, which cost about 0.4 ms per 25,000 customers in this check.
 */
const LIMIT = BTYD_DATA_LIMIT;

/**
 * The one rule a customer's (x, t_x, T) must meet to be scored, as `checkRfm` states it in words:
 * x a whole number, 0 ≤ t_x ≤ T (up to rounding), all within BTYD_DATA_LIMIT. NaN and ±Infinity
 * fail the comparisons too.
 */
function isValidHistory(x: number, tx: number, T: number): boolean {
  return Number.isInteger(x) && x >= 0 && x <= LIMIT && T >= 0 && T <= LIMIT && tx >= 0 && tx <= T * (1 + 1e-12);
}

/** A summary's x, t_x and T, every row checked. */
export interface Histories {
  x: ArrayLike<number>;
  tx: Float64Array;
  T: Float64Array;
}

/**
 * x, t_x, T of a summary as Float64Arrays, checked in one tight loop; the first bad row goes to
 * `numbersOf` and `checkRfm` for its message (the per-row message is not built for rows that pass).
 */
export function readHistories(summary: unknown): { x: Float64Array; tx: Float64Array; T: Float64Array } {
  const columns = [inputColumn(summary, 'x', 'summary'), inputColumn(summary, 't_x', 'summary'), inputColumn(summary, 'T', 'summary')];
  const x = floatColumn(columns[0], 'x');
  const tx = floatColumn(columns[1], 't_x');
  const T = floatColumn(columns[2], 'T');
  for (let i = 0; i < x.length; i++) {
    if (!isValidHistory(x[i], tx[i], T[i])) {
      // A value that is not a number anywhere in the columns is reported first, as numbersOf would.
      ['x', 't_x', 'T'].forEach((name, c) => numbersOf(columns[c], name, 'summary'));
      checkRfm(x[i], tx[i], T[i], i + 1);
    }
  }
  return { x, tx, T };
}

/**
 * x, t_x, T of a summary, used as they are stored when they are typed columns of one length whose
 * rows all pass (customerSummary makes x an Int32Array, t_x and T Float64Arrays): no copy.
 * Otherwise `readHistories`, which names the first bad row.
 */
function histories(summary: unknown): Histories {
  const x = inputColumn(summary, 'x', 'summary');
  const tx = inputColumn(summary, 't_x', 'summary');
  const T = inputColumn(summary, 'T', 'summary');
  const typed = (x instanceof Int32Array || x instanceof Float64Array) && tx instanceof Float64Array && T instanceof Float64Array;
  if (!typed || tx.length !== x.length || T.length !== x.length || !allValid(x, tx, T)) return readHistories(summary);
  return { x, tx, T };
}

/** True when every row passes `isValidHistory` (a loop of its own, so that it is optimised whole). */
function allValid(x: ArrayLike<number>, tx: Float64Array, T: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) {
    if (!isValidHistory(x[i], tx[i], T[i])) return false;
  }
  return true;
}

/** x below this has its ln(a / (b + x − 1)) kept in a typed array; larger x (rare) is computed. */
const DIRECT_X = 1024;

/** BG/NBD P(alive) of every row: one log and one exp per repeat buyer, ln(b + x − 1) once per x. */
function bgNbdPAliveRows(params: BgNbdParams, { x, tx, T }: Histories): Float64Array {
  const { r, alpha, b } = params;
  const logA = Math.log(params.a);
  // ln(a / (b + x − 1)) per x below DIRECT_X, filled on first use (NaN: not yet).
  const logOddsOfX = new Float64Array(DIRECT_X).fill(NaN);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    if (xi === 0) {
      out[i] = 1;
      continue;
    }
    let logOdds = xi < DIRECT_X ? logOddsOfX[xi] : NaN;
    if (logOdds !== logOdds) {
      logOdds = logA - Math.log(b + xi - 1);
      if (xi < DIRECT_X) logOddsOfX[xi] = logOdds;
    }
    out[i] = 1 / (1 + Math.exp(logOdds + (r + xi) * Math.log((alpha + T[i]) / (alpha + tx[i]))));
  }
  return out;
}

/** `valueOf(x, T)` for each distinct pair. */
export function perPair(pairs: XTPairs, valueOf: (x: number, T: number) => number): Float64Array {
  const values = new Float64Array(pairs.count);
  for (let k = 0; k < pairs.count; k++) values[k] = valueOf(pairs.x[k], pairs.T[k]);
  return values;
}

/**
 * P(alive) of every row (see `pAliveAll`; parameters already checked, rows read by `histories`
 * or `readHistories`). Pareto/NBD needs the rows' (x, T) pairs: given, or numbered here.
 */
export function pAliveOfRows(fit: PurchaseModelParams, rows: Histories, pairs?: XTPairs): Float64Array {
  if (isBgNbd(fit)) return bgNbdPAliveRows(fit, rows);
  return paretoNbdPAliveRows(fit as ParetoNbdParams, rows, pairs ?? indexXTPairs(rows.x, rows.T));
}

/**
 * Each row's value times the factor of its (x, T) pair, in place: a pass of its own, so that the
 * P(alive) loops have one use and one shape (the pass costs about 0.05 ms per 25,000 rows).
 */
function timesPairFactor(values: Float64Array, ids: Int32Array, factor: Float64Array): Float64Array {
  for (let i = 0; i < values.length; i++) values[i] *= factor[ids[i]];
  return values;
}

/**
 * P(alive) of every customer of a summary under a BG/NBD or Pareto/NBD fit.
 *
 * Reference: Fader, Hardie & Lee (2005), eq. 12 (BG/NBD); Fader & Hardie (2005) note, eq. 24
 * (Pareto/NBD). O(n) for BG/NBD; for Pareto/NBD O(n) ₂F₁ series (one per repeat buyer, one per
 * distinct (x, T)).
 *
 * @param fit BG/NBD `{ r, alpha, a, b }` or Pareto/NBD `{ r, alpha, s, beta }` (a fit result will do)
 * @param summary table or rows with x, t_x, T
 * @returns one P(alive) per customer, in row order
 * @throws {InputError} for bad parameters or rows (naming the row)
 * @example pAliveAll({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, [{ x: 2, t_x: 30.43, T: 38.86 }])[0]; // => 0.7266 (4 dp)
 */
export function pAliveAll(fit: PurchaseModelParams, summary: unknown): Float64Array {
  purchaseModel(fit);
  const rows = histories(summary);
  return pAliveOfRows(fit, rows);
}

/**
 * Conditional expected purchases in (T, T + t] of every customer of a summary under a BG/NBD or
 * Pareto/NBD fit: E = g(t, x, T) · P(alive), where g, which does not depend on t_x (for BG/NBD
 * it holds the ₂F₁), is computed once per distinct (x, T).
 *
 * Reference: Fader, Hardie & Lee (2005), eq. 10 (BG/NBD); Fader & Hardie (2005) note, eq. 26
 * (Pareto/NBD). O(n + distinct (x, T) × ₂F₁ terms).
 *
 * @param fit BG/NBD or Pareto/NBD parameters
 * @param summary table or rows with x, t_x, T
 * @param t length of the forecast period, in the summary's time unit
 * @returns one expectation per customer, in row order
 * @throws {InputError} for bad parameters, rows, or t outside 0..1e6
 * @example expectedPurchasesAll({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, [{ x: 2, t_x: 30.43, T: 38.86 }], 39)[0]; // => 1.226 (3 dp)
 */
export function expectedPurchasesAll(fit: PurchaseModelParams, summary: unknown, t: number): Float64Array {
  const model = purchaseModel(fit);
  checkHorizon(t);
  const rows = histories(summary);
  if (t === 0) return new Float64Array(rows.x.length);
  const pairs = indexXTPairs(rows.x, rows.T);
  // E at t_x = T divided by P(alive) there (1 for Pareto/NBD, 1/(1 + a/(b+x−1)) for BG/NBD).
  return timesPairFactor(pAliveOfRows(fit, rows, pairs), pairs.ids, perPair(pairs, (x, T) => model.aliveExpected(t, x, T)));
}

/**
 * For each (x, T) pair, what a customer alive at T expects: E[Y(t_K)] / P(alive) (`total`) and
 * Σ_k (E[Y(t_k)] − E[Y(t_{k−1})]) / P(alive) · discount[k] (`discounted`), k = 1..K, t_0 = 0 — the
 * discounted expected purchases that customer-lifetime-value sums. Both models factor as
 * E[Y(t) | x, t_x, T] = g(t, x, T) · P(alive | x, t_x, T), so a customer's sums are these times
 * the customer's P(alive).
 *
 * O(distinct (x, T) × K expectations).
 *
 * @param model a checked purchase model (`purchaseModel`)
 * @param pairs the customers' distinct (x, T) pairs (`indexXTPairs`)
 * @param boundaries t_0 = 0, t_1, …, t_K in the summary's time unit (increasing)
 * @param discounts the factor for each period, discounts[k] for (t_{k−1}, t_k] (discounts[0] unused)
 * @returns one value per pair of each sum
 */
export function alivePurchasesPerPair(
  model: PurchaseModel,
  pairs: XTPairs,
  boundaries: ArrayLike<number>,
  discounts: ArrayLike<number>,
): { discounted: Float64Array; total: Float64Array } {
  const K = boundaries.length - 1;
  const discounted = perPair(pairs, (x, T) => {
    let previous = 0;
    let sum = 0;
    for (let k = 1; k <= K; k++) {
      const cumulative = model.aliveExpected(boundaries[k], x, T);
      sum += (cumulative - previous) * discounts[k];
      previous = cumulative;
    }
    return sum;
  });
  const total = perPair(pairs, (x, T) => model.aliveExpected(boundaries[K], x, T));
  return { discounted, total };
}
