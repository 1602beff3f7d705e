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
}

/** An objective that fills `gradient` (when given) and returns its value. */
export type ObjectiveWithGradient = (x: number[], gradient: number[]) => number;
