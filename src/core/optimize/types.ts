/** What the optimizers return. */
export interface OptimizeResult {
  /** The minimizer found. */
  x: number[];
  /** The objective there. */
  value: number;
  /** Iterations taken. */
  iterations: number;
  /** Objective evaluations (gradient evaluations counted separately). */
  evaluations: number;
  /** True when the stopping test was met before the iteration limit. */
  converged: boolean;
  /**
   * Why the optimizer stopped: 'gradient' or 'value' (its convergence tests), 'line search' (no
   * further decrease), 'iterations' (the limit), 'deadline' (the time budget), 'non-finite' (the
   * objective is not finite at the start), 'simplex' (Nelder–Mead's spread test), 'outside' (a
   * coordinate left the given bounds).
   */
  stopped?: 'gradient' | 'value' | 'line search' | 'iterations' | 'deadline' | 'non-finite' | 'simplex' | 'outside';
}

/** An objective that fills `gradient` (when given) and returns its value. */
export type ObjectiveWithGradient = (x: number[], gradient: number[]) => number;
