/**
 * Derivative-free minimization by the Nelder–Mead simplex: the fallback when a gradient is not
 * available or BFGS stalls.
 */
import type { OptimizeResult } from './types.ts';

export interface NelderMeadOptions {
  /** Stop when the simplex's values and vertices span less than this. Default 1e-10. */
  tolerance?: number;
  /** Default 200 × dimension. */
  maxIterations?: number;
  /** Size of the initial simplex around the start. Default 0.1 (plus 0.1 × |xᵢ|). */
  step?: number;
  /** Stop (not converged) once `performance.now()` passes this time, in ms. Default none. */
  deadline?: number;
  /** Stop (not converged, `stopped: 'outside'`) once the best vertex leaves this region. Default none. */
  inside?: (x: number[]) => boolean;
}

/**
 * Nelder–Mead with the adaptive coefficients of Gao & Han for dimension n (reflection 1,
 * expansion 1 + 2/n, contraction 0.75 − 1/(2n), shrink 1 − 1/n), which behave better than the
 * classic ones beyond a few dimensions. Non-finite values count as +∞. Converged when the
 * spread of values and of vertices are both below `tolerance`.
 *
 * Reference: Nelder & Mead (1965), The Computer Journal 7(4); Gao & Han (2012), Computational
 * Optimization and Applications 51(1). O(n) evaluations per iteration at most.
 *
 * @param objective the function to minimize
 * @param start starting point
 * @param options tolerance, iteration limit and initial step
 * @returns the best vertex, its value, iterations and whether it converged
 * @example Math.round(nelderMead((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, [0, 0]).x[1] * 1e6) / 1e6; // => -2
 */
export function nelderMead(
  objective: (x: number[]) => number,
  start: number[],
  options: NelderMeadOptions = {},
): OptimizeResult {
  const n = start.length;
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 200 * n;
  const step = options.step ?? 0.1;
  const deadline = options.deadline ?? Infinity;
  const alpha = 1;
  const gamma = 1 + 2 / n;
  const rho = 0.75 - 1 / (2 * n);
  const sigma = 1 - 1 / n;
  let evaluations = 0;
  const f = (x: number[]): number => {
    evaluations++;
    const v = objective(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const simplex: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const vertex = start.slice();
    vertex[i] += step * (1 + Math.abs(vertex[i]));
    simplex.push(vertex);
  }
  const values = simplex.map(f);
  const order = (): void => {
    const idx = values.map((_, i) => i).sort((p, q) => values[p] - values[q]);
    const s = idx.map((i) => simplex[i]);
    const v = idx.map((i) => values[i]);
    for (let i = 0; i <= n; i++) {
      simplex[i] = s[i];
      values[i] = v[i];
    }
  };
  const along = (centroid: number[], worst: number[], t: number): number[] =>
    centroid.map((c, i) => c + t * (c - worst[i]));
  let iteration = 0;
  for (; iteration < maxIterations; iteration++) {
    order();
    let spread = 0;
    for (let i = 1; i <= n; i++) {
      for (let j = 0; j < n; j++) spread = Math.max(spread, Math.abs(simplex[i][j] - simplex[0][j]));
    }
    if (Math.abs(values[n] - values[0]) <= tolerance * (1 + Math.abs(values[0])) && spread <= tolerance) {
      return { x: simplex[0], value: values[0], iterations: iteration, evaluations, converged: true, stopped: 'simplex' };
    }
    if (performance.now() > deadline) {
      return { x: simplex[0], value: values[0], iterations: iteration, evaluations, converged: false, stopped: 'deadline' };
    }
    if (options.inside && !options.inside(simplex[0])) {
      return { x: simplex[0], value: values[0], iterations: iteration, evaluations, converged: false, stopped: 'outside' };
    }
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
    const worst = simplex[n];
    const reflected = along(centroid, worst, alpha);
    const fr = f(reflected);
    if (fr < values[0]) {
      const expanded = along(centroid, worst, alpha * gamma);
      const fe = f(expanded);
      if (fe < fr) {
        simplex[n] = expanded;
        values[n] = fe;
      } else {
        simplex[n] = reflected;
        values[n] = fr;
      }
      continue;
    }
    if (fr < values[n - 1]) {
      simplex[n] = reflected;
      values[n] = fr;
      continue;
    }
    // Contract: outside when the reflection improved on the worst, inside otherwise.
    const outside = fr < values[n];
    const contracted = along(centroid, worst, outside ? alpha * rho : -rho);
    const fc = f(contracted);
    if (fc < (outside ? fr : values[n])) {
      simplex[n] = contracted;
      values[n] = fc;
      continue;
    }
    for (let i = 1; i <= n; i++) {
      simplex[i] = simplex[i].map((v, j) => simplex[0][j] + sigma * (v - simplex[0][j]));
      values[i] = f(simplex[i]);
    }
  }
  order();
  return { x: simplex[0], value: values[0], iterations: iteration, evaluations, converged: false, stopped: 'iterations' };
}
