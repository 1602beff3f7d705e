/** The options, result and internal shapes of k-means (`index.ts`, `fit-matrix.ts`, `wasm.ts`). */
import type { ColumnTransform } from '../feature-matrix.ts';

export interface KMeansOptions {
  /** Numeric feature columns. */
  columns: readonly string[];
  /** Number of clusters (1..rows). */
  k: number;
  /** Seed of the random start (default 0): same seed, same result. */
  seed?: number;
  /** Independent starts; the one with the lowest inertia is kept (default 10). */
  nInit?: number;
  /** Lloyd iterations per start at most (default 300). */
  maxIterations?: number;
  /** z-score the columns first (default true), so that no column dominates by its units. */
  standardize?: boolean;
  /**
   * `'log'` clusters log1p of the values (before standardizing): for skewed measures such as
   * purchase counts and spend, where raw values give a handful of outliers a cluster of their own.
   * One word for every column or a list with one per column; default `'none'`.
   */
  transform?: ColumnTransform | readonly ColumnTransform[];
  /**
   * Stop when the summed squared centroid shift of an iteration is at most `tolerance` × the
   * mean column variance (scikit-learn's `tol`, default 1e-4). With 0 a start stops only when no
   * assignment changes, or after `maxIterations`.
   */
  tolerance?: number;
}

export interface KMeansResult {
  /** Cluster 0..k−1 of each row. */
  assignments: Int32Array;
  /** k centroids in the original units of the columns, `centroids[c][j]` (log-scaled columns: expm1 of the centroid on the log scale). */
  centroids: number[][];
  /** Sum of squared distances of rows to their centroid, in the standardized space when `standardize`. */
  inertia: number;
  /** Lloyd iterations of the kept start. */
  iterations: number;
  /** True when the kept start stopped on its own (assignments stable or shift within tolerance), not by running out of `maxIterations`. */
  converged: boolean;
  /** Rows per cluster. */
  sizes: number[];
  columns: string[];
  /** The standardization used: z = (x − center) / scale per column (0 and 1 when not standardized). */
  center: number[];
  scale: number[];
  /** The transform of each column (`'none'` or `'log'`); `center` and `scale` are on the transformed values. */
  transform: ColumnTransform[];
}

/** The result of one fit on a prepared matrix (centroids in the matrix's space). */
export interface MatrixFit {
  labels: Int32Array;
  centers: Float64Array;
  inertia: number;
  iterations: number;
  converged: boolean;
}

export interface MatrixOptions {
  k: number;
  nInit: number;
  maxIterations: number;
  tolerance: number;
  random: () => number;
  /**
   * Run the hot loops in WebAssembly SIMD where the engine has it (default true): the same
   * fit bitwise, about 3× faster. false forces the JS reference loop (tests compare the two).
   */
  wasm?: boolean;
}
