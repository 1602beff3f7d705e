/**
 * The Gamma-Gamma model of monetary value: a customer's transaction values are
 * Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, independent of the purchase process.
 */
import { got, invalid, mustBe, stated, tooFewToFit } from '../messages.ts';
import { digamma, logGamma } from '../math/gamma.ts';
import { inputColumn, numbersOf } from '../table/column-values.ts';
import { BTYD_DATA_LIMIT } from './btyd-data.ts';
import { readWeightedSpend } from './compress-summary.ts';
import { minimizeWithinBudget, polishWithinBudget, type FitBudget } from './fit-budget.ts';
import { logScaleUncertainty, type Interval } from './fit-uncertainty.ts';
import { CompensatedSum } from '../math/sum.ts';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  /** Maximized log-likelihood of the mean repeat values given x (Σ ln f(m̄ᵢ | xᵢ)). */
  logLikelihood: number;
  /** True when the optimizer met its gradient test within its budget and inside 1e-6..1e6. */
  converged: boolean;
  /** How the fit ended: "converged after N iterations", or why it did not converge. */
  reason: string;
  iterations: number;
  /** Customers fitted (x > 0 and monetary > 0). */
  n: number;
  /** Repeat buyers left out because their mean repeat value is ≤ 0 (likelihood zero). */
  excluded: number;
  /** Natural-scale standard errors from the observed information (null if it is singular). */
  standardErrors: Record<'p' | 'q' | 'gamma', number> | null;
  /** 95% intervals, Wald on the log scale (see fit-uncertainty.ts); null with the errors. */
  intervals: Record<'p' | 'q' | 'gamma', Interval> | null;
  /** Covariance of (ln p, ln q, ln γ); null with the errors. */
  logCovariance: number[][] | null;
}

/**
 * Accepted ranges: p and q from 1e-6 to 1e6 (shapes), γ from 1e-6 to 1e15 (a scale in money
 * units), mean repeat values up to 1e15 in size: every result then stays finite.
 */
export const GAMMA_GAMMA_LIMITS = { shape: [1e-6, 1e6], gamma: [1e-6, 1e15], money: 1e15 } as const;

/** @throws {InputError} unless p, q are numbers from 1e-6 to 1e6 and γ from 1e-6 to 1e15. */
export function checkGammaGammaParams(params: GammaGammaParams): void {
  if (params === null || typeof params !== 'object') {
    throw invalid('params', 'must be an object { p, q, gamma }');
  }
  for (const name of ['p', 'q', 'gamma'] as const) {
    const v = params[name];
    const [low, high] = name === 'gamma' ? GAMMA_GAMMA_LIMITS.gamma : GAMMA_GAMMA_LIMITS.shape;
    if (!(typeof v === 'number' && v >= low && v <= high)) {
      throw mustBe(name, `a number from 1e-6 to ${name === 'gamma' ? '1e15' : '1e6'}`, { value: v, code: 'num' });
    }
  }
}

/**
 * Fits the Gamma-Gamma spend model by maximum likelihood on the repeat buyers: the density of a
 * customer's mean repeat value m̄ given x purchases is
 * Γ(px+q) / (Γ(px)Γ(q)) · γ^q x^(px) m̄^(px−1) / (γ + x m̄)^(px+q).
 * BFGS on log-parameters with the analytic gradient from method-of-moments starting values
 * (Nelder–Mead and BFGS again if needed), within an iteration and time budget (default 200
 * iterations per pass and 5 s): `converged: false` and `reason` say when and why it fell short.
 * Customers with x = 0 carry no spend information and are skipped; repeat buyers whose mean
 * value is ≤ 0 have likelihood zero and are left out and counted in `excluded`.
 *
 * Reference: Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value curves for customer base
 * analysis", JMR 42(4); Fader & Hardie (2013), "The Gamma-Gamma model of monetary value"
 * (note 025): on CDNOW (946 repeat buyers) p = 6.25, q = 3.74, γ = 15.44. O(n) per iteration.
 *
 * @param summary table or row objects with columns x and monetary (mean repeat value), or a
 *   compressed summary with a `count` column (`compressSpend`): the same estimates; x whole
 *   from 0 to 1e6, |monetary| ≤ 1e15
 * @param budget `maxIterations` (default 200) and `timeBudgetMs` (default 5,000)
 * @returns `{ p, q, gamma, logLikelihood, converged, reason, iterations, n, excluded,
 *   standardErrors, intervals, logCovariance }`
 * @throws {InputError} for bad rows (naming the row) or fewer than two usable repeat buyers
 * @example fitGammaGamma(cdnowSummary); // => { p: 6.25, q: 3.74, gamma: 15.44, n: 946, excluded: 0, … } (rounded)
 */
export function fitGammaGamma(summary: unknown, budget: FitBudget = {}): GammaGammaFit {
  const xs = numbersOf(inputColumn(summary, 'x', 'summary'), 'x', 'summary');
  const ms = numbersOf(inputColumn(summary, 'monetary', 'summary'), 'monetary', 'summary');
  for (let i = 0; i < xs.length; i++) {
    if (!(Number.isInteger(xs[i]) && xs[i] >= 0 && xs[i] <= BTYD_DATA_LIMIT)) {
      throw mustBe({ argument: 'x', row: i + 1 }, 'a whole number from 0 to 1e6', { value: xs[i], code: 'num' });
    }
    if (Math.abs(ms[i]) > GAMMA_GAMMA_LIMITS.money) {
      throw mustBe({ argument: 'monetary', row: i + 1 }, 'at most 1e15 in size', { value: ms[i], code: 'num' });
    }
  }
  // One row per customer, or compressed (`compressSpend`, with a count column): the same groups.
  const spend = readWeightedSpend(summary);
  let n = 0;
  let excluded = 0;
  for (let g = 0; g < spend.x.length; g++) {
    if (spend.monetary[g] > 0) n += spend.weight[g];
    else excluded += spend.weight[g];
  }
  if (n < 2) {
    throw tooFewToFit('at least two repeat buyers with positive monetary value', 'Gamma-Gamma', n, excluded > 0 ? `; ${excluded} with monetary ≤ 0 left out` : '');
  }
  const keep: number[] = [];
  for (let g = 0; g < spend.x.length; g++) if (spend.monetary[g] > 0) keep.push(g);
  const x = Float64Array.from(keep, (g) => spend.x[g]);
  const weight = Float64Array.from(keep, (g) => spend.weight[g]);
  // The model is scale-invariant in m̄ (m̄·c gives γ·c, the same p, q, and a log-likelihood
  // moved by −n ln c): fitting m̄·2^e with their geometric mean near 1 and scaling γ back is exact,
  // and keeps tiny or denormal amounts (whose squares underflow) away from 0 and ∞. Amounts of
  // ordinary size are fitted as they are (e = 0).
  const exponent = centringExponent(keep.map((g) => spend.monetary[g]), weight);
  const m = Float64Array.from(keep, (g) => timesPowerOfTwo(spend.monetary[g], exponent));
  const objective = gammaGammaObjective(x, m, weight);
  const fit = polishWithinBudget(
    objective,
    minimizeWithinBudget(
      objective,
      gammaGammaStart(x, m, weight),
      ['p', 'q', exponent === 0 ? 'gamma' : `gamma (in units of 2^${-exponent} of monetary)`],
      budget,
      'too few repeat buyers, or mean values that hardly differ between customers',
    ),
  );
  const [p, q, scaledGamma] = fit.theta.map(Math.exp);
  const gamma = timesPowerOfTwo(scaledGamma, -exponent);
  if (![p, q, gamma, fit.value].every(Number.isFinite) || !(gamma > 0)) {
    const amounts = keep.map((g) => spend.monetary[g]);
    throw invalid('monetary', `: the Gamma-Gamma likelihood cannot be evaluated for these amounts (from ${Math.min(...amounts)} to ${Math.max(...amounts)}): they span too wide a range to fit`, 'num');
  }
  const scaled = fit.hessian === null ? null : logScaleUncertainty(objective, fit.theta, ['p', 'q', 'gamma'] as const, n, fit.hessian);
  const uncertainty = scaled && unscaleGamma(scaled, exponent);
  return {
    p,
    q,
    gamma,
    logLikelihood: -fit.value * n + n * exponent * Math.LN2,
    converged: fit.converged,
    reason: fit.reason,
    iterations: fit.iterations,
    n,
    excluded,
    standardErrors: uncertainty?.standardErrors ?? null,
    intervals: uncertainty?.intervals ?? null,
    logCovariance: uncertainty?.logCovariance ?? null,
  };
}

/**
 * 0 when the weighted geometric mean of the positive values m lies within 2^±20 (about 1e-6..1e6,
 * where γ's fit range puts it), else the e that brings the geometric mean of m·2^e nearest to 1.
 */
function centringExponent(m: number[], weight: Float64Array): number {
  let total = 0;
  let n = 0;
  for (let i = 0; i < m.length; i++) {
    total += weight[i] * Math.log2(m[i]);
    n += weight[i];
  }
  const e = -Math.round(total / n);
  return Math.abs(e) <= 20 ? 0 : e;
}

/** v·2^e, exact unless the result leaves the normal range (2^e alone may not fit in a double). */
function timesPowerOfTwo(v: number, e: number): number {
  const half = Math.trunc(e / 2);
  return v * 2 ** half * 2 ** (e - half);
}

/** Standard errors and intervals of the fit to m̄·2^e, for m̄: γ's are scaled by 2^−e, the rest stay. */
function unscaleGamma<T extends { standardErrors: Record<'p' | 'q' | 'gamma', number>; intervals: Record<'p' | 'q' | 'gamma', Interval> }>(
  uncertainty: T,
  exponent: number,
): T | null {
  const se = timesPowerOfTwo(uncertainty.standardErrors.gamma, -exponent);
  const lower = timesPowerOfTwo(uncertainty.intervals.gamma.lower, -exponent);
  const upper = timesPowerOfTwo(uncertainty.intervals.gamma.upper, -exponent);
  if (![se, lower, upper].every(Number.isFinite)) return null;
  return {
    ...uncertainty,
    standardErrors: { ...uncertainty.standardErrors, gamma: se },
    intervals: { ...uncertainty.intervals, gamma: { lower, upper } },
  };
}

/**
 * Starting θ = ln(p, q, γ), a rough method of moments: the squared coefficient of variation cv²
 * of the customers' means m̄ has a between-customer part 1/(q − 2) (ν ~ Gamma(q, γ)) and a
 * within-customer part mean(1/x)/p (z ~ Gamma(p, ν)); half of cv² is given to each, so
 * q = 2 + 2/cv² (3..100) and p = 2·mean(1/x)/cv² (0.5..100), and γ makes the population mean
 * pγ/(q − 1) equal the sample mean. `weight` counts the customers each row stands for.
 */
export function gammaGammaStart(x: Float64Array, m: Float64Array, weight: Float64Array): number[] {
  let n = 0;
  let largest = 0;
  for (let i = 0; i < x.length; i++) {
    n += weight[i];
    largest = Math.max(largest, m[i]);
  }
  // Moments of m / max(m), whose squares neither overflow nor matter when they underflow.
  let mean = 0;
  let square = 0;
  let withinShare = 0; // mean(1/x)
  for (let i = 0; i < x.length; i++) {
    const w = weight[i] / n;
    const v = m[i] / largest;
    mean += w * v;
    square += w * v * v;
    withinShare += w / x[i];
  }
  const cv2 = (square - mean * mean) / (mean * mean);
  const q = Math.min(100, Math.max(3, 2 + 2 / Math.max(cv2, 1e-6)));
  const p = Math.min(100, Math.max(0.5, (2 * withinShare) / Math.max(cv2, 1e-6)));
  const gamma = (mean * largest * (q - 1)) / p;
  return [Math.log(p), Math.log(q), Math.log(gamma)];
}

/**
 * Negative mean log-likelihood and gradient in θ = (ln p, ln q, ln γ), in one pass; `weight`
 * (default 1 per row) counts the customers a row stands for. The terms in ln x and ln m̄ are
 * linear in p, so their sums are taken once; per row and evaluation there is one logarithm and
 * one division, ln(γ + x m̄) and its derivative.
 */
export function gammaGammaObjective(
  x: Float64Array,
  m: Float64Array,
  weight?: Float64Array,
): (theta: number[], gradient: number[]) => number {
  const rows = x.length;
  const w = weight ?? new Float64Array(rows).fill(1);
  let n = 0;
  for (let i = 0; i < rows; i++) n += w[i];
  const distinct = Array.from(new Set(x)).sort((u, v) => u - v);
  const position = new Map(distinct.map((v, i) => [v, i]));
  const k = distinct.length;
  // Customers per distinct x, and Σ w x ln m̄, Σ w ln m̄, Σ w x ln x (compensated: ~1e5 in size).
  const xWeight = new Float64Array(k);
  const xLogM = new CompensatedSum();
  const logMSum = new CompensatedSum();
  const xLogX = new CompensatedSum();
  const wx = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    xWeight[position.get(x[i])!] += w[i];
    wx[i] = w[i] * x[i];
    const logM = Math.log(m[i]);
    xLogM.add(wx[i] * logM);
    logMSum.add(w[i] * logM);
    xLogX.add(wx[i] * Math.log(x[i]));
  }
  const sumXLogM = xLogM.value();
  const sumLogM = logMSum.value();
  const sumXLogX = xLogX.value();
  const cLog = new Float64Array(k);
  const dP = new Float64Array(k);
  const dQ = new Float64Array(k);
  return (theta, gradient) => {
    const p = Math.exp(theta[0]);
    const q = Math.exp(theta[1]);
    const g = Math.exp(theta[2]);
    if (!(p > 0 && p < Infinity && q > 0 && q < Infinity && g > 0 && g < Infinity)) return NaN;
    const lgQ = logGamma(q);
    const psiQ = digamma(q);
    const logG = Math.log(g);
    for (let j = 0; j < k; j++) {
      const px = p * distinct[j];
      const psiPQ = digamma(px + q);
      cLog[j] = logGamma(px + q) - logGamma(px) - lgQ + q * logG;
      dP[j] = distinct[j] * (psiPQ - digamma(px));
      dQ[j] = psiPQ - psiQ + logG;
    }
    // Σ w ln(γ + x m̄) and Σ w x ln(γ + x m̄) (compensated), Σ w/(γ + x m̄), Σ w x/(γ + x m̄).
    const logDenom = new CompensatedSum();
    const xLogDenom = new CompensatedSum();
    let inverse = 0;
    let xInverse = 0;
    for (let i = 0; i < rows; i++) {
      const denom = g + m[i] * x[i];
      const l = Math.log(denom);
      logDenom.add(w[i] * l);
      xLogDenom.add(wx[i] * l);
      const invDenom = 1 / denom;
      inverse += w[i] * invDenom;
      xInverse += wx[i] * invDenom;
    }
    const sumLogDenom = logDenom.value();
    const sumXLogDenom = xLogDenom.value();
    // ln L = Σ_x n_x cLog_x + (p Σ w x ln m̄ − Σ w ln m̄) + p Σ w x ln x − p Σ w x ln D − q Σ w ln D.
    const ll = new CompensatedSum();
    let gp = 0;
    let gq = 0;
    for (let j = 0; j < k; j++) {
      ll.add(xWeight[j] * cLog[j]);
      gp += xWeight[j] * dP[j];
      gq += xWeight[j] * dQ[j];
    }
    ll.add(p * sumXLogM - sumLogM);
    ll.add(p * sumXLogX);
    ll.add(-p * sumXLogDenom);
    ll.add(-q * sumLogDenom);
    gp += sumXLogM + sumXLogX - sumXLogDenom;
    gq -= sumLogDenom;
    const gg = (n * q) / g - (p * xInverse + q * inverse);
    gradient[0] = (-gp * p) / n;
    gradient[1] = (-gq * q) / n;
    gradient[2] = (-gg * g) / n;
    return -ll.value() / n;
  };
}

/**
 * Conditional expected mean transaction value of a customer with x repeat purchases of mean
 * value m̄: E[M | p, q, γ, m̄, x] = (γ + m̄x) p / (px + q − 1), a weighted average of the
 * population mean pγ/(q − 1) and the customer's own mean. With x = 0 it is the population mean
 * (needs q > 1).
 *
 * Reference: Fader, Hardie & Lee (2005), JMR 42(4), eq. 5; Fader & Hardie (2013), note 025,
 * eq. 5. O(1).
 *
 * @param params Gamma-Gamma parameters
 * @param x repeat purchases
 * @param mean mean repeat transaction value (ignored when x = 0)
 * @returns expected spend per transaction
 * @throws {InputError} for p, q outside 1e-6..1e6, γ outside 1e-6..1e15, x not a whole number
 *   from 0 to 1e6, |mean| > 1e15, or px + q ≤ 1
 * @example gammaGammaExpectedSpend({ p: 6.25, q: 3.74, gamma: 15.44 }, 2, 22.345); // => 24.6596 (4 dp)
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, x: number, mean: number): number {
  checkGammaGammaParams(params);
  if (!(Number.isInteger(x) && x >= 0 && x <= BTYD_DATA_LIMIT)) {
    throw mustBe('x', 'a whole number from 0 to 1e6', { value: x, code: 'num' });
  }
  if (!(Math.abs(mean) <= GAMMA_GAMMA_LIMITS.money)) {
    throw mustBe('mean', 'a number at most 1e15 in size', { value: mean, code: 'num' });
  }
  const { p, q, gamma } = params;
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) {
    throw stated('q', `p·x + q must exceed 1 for a finite expected spend${got(p * x + q)}`, 'num');
  }
  return ((gamma + (x > 0 ? mean * x : 0)) * p) / denominator;
}
