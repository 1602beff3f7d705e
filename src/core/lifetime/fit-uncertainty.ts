/**
 * Parameter uncertainty of the BTYD likelihood fits: the observed information (the Hessian of
 * the negative total log-likelihood at the optimum), standard errors and 95% intervals.
 *
 * The fits optimize θ = ln(parameters) with analytic gradients. The Hessian in θ is taken by
 * central differences of that analytic gradient, refined by one Richardson step (steps h and
 * h/2, error O(h⁴)), and symmetrized. At the optimum the gradient is zero, so the delta method
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

/** Step in θ = ln p for the differences of the gradient: Richardson leaves O(h⁴) ≈ 1e-13. */
const STEP = 1e-3;

function gradientAt(objective: ObjectiveWithGradient, theta: number[], i: number, shift: number): number[] {
  const moved = theta.slice();
  moved[i] += shift;
  const g = new Array<number>(theta.length).fill(0);
  objective(moved, g);
  return g;
}

/**
 * Hessian of `objective` at `theta` by central differences of its analytic gradient with one
 * Richardson extrapolation: D(h) = (g(θ + h eᵢ) − g(θ − h eᵢ)) / 2h, H = (4 D(h/2) − D(h)) / 3,
 * then (H + Hᵀ)/2.
 *
 * Reference: Nocedal & Wright (2006), Numerical Optimization, §8.1 (Hessian from gradient
 * differences); Richardson extrapolation as in Press et al., Numerical Recipes, §5.7. O(4k)
 * gradient evaluations for k parameters.
 *
 * @param objective returns f(θ) and writes ∇f(θ)
 * @param theta the point (usually the optimum)
 * @returns the k × k Hessian
 * @example hessianFromGradient((t, g) => { g[0] = 2 * t[0] * t[1]; g[1] = t[0] ** 2; return t[0] ** 2 * t[1]; }, [1, 2]); // => [[4, 2], [2, 0]] (to ~1e-10)
 */
export function hessianFromGradient(objective: ObjectiveWithGradient, theta: number[]): number[][] {
  const k = theta.length;
  const h = new Array<number[]>(k);
  for (let i = 0; i < k; i++) {
    const far = [gradientAt(objective, theta, i, STEP), gradientAt(objective, theta, i, -STEP)];
    const near = [gradientAt(objective, theta, i, STEP / 2), gradientAt(objective, theta, i, -STEP / 2)];
    h[i] = new Array<number>(k);
    for (let j = 0; j < k; j++) {
      const dFar = (far[0][j] - far[1][j]) / (2 * STEP);
      const dNear = (near[0][j] - near[1][j]) / STEP;
      h[i][j] = (4 * dNear - dFar) / 3;
    }
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
 * @example invertPositiveDefinite([[4, 2], [2, 3]]); // => [[0.375, -0.25], [-0.25, 0.5]]
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
 * @returns the uncertainty, or null when the information matrix is not positive definite
 */
export function logScaleUncertainty<K extends string>(
  objective: ObjectiveWithGradient,
  theta: number[],
  names: readonly K[],
  total: number,
): FitUncertainty<K> | null {
  const hessian = hessianFromGradient(objective, theta);
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
  return { standardErrors, intervals, logCovariance: covariance };
}
