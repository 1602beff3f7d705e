/**
 * Maximum-likelihood fit of the Pareto/NBD model: BFGS on log-parameters with the analytic
 * gradient (the ₂F₁ series differentiated term by term), over identical (x, t_x, T) rows
 * grouped with weights.
 */
import { invalid, tooFewToFit } from '../messages.ts';
import type { GroupedRfm } from './btyd-data.ts';
import { readWeightedRfm } from './compress-summary.ts';
import { minimizeWithinBudget, polishWithinBudget, type FitBudget, type FitLimit } from './fit-budget.ts';
import { logScaleUncertainty, type Interval } from './fit-uncertainty.ts';
import { paretoNbdLogLikelihoodUnchecked, type ParetoNbdParams } from './pareto-nbd.ts';

/**
 * Largest max(α, β) / min(α, β) a fit reports as converged. The likelihood's series needs about
 * 40 × that ratio terms per customer for a customer whose purchases all came at once (t_x ≈ 0),
 * so an estimate further apart would cost seconds per iteration; a fit that runs beyond it (the
 * likelihood rising as α/β grows: purchases bunched at the start and then silence) stops there,
 * converged FALSE, and says so. Realistic fits are far inside (CDNOW: α/β = 0.91).
 */
export const FIT_SCALE_RATIO = 1e3;
/** The objective refuses points beyond twice the limit: a line search that overshoots backs off cheaply. */
const OBJECTIVE_SCALE_RATIO = 2 * FIT_SCALE_RATIO;

/** The fit's limit on α/β (θ₁ − θ₃ = ln(α/β)), in words when exceeded. */
const scaleRatioLimit: FitLimit = (theta) => {
  const logRatio = theta[1] - theta[3];
  if (Math.abs(logRatio) <= Math.log(FIT_SCALE_RATIO)) return null;
  const ratio = Math.exp(Math.abs(logRatio)).toPrecision(3);
  return `${logRatio > 0 ? 'alpha/beta' : 'beta/alpha'} ran to ${ratio}, beyond 1e3`;
};
import { CompensatedSum } from '../math/sum.ts';

export interface ParetoNbdFit extends ParetoNbdParams {
  /** Maximized log-likelihood Σ ln L_i (−9595.0 on CDNOW in Fader, Hardie & Lee 2005). */
  logLikelihood: number;
  /** True when the optimizer met its gradient test within its budget and inside 1e-6..1e6. */
  converged: boolean;
  /** How the fit ended: "converged after N iterations", or why it did not converge. */
  reason: string;
  /** Optimizer iterations. */
  iterations: number;
  /** Customers fitted (Σ count on a compressed summary). */
  customers: number;
  /** Natural-scale standard errors from the observed information (null if it is singular). */
  standardErrors: Record<'r' | 'alpha' | 's' | 'beta', number> | null;
  /** 95% intervals, Wald on the log scale (see fit-uncertainty.ts); null with the errors. */
  intervals: Record<'r' | 'alpha' | 's' | 'beta', Interval> | null;
  /** Covariance of (ln r, ln α, ln s, ln β); null with the errors. */
  logCovariance: number[][] | null;
}

/**
 * Negative mean log-likelihood over the groups and its gradient in θ = (ln r, ln α, ln s, ln β).
 * NaN where α and β are more than twice FIT_SCALE_RATIO apart (the series grows with the ratio),
 * which the line search treats as "too far".
 */
export function paretoNbdObjective(data: GroupedRfm): (theta: number[], gradient: number[]) => number {
  const { x, tx, T, weight, customers } = data;
  const groups = x.length;
  const g = new Float64Array(4);
  return (theta, gradient) => {
    const params = { r: Math.exp(theta[0]), alpha: Math.exp(theta[1]), s: Math.exp(theta[2]), beta: Math.exp(theta[3]) };
    const values = [params.r, params.alpha, params.s, params.beta];
    if (!values.every((v) => Number.isFinite(v) && v > 0)) return NaN;
    if (!(Math.max(params.alpha, params.beta) / Math.min(params.alpha, params.beta) <= OBJECTIVE_SCALE_RATIO)) return NaN;
    const ll = new CompensatedSum();
    let g0 = 0;
    let g1 = 0;
    let g2 = 0;
    let g3 = 0;
    for (let i = 0; i < groups; i++) {
      const w = weight[i];
      const value = w * paretoNbdLogLikelihoodUnchecked(params, x[i], tx[i], T[i], g);
      ll.add(value); // compensated, as in the BG/NBD objective
      g0 += w * g[0];
      g1 += w * g[1];
      g2 += w * g[2];
      g3 += w * g[3];
    }
    gradient[0] = (-g0 * values[0]) / customers;
    gradient[1] = (-g1 * values[1]) / customers;
    gradient[2] = (-g2 * values[2]) / customers;
    gradient[3] = (-g3 * values[3]) / customers;
    return -ll.value() / customers;
  };
}

/**
 * Fits the Pareto/NBD model by maximum likelihood. Parameters are optimized on the log scale by
 * BFGS with the analytic gradient, from r = s = 1 and α = β = mean T; if BFGS does not meet its
 * gradient test, a Nelder–Mead pass and a second BFGS run follow, all within an iteration and
 * time budget (a fit that runs out of it, whose parameters leave 1e-6..1e6 or whose α and β end
 * more than FIT_SCALE_RATIO (1e3) apart returns `converged: false` and says why). Accepts a compressed summary
 * (`compressSummary`: distinct rows with a `count` column) as well as one row per customer, with
 * the same result.
 *
 * Reference: Schmittlein, Morrison & Colombo (1987), "Counting your customers: who are they and
 * what will they do next?", Management Science 33(1); Fader, Hardie & Lee (2005), Marketing
 * Science 24(2): on the CDNOW sample r = 0.553, α = 10.578, s = 0.606, β = 11.669,
 * LL = −9595.0. O(n) to group, then O(distinct rows × series terms) per iteration.
 *
 * @param summary table or row objects with columns x, t_x, T (and optionally count)
 * @param budget `maxIterations` (default 200) and `timeBudgetMs` (default 20,000: each likelihood
 *   evaluation sums a series per distinct row, several times the cost of BG/NBD's)
 * @returns `{ r, alpha, s, beta, logLikelihood, converged, reason, iterations, customers, standardErrors,
 *   intervals, logCovariance }`; α and β in the summary's time unit
 * @throws {InputError} for bad rows (naming the row), fewer than two customers, no repeat buyer
 *   or no customer with T > 0
 * @example fitParetoNbd(cdnowSummary); // => { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669, logLikelihood: -9595.0, … } (rounded)
 */
export function fitParetoNbd(summary: unknown, budget: FitBudget = {}): ParetoNbdFit {
  const data = readWeightedRfm(summary);
  if (data.customers < 2) {
    throw tooFewToFit('at least two customers', 'Pareto/NBD', data.customers);
  }
  if (data.repeatBuyers === 0) {
    throw invalid('summary', ': no repeat buyers (every x is 0): the purchase process cannot be fitted', 'num');
  }
  let meanT = 0;
  for (let i = 0; i < data.T.length; i++) meanT += (data.weight[i] * data.T[i]) / data.customers;
  if (!(meanT > 0)) {
    throw invalid('summary', ': no customer with T > 0: purchase rates cannot be fitted', 'num');
  }
  const objective = paretoNbdObjective(data);
  const start = [0, Math.log(meanT), 0, Math.log(meanT)];
  const hint = 'too few customers or repeat purchases, or purchases bunched at the start';
  const fit = polishWithinBudget(
    objective,
    minimizeWithinBudget(objective, start, ['r', 'alpha', 's', 'beta'], { timeBudgetMs: 20000, ...budget }, hint, scaleRatioLimit),
    scaleRatioLimit,
  );
  const [r, alpha, s, beta] = fit.theta.map(Math.exp);
  const uncertainty = fit.hessian === null ? null : logScaleUncertainty(objective, fit.theta, ['r', 'alpha', 's', 'beta'] as const, data.customers, fit.hessian);
  return {
    r,
    alpha,
    s,
    beta,
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
