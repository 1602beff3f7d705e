/**
 * The Gamma-Gamma model of monetary value: a customer's transaction values are
 * Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, independent of the purchase process.
 */
import { InputError } from '../errors.ts';
import { digamma, logGamma } from '../math/gamma.ts';
import { bfgs } from '../optimize/bfgs.ts';
import { nelderMead } from '../optimize/nelder-mead.ts';
import { readWeightedSpend } from './compress-summary.ts';
import { logScaleUncertainty, newtonPolish, type Interval } from './fit-uncertainty.ts';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  /** Maximized log-likelihood of the mean repeat values given x (Σ ln f(m̄ᵢ | xᵢ)). */
  logLikelihood: number;
  converged: boolean;
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

/** @throws {InputError} unless p, q, γ are finite and positive. */
export function checkGammaGammaParams(params: GammaGammaParams): void {
  if (params === null || typeof params !== 'object') {
    throw new InputError('params must be an object { p, q, gamma }', { argument: 'params' });
  }
  for (const name of ['p', 'q', 'gamma'] as const) {
    const v = params[name];
    if (!(typeof v === 'number' && Number.isFinite(v) && v > 0)) {
      throw new InputError(`${name} must be a positive number (it is ${String(v)})`, { code: 'num', argument: name });
    }
  }
}

/**
 * Fits the Gamma-Gamma spend model by maximum likelihood on the repeat buyers: the density of a
 * customer's mean repeat value m̄ given x purchases is
 * Γ(px+q) / (Γ(px)Γ(q)) · γ^q x^(px) m̄^(px−1) / (γ + x m̄)^(px+q).
 * BFGS on log-parameters with the analytic gradient (Nelder–Mead and BFGS again if needed).
 * Customers with x = 0 carry no spend information and are skipped; repeat buyers whose mean
 * value is ≤ 0 have likelihood zero and are left out and counted in `excluded`.
 *
 * Reference: Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value curves for customer base
 * analysis", JMR 42(4); Fader & Hardie (2013), "The Gamma-Gamma model of monetary value"
 * (note 025): on CDNOW (946 repeat buyers) p = 6.25, q = 3.74, γ = 15.44. O(n) per iteration.
 *
 * @param summary table or row objects with columns x and monetary (mean repeat value), or a
 *   compressed summary with a `count` column (`compressSpend`): the same estimates
 * @returns `{ p, q, gamma, logLikelihood, converged, iterations, n, excluded }`
 * @throws {InputError} for bad rows (naming the row) or fewer than two usable repeat buyers
 * @example fitGammaGamma(cdnowSummary); // => { p: 6.25, q: 3.74, gamma: 15.44, n: 946, excluded: 0, … } (rounded)
 */
export function fitGammaGamma(summary: unknown): GammaGammaFit {
  // One row per customer, or compressed (`compressSpend`, with a count column): the same groups.
  const spend = readWeightedSpend(summary);
  let n = 0;
  let excluded = 0;
  for (let g = 0; g < spend.x.length; g++) {
    if (spend.monetary[g] > 0) n += spend.weight[g];
    else excluded += spend.weight[g];
  }
  if (n < 2) {
    throw new InputError(
      `summary must have at least two repeat buyers with positive monetary value to fit Gamma-Gamma (it has ${n}${excluded > 0 ? `; ${excluded} with monetary ≤ 0 left out` : ''})`,
      { code: 'num', argument: 'summary' },
    );
  }
  const keep: number[] = [];
  for (let g = 0; g < spend.x.length; g++) if (spend.monetary[g] > 0) keep.push(g);
  const x = Float64Array.from(keep, (g) => spend.x[g]);
  const m = Float64Array.from(keep, (g) => spend.monetary[g]);
  const weight = Float64Array.from(keep, (g) => spend.weight[g]);
  let meanM = 0;
  for (let g = 0; g < keep.length; g++) meanM += (weight[g] * m[g]) / n;
  const objective = gammaGammaObjective(x, m, weight);
  // Start where the prior mean pγ/(q − 1) equals the sample mean.
  const start = [0, Math.log(2), Math.log(meanM)];
  let result = bfgs(objective, start, { gradientTolerance: 1e-9 });
  let iterations = result.iterations;
  if (!result.converged) {
    const scratch = [0, 0, 0];
    const simplex = nelderMead((theta) => objective(theta, scratch), result.x, { tolerance: 1e-12 });
    const polished = bfgs(objective, simplex.x, { gradientTolerance: 1e-9 });
    iterations += simplex.iterations + polished.iterations;
    result = polished;
  }
  // Newton steps to rounding level: the same estimates whatever the row order (see newtonPolish).
  const optimum = newtonPolish(objective, result.x);
  const [p, q, gamma] = optimum.theta.map(Math.exp);
  const uncertainty = logScaleUncertainty(objective, optimum.theta, ['p', 'q', 'gamma'] as const, n, optimum.hessian);
  return {
    p,
    q,
    gamma,
    logLikelihood: -optimum.value * n,
    converged: result.converged || optimum.gradientMax <= 1e-9,
    iterations,
    n,
    excluded,
    standardErrors: uncertainty?.standardErrors ?? null,
    intervals: uncertainty?.intervals ?? null,
    logCovariance: uncertainty?.logCovariance ?? null,
  };
}

/**
 * Negative mean log-likelihood and gradient in θ = (ln p, ln q, ln γ); `weight` (default 1 per
 * row) counts the customers a row stands for.
 */
export function gammaGammaObjective(
  x: Float64Array,
  m: Float64Array,
  weight?: Float64Array,
): (theta: number[], gradient: number[]) => number {
  const rows = x.length;
  let n = 0;
  for (let i = 0; i < rows; i++) n += weight === undefined ? 1 : weight[i];
  const distinct = Array.from(new Set(x)).sort((u, v) => u - v);
  const position = new Map(distinct.map((v, i) => [v, i]));
  const xIndex = new Int32Array(rows);
  for (let i = 0; i < rows; i++) xIndex[i] = position.get(x[i])!;
  const logX = new Float64Array(rows);
  const logM = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    logX[i] = Math.log(x[i]);
    logM[i] = Math.log(m[i]);
  }
  const k = distinct.length;
  const cLog = new Float64Array(k);
  const dP = new Float64Array(k);
  const dQ = new Float64Array(k);
  return (theta, gradient) => {
    const p = Math.exp(theta[0]);
    const q = Math.exp(theta[1]);
    const g = Math.exp(theta[2]);
    if (![p, q, g].every((v) => Number.isFinite(v) && v > 0)) return NaN;
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
    let ll = 0;
    let comp = 0;
    let gp = 0;
    let gq = 0;
    let gg = 0;
    for (let i = 0; i < rows; i++) {
      const j = xIndex[i];
      const xi = x[i];
      const w = weight === undefined ? 1 : weight[i];
      const px = p * xi;
      const denom = g + m[i] * xi;
      const logDenom = Math.log(denom);
      const value = w * (cLog[j] + (px - 1) * logM[i] + px * logX[i] - (px + q) * logDenom);
      const next = ll + value;
      comp += Math.abs(ll) >= Math.abs(value) ? ll - next + value : value - next + ll;
      ll = next;
      gp += w * (dP[j] + xi * (logM[i] + logX[i] - logDenom));
      gq += w * (dQ[j] - logDenom);
      gg += w * (q / g - (px + q) / denom);
    }
    ll += comp;
    gradient[0] = (-gp * p) / n;
    gradient[1] = (-gq * q) / n;
    gradient[2] = (-gg * g) / n;
    return -ll / n;
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
 * @throws {InputError} for bad parameters, x, mean, or px + q ≤ 1
 * @example gammaGammaExpectedSpend({ p: 6.25, q: 3.74, gamma: 15.44 }, 2, 22.345); // => 24.6596 (4 dp)
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, x: number, mean: number): number {
  checkGammaGammaParams(params);
  if (!(Number.isInteger(x) && x >= 0)) {
    throw new InputError(`x must be a whole number ≥ 0 (it is ${x})`, { code: 'num', argument: 'x' });
  }
  if (!Number.isFinite(mean)) {
    throw new InputError(`mean must be a number (it is ${String(mean)})`, { code: 'num', argument: 'mean' });
  }
  const { p, q, gamma } = params;
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) {
    throw new InputError(`p·x + q must exceed 1 for a finite expected spend (it is ${p * x + q})`, {
      code: 'num',
      argument: 'q',
    });
  }
  return ((gamma + (x > 0 ? mean * x : 0)) * p) / denominator;
}
