/**
 * Parameter uncertainty of the BTYD likelihood fits: the observed information (the Hessian of
 * the negative total log-likelihood at the optimum), standard errors and 95% intervals.
 *
 * The fits optimize θ = ln(parameters) with analytic gradients. The Hessian in θ is taken by
 * central differences of that analytic gradient (step 1e-4, error ~1e-9 relative) and
 * symmetrized. At the optimum the gradient is zero, so the delta method
 * is exact to first order: SE(p) = p · SE(ln p).
 */
import type { ObjectiveWithGradient } from '../optimize/types.ts';

/** A 95% interval. */
export interface Interval {
  lower: number;
  upper: number;
}

/** Standard errors, intervals and the log-scale covariance of a fit's parameters. */
export interface FitUncertainty<K extends string> {
  /** Natural-scale standard errors (delta method from the log scale), as lifetimes reports them. */
  standardErrors: Record<K, number>;
  /** 95% Wald intervals on the log scale, exp(ln p ± 1.96 SE(ln p)): always positive. */
  intervals: Record<K, Interval>;
  /** Covariance of (ln p₁, …, ln p_k): the inverse observed information in θ = ln p. */
  logCovariance: number[][];
}

/** Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;

/**
 * Step in θ = ln p for central differences of the gradient: truncation error h²/6 · f‴ ≈ 2e-9
 * relative, rounding ε/h ≈ 1e-12, far below what standard errors or a Newton step need.
 */
const STEP = 1e-4;

/**
 * Hessian of `objective` at `theta` by central differences of its analytic gradient,
 * Hᵢⱼ = (∂ⱼf(θ + h eᵢ) − ∂ⱼf(θ − h eᵢ)) / 2h, then symmetrized, (H + Hᵀ)/2.
 *
 * Reference: Nocedal & Wright (2006), Numerical Optimization, §8.1 (Hessian from gradient
 * differences). O(2k) gradient evaluations for k parameters.
 *
 * @param objective returns f(θ) and writes ∇f(θ)
 * @param theta the point (usually the optimum)
 * @returns the k × k Hessian
 * @example hessianFromGradient((t, g) => { g[0] = 2 * t[0] * t[1]; g[1] = t[0] ** 2; return t[0] ** 2 * t[1]; }, [1, 2]); // => [[4, 2], [2, 0]] (to ~1e-8)
 */
export function hessianFromGradient(objective: ObjectiveWithGradient, theta: number[]): number[][] {
  const k = theta.length;
  const h = new Array<number[]>(k);
  const up = new Array<number>(k).fill(0);
  const down = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    const moved = theta.slice();
    moved[i] = theta[i] + STEP;
    objective(moved, up);
    moved[i] = theta[i] - STEP;
    objective(moved, down);
    h[i] = up.map((u, j) => (u - down[j]) / (2 * STEP));
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < i; j++) {
      const mean = (h[i][j] + h[j][i]) / 2;
      h[i][j] = mean;
      h[j][i] = mean;
    }
  }
  return h;
}

/**
 * Inverse of a symmetric positive definite matrix through its Cholesky factor; null when the
 * matrix is not numerically positive definite (a flat or saddle likelihood).
 *
 * Reference: Golub & Van Loan (2013), Matrix Computations (4th ed.), §4.2. O(k³).
 *
 * @param a k × k symmetric matrix
 * @returns a⁻¹, or null
 * @example invertPositiveDefinite([[4, 2], [2, 3]]); // => [[0.375, -0.25], [-0.25, 0.5]] (to 1e-15)
 */
export function invertPositiveDefinite(a: number[][]): number[][] | null {
  const k = a.length;
  const l = a.map(() => new Array<number>(k).fill(0));
  let maxDiagonal = 0;
  for (let i = 0; i < k; i++) maxDiagonal = Math.max(maxDiagonal, Math.abs(a[i][i]));
  for (let j = 0; j < k; j++) {
    let d = a[j][j];
    for (let m = 0; m < j; m++) d -= l[j][m] * l[j][m];
    if (!(d > 1e-14 * maxDiagonal)) return null;
    l[j][j] = Math.sqrt(d);
    for (let i = j + 1; i < k; i++) {
      let s = a[i][j];
      for (let m = 0; m < j; m++) s -= l[i][m] * l[j][m];
      l[i][j] = s / l[j][j];
    }
  }
  // L⁻¹ (lower triangular), then A⁻¹ = L⁻ᵀ L⁻¹.
  const inv = a.map(() => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    inv[i][i] = 1 / l[i][i];
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let m = j; m < i; m++) s -= l[i][m] * inv[m][j];
      inv[i][j] = s / l[i][i];
    }
  }
  const out = a.map(() => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let m = i; m < k; m++) s += inv[m][i] * inv[m][j];
      out[i][j] = s;
      out[j][i] = s;
    }
  }
  return out;
}

/** Where `newtonPolish` ends: the point, its value, the largest |gradient| and the Hessian there. */
export interface PolishedOptimum {
  theta: number[];
  value: number;
  gradientMax: number;
  /** Hessian of the objective at the starting point, within ~1e-7 of `theta` (as good for SEs). */
  hessian: number[][];
}

/**
 * Newton steps from a quasi-Newton optimum, θ ← θ − H⁻¹∇f with the Hessian of
 * `hessianFromGradient` taken once at the start, while they reduce the largest gradient
 * component (at most `maxSteps`). BFGS stops at a gradient tolerance, where the estimate still depends on the
 * path taken (and so on the order of the rows summed); Newton's quadratic convergence takes the
 * gradient down to rounding, so that one row per customer and a compressed summary in any
 * order give the same estimates to ~1e-12.
 *
 * Reference: Nocedal & Wright (2006), Numerical Optimization, §3.3 (Newton's method near a
 * minimizer). O(2k + maxSteps) gradient evaluations.
 *
 * @param objective f(θ) with its gradient
 * @param theta the starting point (an optimum to refine)
 * @param maxSteps most Newton steps; default 3
 * @returns the refined point and the Hessian there
 */
export function newtonPolish(objective: ObjectiveWithGradient, theta: number[], maxSteps = 3): PolishedOptimum {
  const k = theta.length;
  let point = theta.slice();
  let gradient = new Array<number>(k).fill(0);
  let value = objective(point, gradient);
  const largest = (g: number[]) => g.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  let gradientMax = largest(gradient);
  // One Hessian for all steps (chord steps): from a BFGS optimum the point moves by ~1e-7, which
  // changes the Hessian by as little, so the steps still contract the gradient ~1e7-fold each.
  const hessian = hessianFromGradient(objective, point);
  const inverse = invertPositiveDefinite(hessian);
  for (let step = 0; step < maxSteps && inverse !== null && gradientMax > 0; step++) {
    const next = point.map((v, i) => v - inverse[i].reduce((s, h, j) => s + h * gradient[j], 0));
    const nextGradient = new Array<number>(k).fill(0);
    const nextValue = objective(next, nextGradient);
    const nextMax = largest(nextGradient);
    if (!(Number.isFinite(nextValue) && nextMax < gradientMax)) break;
    const moved = next.reduce((m, v, i) => Math.max(m, Math.abs(v - point[i])), 0);
    point = next;
    gradient = nextGradient;
    value = nextValue;
    gradientMax = nextMax;
    if (moved < 1e-12) break;
  }
  return { theta: point, value, gradientMax, hessian };
}

/**
 * Standard errors and 95% intervals of a fit whose `objective` is the negative log-likelihood
 * divided by `total` (the fits' mean over customers), as a function of θ = ln p.
 * Observed information in θ: I = total · ∇²objective(θ̂); Cov(θ) = I⁻¹; natural-scale standard
 * errors by the delta method SE(pᵢ) = pᵢ √Cov(θ)ᵢᵢ (what lifetimes prints); intervals
 * exp(θᵢ ± 1.96 √Cov(θ)ᵢᵢ), which stay positive.
 *
 * Reference: Efron & Hinkley (1978), "Assessing the accuracy of the maximum likelihood
 * estimator: observed versus expected Fisher information", Biometrika 65(3). O(k) gradients.
 *
 * @param objective negative mean log-likelihood in θ with its gradient
 * @param theta the optimum θ̂ = ln p̂
 * @param names the parameter names in θ's order
 * @param total the divisor of the objective (customers)
 * @param hessian the objective's Hessian at θ̂ when already known (from `newtonPolish`)
 * @returns the uncertainty, or null when the information matrix is not positive definite
 */
export function logScaleUncertainty<K extends string>(
  objective: ObjectiveWithGradient,
  theta: number[],
  names: readonly K[],
  total: number,
  hessian: number[][] = hessianFromGradient(objective, theta),
): FitUncertainty<K> | null {
  const information = hessian.map((row) => row.map((v) => v * total));
  if (!information.every((row) => row.every(Number.isFinite))) return null;
  const covariance = invertPositiveDefinite(information);
  if (covariance === null) return null;
  const standardErrors = {} as Record<K, number>;
  const intervals = {} as Record<K, Interval>;
  names.forEach((name, i) => {
    const p = Math.exp(theta[i]);
    const seLog = Math.sqrt(covariance[i][i]);
    standardErrors[name] = p * seLog;
    intervals[name] = { lower: Math.exp(theta[i] - Z_95 * seLog), upper: Math.exp(theta[i] + Z_95 * seLog) };
  });
  // An error or bound that overflows (or a covariance rounded to a negative variance) is not an estimate.
  const finite = names.every((name) => [standardErrors[name], intervals[name].lower, intervals[name].upper].every(Number.isFinite));
  if (!finite) return null;
  return { standardErrors, intervals, logCovariance: covariance };
}
