/**
 * Maximum-likelihood fit of the BG/NBD model: BFGS on log-parameters with the analytic
 * gradient, over identical (x, t_x, T) rows grouped with weights.
 */
import { invalid, tooFewToFit } from '../messages.ts';
import { digamma, logGamma } from '../math/gamma.ts';
import type { GroupedRfm } from './btyd-data.ts';
import type { BgNbdParams } from './bg-nbd.ts';
import { readWeightedRfm } from './compress-summary.ts';
import { minimizeWithinBudget, polishWithinBudget, type FitBudget } from './fit-budget.ts';
import { logScaleUncertainty, type Interval } from './fit-uncertainty.ts';
import { CompensatedSum } from '../math/sum.ts';

export interface BgNbdFit extends BgNbdParams {
  /** Maximized log-likelihood, in the paper's convention (Σ ln L_i; −9582.4 on CDNOW). */
  logLikelihood: number;
  /** True when the optimizer met its gradient test within its budget and inside 1e-6..1e6. */
  converged: boolean;
  /** How the fit ended: "converged after N iterations", or why it did not converge. */
  reason: string;
  /** Optimizer iterations. */
  iterations: number;
  /** Customers fitted. */
  customers: number;
  /** Natural-scale standard errors from the observed information (null if it is singular). */
  standardErrors: Record<'r' | 'alpha' | 'a' | 'b', number> | null;
  /** 95% intervals, Wald on the log scale (see fit-uncertainty.ts); null with the errors. */
  intervals: Record<'r' | 'alpha' | 'a' | 'b', Interval> | null;
  /** Covariance of (ln r, ln α, ln a, ln b); null with the errors. */
  logCovariance: number[][] | null;
}

/**
 * Index of each value in a list of the distinct values (in order of first appearance), so that
 * a function of the value is computed once per distinct value: ages and times of last purchase
 * fall on a few hundred days.
 */
function distinctIndex(values: Float64Array[], index: Int32Array[]): Float64Array {
  const position = new Map<number, number>();
  const distinct: number[] = [];
  values.forEach((column, c) => {
    for (let g = 0; g < column.length; g++) {
      let i = position.get(column[g]);
      if (i === undefined) {
        i = distinct.length;
        position.set(column[g], i);
        distinct.push(column[g]);
      }
      index[c][g] = i;
    }
  });
  return Float64Array.from(distinct);
}

/**
 * Negative mean log-likelihood over the groups and its gradient with respect to
 * θ = (ln r, ln α, ln a, ln b), in one pass. Gamma and digamma terms depend on x only, so they
 * are computed once per distinct x; ln(α + t) and 1/(α + t) once per distinct time (t_x or T);
 * per group there is one exponential and one logarithm.
 */
export function bgNbdObjective(data: GroupedRfm): (theta: number[], gradient: number[]) => number {
  const { x, tx, T, weight, customers } = data;
  const groups = x.length;
  const distinct = Array.from(new Set(x)).sort((p, q) => p - q);
  const xIndex = new Int32Array(groups);
  const position = new Map(distinct.map((v, i) => [v, i]));
  for (let g = 0; g < groups; g++) xIndex[g] = position.get(x[g])!;
  // Customers per distinct x: the terms that depend on x alone are summed once per x.
  const xWeight = new Float64Array(distinct.length);
  for (let g = 0; g < groups; g++) xWeight[xIndex[g]] += weight[g];
  const TIndex = new Int32Array(groups);
  const txIndex = new Int32Array(groups);
  const times = distinctIndex([T, tx], [TIndex, txIndex]);
  const logTime = new Float64Array(times.length);
  const invTime = new Float64Array(times.length);
  const k = distinct.length;
  const cLog = new Float64Array(k);
  const dR = new Float64Array(k);
  const dA = new Float64Array(k);
  const dB = new Float64Array(k);
  const logA4 = new Float64Array(k);
  const inv4 = new Float64Array(k);
  return (theta, gradient) => {
    const r = Math.exp(theta[0]);
    const alpha = Math.exp(theta[1]);
    const a = Math.exp(theta[2]);
    const b = Math.exp(theta[3]);
    if (!(r > 0 && r < Infinity && alpha > 0 && alpha < Infinity && a > 0 && a < Infinity && b > 0 && b < Infinity)) return NaN;
    const lgR = logGamma(r);
    const lgB = logGamma(b);
    const lgAB = logGamma(a + b);
    const psiR = digamma(r);
    const psiB = digamma(b);
    const psiAB = digamma(a + b);
    const logAlpha = Math.log(alpha);
    const logSmallA = Math.log(a);
    for (let j = 0; j < k; j++) {
      const xj = distinct[j];
      cLog[j] = logGamma(r + xj) - lgR + logGamma(b + xj) - lgB + lgAB - logGamma(a + b + xj);
      const psiABX = digamma(a + b + xj);
      dR[j] = digamma(r + xj) - psiR;
      dA[j] = psiAB - psiABX;
      dB[j] = digamma(b + xj) - psiB + psiAB - psiABX;
      logA4[j] = xj > 0 ? logSmallA - Math.log(b + xj - 1) : 0;
      inv4[j] = xj > 0 ? 1 / (b + xj - 1) : 0;
    }
    for (let i = 0; i < times.length; i++) {
      logTime[i] = Math.log(alpha + times[i]);
      invTime[i] = 1 / (alpha + times[i]);
    }
    const ll = new CompensatedSum();
    let gr = 0;
    let gAlpha = 0;
    let ga = 0;
    let gb = 0;
    let dropped = 0; // Σ w · w4, whose derivative in a is w4/a
    for (let j = 0; j < k; j++) {
      const w = xWeight[j];
      ll.add(w * (cLog[j] + r * logAlpha));
      gr += w * (dR[j] + logAlpha);
      gAlpha += w * (r / alpha);
      ga += w * dA[j];
      gb += w * dB[j];
    }
    for (let g = 0; g < groups; g++) {
      const j = xIndex[g];
      const xg = x[g];
      const w = weight[g];
      const rx = r + xg;
      const iT = TIndex[g];
      const lT = logTime[iT];
      const s3 = -rx * lT;
      let term: number;
      let w3 = 1;
      let w4 = 0;
      let lTx = 0;
      let invTx = 0;
      if (xg > 0) {
        const iTx = txIndex[g];
        lTx = logTime[iTx];
        invTx = invTime[iTx];
        // ln(e^s3 + e^s4) = max + ln(1 + e^−|s3 − s4|); the weights e^s / (e^s3 + e^s4).
        const s4 = logA4[j] - rx * lTx;
        const small = Math.exp(-Math.abs(s3 - s4));
        const total = 1 + small;
        if (s3 >= s4) {
          term = s3 + Math.log1p(small);
          w3 = 1 / total;
          w4 = small / total;
        } else {
          term = s4 + Math.log1p(small);
          w3 = small / total;
          w4 = 1 / total;
        }
      } else {
        term = s3;
      }
      ll.add(w * term); // compensated: the sum has ~1e4 magnitude and many small parts
      gr -= w * (w3 * lT + w4 * lTx);
      gAlpha -= w * rx * (w3 * invTime[iT] + w4 * invTx);
      dropped += w * w4;
      gb -= w * w4 * inv4[j];
    }
    // d/dθ = p · d/dp; minimize the negative mean.
    gradient[0] = (-gr * r) / customers;
    gradient[1] = (-gAlpha * alpha) / customers;
    gradient[2] = -(ga * a + dropped) / customers;
    gradient[3] = (-gb * b) / customers;
    return -ll.value() / customers;
  };
}

/**
 * Starting θ = ln(r, α, a, b): r and α by the method of moments on the customers' rates x/T
 * (mean m, variance v less the Poisson part mean(x/T²): Gamma(r, α) has mean r/α and variance
 * r/α²), clamped to 0.01..100 for r; a = 1, b = 3 (a mean dropout probability of a quarter).
 * Each group counts with its weight (the customers it stands for).
 */
export function bgNbdStart(data: GroupedRfm): number[] {
  const { x, T, weight } = data;
  let n = 0;
  let mean = 0;
  let square = 0;
  let noise = 0;
  for (let g = 0; g < x.length; g++) {
    if (!(T[g] > 0)) continue;
    const w = weight[g];
    const rate = x[g] / T[g];
    n += w;
    mean += w * rate;
    square += w * rate * rate;
    noise += (w * rate) / T[g];
  }
  mean /= n;
  const variance = square / n - mean * mean - noise / n;
  const r = variance > 0 ? Math.min(100, Math.max(0.01, (mean * mean) / variance)) : 1;
  const alpha = r / Math.max(mean, 1e-6);
  return [Math.log(r), Math.log(alpha), 0, Math.log(3)];
}

/**
 * Fits the BG/NBD model by maximum likelihood. Parameters are optimized on the log scale (so
 * they stay positive) by BFGS with the analytic gradient; if BFGS does not meet its gradient
 * test, a Nelder–Mead pass and a second BFGS run follow, all within an iteration and time budget
 * (default 200 iterations per pass and 5 s): a fit that runs out of budget, or whose parameters
 * leave 1e-6..1e6 (no finite maximum), returns `converged: false` and says why in `reason`. Identical (x, t_x, T) rows are grouped
 * with weights first, so a million-customer log costs about as much as its distinct rows.
 *
 * Reference: Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing
 * Science 24(2), eq. 6; on the CDNOW sample r = 0.243, α = 4.414, a = 0.793, b = 2.426,
 * LL = −9582.4 (weeks). O(n) to group, then O(distinct rows) per iteration.
 *
 * @param summary table or row objects with columns x, t_x, T (e.g. from `customerSummary`), or a
 *   compressed summary with a `count` column (`compressSummary`): the same estimates;
 *   x whole from 0 to 1e6, 0 ≤ t_x ≤ T ≤ 1e6
 * @param budget `maxIterations` (default 200) and `timeBudgetMs` (default 5,000)
 * @returns `{ r, alpha, a, b, logLikelihood, converged, reason, iterations, customers,
 *   standardErrors, intervals, logCovariance }`; α is in the
 *   summary's time unit
 * @throws {InputError} for bad rows (naming the row), fewer than two customers, no repeat buyer
 *   or no customer with T > 0
 * @example fitBgNbd(cdnowSummary); // => { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, logLikelihood: -9582.4, … } (rounded)
 */
export function fitBgNbd(summary: unknown, budget: FitBudget = {}): BgNbdFit {
  // One row per customer, or compressed (distinct rows with a count column): the same groups.
  const data = readWeightedRfm(summary);
  if (data.customers < 2) {
    throw tooFewToFit('at least two customers', 'BG/NBD', data.customers);
  }
  if (data.repeatBuyers === 0) {
    throw invalid('summary', ': no repeat buyers (every x is 0): the dropout process cannot be fitted', 'num');
  }
  let maxT = 0;
  for (let g = 0; g < data.T.length; g++) maxT = Math.max(maxT, data.T[g]);
  if (!(maxT > 0)) {
    throw invalid('summary', ': no customer with T > 0: purchase rates cannot be fitted', 'num');
  }
  const objective = bgNbdObjective(data);
  const fit = polishWithinBudget(
    objective,
    minimizeWithinBudget(objective, bgNbdStart(data), ['r', 'alpha', 'a', 'b'], budget, 'too few customers or repeat purchases, or no sign of dropout'),
  );
  const [r, alpha, a, b] = fit.theta.map(Math.exp);
  const uncertainty = fit.hessian === null ? null : logScaleUncertainty(objective, fit.theta, ['r', 'alpha', 'a', 'b'] as const, data.customers, fit.hessian);
  return {
    r,
    alpha,
    a,
    b,
    logLikelihood: -fit.value * data.customers,
    converged: fit.converged,
    reason: fit.reason,
    iterations: fit.iterations,
    customers: data.customers,
    standardErrors: uncertainty?.standardErrors ?? null,
    intervals: uncertainty?.intervals ?? null,
    logCovariance: uncertainty?.logCovariance ?? null,
  };
}
