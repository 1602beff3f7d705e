/**
 * Unconstrained minimization by BFGS with a backtracking (Armijo) line search. The likelihood
 * fits run it on log-parameters with analytic gradients.
 */
import type { ObjectiveWithGradient, OptimizeResult } from './types.ts';

export interface BfgsOptions {
  /** Stop when the largest |gradient| component is below this. Default 1e-8. */
  gradientTolerance?: number;
  /** Stop when a step changes the value by less than this relative amount. Default 1e-14. */
  valueTolerance?: number;
  /** Default 500. */
  maxIterations?: number;
  /** Stop (not converged) once `performance.now()` passes this time, in ms. Default none. */
  deadline?: number;
  /**
   * Scale the starting inverse Hessian by sᵀy/yᵀy after the first step (Nocedal & Wright
   * eq. 6.20), which saves iterations when the objective's curvature is far from 1. Default false.
   */
  scaleInitialHessian?: boolean;
  /**
   * Stop (not converged, `stopped: 'outside'`) once a coordinate leaves [lower, upper]: for fits
   * whose estimates are useless beyond a range, where the optimizer would otherwise spend its
   * whole budget following the likelihood towards a boundary. Default none.
   */
  bounds?: { lower: number; upper: number };
  /**
   * Stop the same way (`stopped: 'outside'`) once an accepted point leaves this region, for limits
   * that are not per coordinate (e.g. a ratio of two parameters). Default none.
   */
  inside?: (x: number[]) => boolean;
}

function dot(u: number[], v: number[]): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i] * v[i];
  return s;
}

function maxAbs(v: number[]): number {
  let m = 0;
  for (const e of v) m = Math.max(m, Math.abs(e));
  return m;
}

/**
 * Minimizes a smooth function of several variables with the Broyden–Fletcher–Goldfarb–Shanno
 * quasi-Newton method: the inverse Hessian estimate H is updated from successive gradient
 * changes; each step searches along −H∇f, halving until Armijo's sufficient decrease holds.
 * Non-finite values during the search count as "too far". Converged when the largest gradient
 * component is below `gradientTolerance`, or when a full step no longer changes the value
 * (relative 1e-14) with a small gradient (1e-5).
 *
 * Reference: Nocedal & Wright (2006), Numerical Optimization (2nd ed.), Algorithm 6.1 and §3.1.
 * O(n²) per iteration plus the objective.
 *
 * @param objective returns f(x) and writes ∇f(x) into its second argument
 * @param start starting point
 * @param options tolerances and iteration limit
 * @returns the minimizer, its value, iterations and whether it converged
 * @example bfgs((x, g) => { g[0] = 2 * (x[0] - 3); return (x[0] - 3) ** 2; }, [0]).x[0]; // => 3
 */
export function bfgs(
  objective: ObjectiveWithGradient,
  start: number[],
  options: BfgsOptions = {},
): OptimizeResult {
  const gradientTolerance = options.gradientTolerance ?? 1e-8;
  const valueTolerance = options.valueTolerance ?? 1e-14;
  const maxIterations = options.maxIterations ?? 500;
  const deadline = options.deadline ?? Infinity;
  const n = start.length;
  let x = start.slice();
  let g = new Array<number>(n).fill(0);
  let f = objective(x, g);
  let evaluations = 1;
  if (!Number.isFinite(f)) {
    return { x, value: f, iterations: 0, evaluations, converged: false, stopped: 'non-finite' };
  }
  // Inverse Hessian estimate, starting from the identity.
  let H: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  const nextG = new Array<number>(n).fill(0);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (maxAbs(g) < gradientTolerance) {
      return { x, value: f, iterations: iteration - 1, evaluations, converged: true, stopped: 'gradient' };
    }
    if (performance.now() > deadline) {
      return { x, value: f, iterations: iteration - 1, evaluations, converged: false, stopped: 'deadline' };
    }
    if (
      (options.bounds && x.some((v) => !(v >= options.bounds!.lower && v <= options.bounds!.upper))) ||
      (options.inside && !options.inside(x))
    ) {
      return { x, value: f, iterations: iteration - 1, evaluations, converged: false, stopped: 'outside' };
    }
    const direction = H.map((row) => -dot(row, g));
    let slope = dot(direction, g);
    if (!(slope < 0)) {
      // Not a descent direction (lost curvature): restart from steepest descent.
      H = H.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
      for (let i = 0; i < n; i++) direction[i] = -g[i];
      slope = dot(direction, g);
    }
    let step = 1;
    let trial: number[] = x;
    let fTrial = NaN;
    for (let k = 0; k < 60; k++) {
      trial = x.map((xi, i) => xi + step * direction[i]);
      fTrial = objective(trial, nextG);
      evaluations++;
      if (Number.isFinite(fTrial) && fTrial <= f + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(Number.isFinite(fTrial) && fTrial <= f + 1e-4 * step * slope)) {
      // No decrease along the direction: as good as this method gets.
      return { x, value: f, iterations: iteration, evaluations, converged: maxAbs(g) < 1e-5, stopped: 'line search' };
    }
    const s = trial.map((ti, i) => ti - x[i]);
    const y = nextG.map((gi, i) => gi - g[i]);
    const change = Math.abs(f - fTrial);
    x = trial;
    g = nextG.slice();
    const fOld = f;
    f = fTrial;
    const sy = dot(s, y);
    if (options.scaleInitialHessian && iteration === 1 && sy > 0) {
      const scale = sy / dot(y, y);
      H = H.map((row) => row.map((v) => v * scale));
    }
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
      const rho = 1 / sy;
      const Hy = H.map((row) => dot(row, y));
      const yHy = dot(y, Hy);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          H[i][j] += -rho * (s[i] * Hy[j] + Hy[i] * s[j]) + (rho * rho * yHy + rho) * s[i] * s[j];
        }
      }
    }
    if (change <= valueTolerance * Math.max(1, Math.abs(fOld)) && maxAbs(g) < 1e-5) {
      return { x, value: f, iterations: iteration, evaluations, converged: true, stopped: 'value' };
    }
  }
  const converged = maxAbs(g) < gradientTolerance;
  return { x, value: f, iterations: maxIterations, evaluations, converged, stopped: converged ? 'gradient' : 'iterations' };
}
