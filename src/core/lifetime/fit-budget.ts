/**
 * The optimizer run shared by the BTYD likelihood fits: BFGS on log-parameters, then (if it has
 * not converged) Nelder–Mead and BFGS again, all within an iteration and a time budget, and an
 * honest account of how it ended.
 */
import { bfgs } from '../optimize/bfgs.ts';
import { nelderMead } from '../optimize/nelder-mead.ts';
import type { ObjectiveWithGradient, OptimizeResult } from '../optimize/types.ts';
import { newtonPolish } from './fit-uncertainty.ts';

export interface FitBudget {
  /** Most BFGS iterations (each pass; Nelder–Mead gets twice as many). Default 200. */
  maxIterations?: number;
  /** Wall-clock budget for the optimization, in ms. Default 5,000. */
  timeBudgetMs?: number;
}

export interface BudgetedFit {
  /** The log-parameters found. */
  theta: number[];
  /** The objective there. */
  value: number;
  converged: boolean;
  iterations: number;
  /** A sentence saying how the fit ended, e.g. why it did not converge. */
  reason: string;
  /** True when a parameter (or the fit's further limit) ran away: the θ found is no estimate. */
  ranAway: boolean;
}

/**
 * A limit of a fit beyond each parameter's range, e.g. Pareto/NBD's α/β ratio: null while θ is
 * within it, else what ran away in words (`"alpha/beta ran to 2.1e+3, beyond 1e3"`).
 */
export type FitLimit = (theta: number[]) => string | null;

/** Fitted parameters must stay inside this range (that of the BTYD functions). */
const LOW = 1e-6;
const HIGH = 1e6;
/** How far (in log units, a factor 1e6) beyond the range a parameter has run away. */
const RUNAWAY = Math.log(1e6);

/**
 * Minimizes `objective` over log-parameters from `start` within the budget. Not converged when
 * the budget runs out, when the optimizer cannot improve but its gradient is not small, or when a
 * parameter leaves 1e-6..1e6 (the likelihood then keeps rising towards a boundary: the data do not
 * identify the model, e.g. a and b growing together when there is no sign of dropout).
 *
 * @param objective negative mean log-likelihood and its gradient in θ = ln(parameters)
 * @param start starting θ
 * @param names the parameters' names, for the reason
 * @param budget iterations and time
 * @param hint what, in the data, usually causes a parameter to run away (for the reason)
 * @param limit a further limit (e.g. on a ratio of parameters) that ends the fit the same way
 * @returns θ, the objective, converged, iterations and the reason
 */
export function minimizeWithinBudget(
  objective: ObjectiveWithGradient,
  start: number[],
  names: string[],
  budget: FitBudget = {},
  hint = 'too few customers or purchases',
  limit: FitLimit = () => null,
): BudgetedFit {
  const maxIterations = budget.maxIterations ?? 200;
  const timeBudgetMs = budget.timeBudgetMs ?? 5000;
  const deadline = performance.now() + timeBudgetMs;
  // A parameter a million times beyond its range (outside 1e-12..1e12) has run away: the fit will
  // be reported as not converged whatever follows, so the optimizer stops there instead of
  // spending its whole budget on data that do not pin the model down (a few customers).
  const bounds = { lower: Math.log(LOW) - RUNAWAY, upper: Math.log(HIGH) + RUNAWAY };
  const inside = (theta: number[]) => theta.every((t) => t >= bounds.lower && t <= bounds.upper) && limit(theta) === null;
  const options = { gradientTolerance: 1e-9, maxIterations, deadline, scaleInitialHessian: true, bounds, inside };
  let result: OptimizeResult = bfgs(objective, start, options);
  let iterations = result.iterations;
  if (!result.converged && result.stopped !== 'deadline' && ranAway(result.x, names, limit) === null) {
    const scratch = start.map(() => 0);
    // The simplex stops at the same bounds (it followed r to 1e35 in 400 steps without them).
    const simplex = nelderMead((theta) => objective(theta, scratch), result.x, {
      tolerance: 1e-12,
      maxIterations: 2 * maxIterations,
      deadline,
      inside,
    });
    iterations += simplex.iterations;
    if (simplex.stopped === 'deadline') {
      result = simplex.value < result.value ? simplex : result;
      result = { ...result, converged: false, stopped: 'deadline' };
    } else {
      const polished = bfgs(objective, simplex.x, options);
      iterations += polished.iterations;
      result = polished;
    }
  }
  const gone = ranAway(result.x, names, limit);
  let reason: string;
  let converged = result.converged;
  if (gone !== null) {
    converged = false;
    reason = `not converged: ${gone}; the likelihood keeps rising towards that boundary, so these data do not pin the model down (${hint})`;
  } else if (converged) {
    reason = `converged after ${iterations} iterations`;
  } else if (result.stopped === 'deadline') {
    reason = `not converged: the time budget (${timeBudgetMs} ms) ran out after ${iterations} iterations; the estimates are the best found so far`;
  } else if (result.stopped === 'iterations') {
    reason = `not converged: the iteration limit (${maxIterations}) was reached; the estimates are the best found so far`;
  } else if (result.stopped === 'non-finite') {
    reason = 'not converged: the likelihood is not finite at the starting values';
  } else {
    reason = `not converged: the optimizer could not improve the likelihood further after ${iterations} iterations`;
  }
  return { theta: result.x, value: result.value, converged, iterations, reason, ranAway: gone !== null };
}

/** A budgeted fit after Newton polishing, with the Hessian there (for standard errors). */
export interface PolishedFit extends BudgetedFit {
  /** The Hessian at θ; null for a fit that ran away (no estimate to attach errors to). */
  hessian: number[][] | null;
}

/**
 * Newton steps from the budgeted optimum (`newtonPolish`): BFGS stops at a gradient tolerance,
 * where the estimate still depends on the path taken (and so on the row order); the steps take it
 * to rounding level, so a full and a compressed summary give the same estimates. A fit whose BFGS
 * test failed but whose polished gradient is at rounding level, inside 1e-6..1e6, has converged.
 *
 * @param objective the objective the fit minimized
 * @param fit the result of `minimizeWithinBudget`
 * @param limit the further limit the fit had, if any
 * @returns the polished θ and objective, converged and reason updated, and the Hessian (null,
 *   and θ as it was, for a fit that ran away)
 */
export function polishWithinBudget(objective: ObjectiveWithGradient, fit: BudgetedFit, limit: FitLimit = () => null): PolishedFit {
  // Nothing to polish where a parameter ran away; its Hessian costs 2k gradients, each dearer the
  // further out (Pareto/NBD's series grows with α/β): most of a small fit's time.
  if (fit.ranAway) return { ...fit, hessian: null };
  const optimum = newtonPolish(objective, fit.theta);
  const converged = fit.converged || (optimum.gradientMax <= 1e-9 && outside(optimum.theta) === -1 && limit(optimum.theta) === null);
  const reason = converged && !fit.converged ? `converged after ${fit.iterations} iterations and Newton steps` : fit.reason;
  return { theta: optimum.theta, value: optimum.value, converged, iterations: fit.iterations, reason, ranAway: false, hessian: optimum.hessian };
}

/** Index of the first parameter outside 1e-6..1e6 (θ its logarithm), or −1. */
function outside(theta: number[]): number {
  return theta.findIndex((t) => !(t >= Math.log(LOW) && t <= Math.log(HIGH)));
}

/** What ran away at θ, in words (a parameter outside 1e-6..1e6 or the fit's further limit), or null. */
function ranAway(theta: number[], names: string[], limit: FitLimit): string | null {
  const gone = outside(theta);
  if (gone !== -1) return `${names[gone]} ran to ${Math.exp(theta[gone]).toPrecision(3)}, outside 1e-6..1e6`;
  return limit(theta);
}
