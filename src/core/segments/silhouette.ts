/**
 * Silhouette of a clustering: how much closer each point is to its own cluster than to the
 * nearest other cluster.
 */
import { invalid, mustBe, stated } from '../messages.ts';
import { seededRandom } from '../math/random.ts';
import type { TableInput } from '../table/input.ts';
import { featureMatrix } from './feature-matrix.ts';

export interface SilhouetteOptions {
  /** Numeric feature columns (as given to `kmeans`). */
  columns: readonly string[];
  /** z-score the columns first (default true, as `kmeans`). */
  standardize?: boolean;
  /**
   * Exact up to this many rows (default 5000); above it the silhouette of a seeded simple random
   * sample of this many rows, computed within the sample (as scikit-learn's
   * `silhouette_score(..., sample_size=…)`).
   */
  sampleSize?: number;
  /** Seed of the sample (default 0). */
  seed?: number;
}

export interface SilhouetteResult {
  /** Mean silhouette over the rows used, in [−1, 1]. */
  score: number;
  /** Silhouette of each row used. */
  values: Float64Array;
  /** The rows used (0-based), all rows when exact. */
  rows: Int32Array;
  /** True when a sample was used. */
  sampled: boolean;
  /** Mean silhouette per cluster label present in the rows used. */
  clusters: { cluster: unknown; size: number; score: number }[];
}

/** Rows 0..n−1, or a seeded partial Fisher–Yates sample of `m` of them (sorted). */
export function _sampleRows(n: number, m: number, seed: number): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  if (m >= n) return all;
  const random = seededRandom(seed);
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = all[i];
    all[i] = all[j];
    all[j] = t;
  }
  return all.slice(0, m).sort();
}

/**
 * Silhouette values on a prepared matrix for the given rows; labels are any dense ids ≥ 0.
 * O(m² d) time, O(m × clusters) memory.
 */
export function _silhouetteMatrix(
  X: Float64Array,
  d: number,
  labels: ArrayLike<number>,
  rows: Int32Array,
): { values: Float64Array; local: Int32Array; clusterCount: number; sizes: Int32Array } {
  const m = rows.length;
  // Relabel the clusters present to 0..K−1.
  const map = new Map<number, number>();
  const local = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const l = labels[rows[i]];
    let id = map.get(l);
    if (id === undefined) {
      id = map.size;
      map.set(l, id);
    }
    local[i] = id;
  }
  const K = map.size;
  const sizes = new Int32Array(K);
  for (let i = 0; i < m; i++) sizes[local[i]]++;
  const sums = new Float64Array(m * K);
  for (let a = 0; a < m; a++) {
    const pa = rows[a] * d;
    const la = local[a];
    for (let b = a + 1; b < m; b++) {
      const pb = rows[b] * d;
      let s = 0;
      for (let j = 0; j < d; j++) {
        const diff = X[pa + j] - X[pb + j];
        s += diff * diff;
      }
      const dist = Math.sqrt(s);
      sums[a * K + local[b]] += dist;
      sums[b * K + la] += dist;
    }
  }
  const values = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    const own = local[a];
    if (sizes[own] <= 1) {
      values[a] = 0; // a singleton's silhouette is 0 (Rousseeuw 1987)
      continue;
    }
    const inner = sums[a * K + own] / (sizes[own] - 1);
    let nearest = Infinity;
    for (let c = 0; c < K; c++) {
      if (c === own) continue;
      const mean = sums[a * K + c] / sizes[c];
      if (mean < nearest) nearest = mean;
    }
    const denominator = Math.max(inner, nearest);
    values[a] = denominator > 0 ? (nearest - inner) / denominator : 0;
  }
  return { values, local, clusterCount: K, sizes };
}

/**
 * Silhouette of a clustering: for each row, a = mean distance to the other rows of its cluster,
 * b = smallest mean distance to the rows of another cluster, s = (b − a) / max(a, b) (0 for a
 * row alone in its cluster); the score is the mean of s. Euclidean distances, in the
 * standardized space when `standardize` (as `kmeans`). Exact up to `sampleSize` rows; above it,
 * the silhouette within a seeded random sample of `sampleSize` rows (an estimate whose standard
 * error is roughly sd(s)/√sampleSize).
 *
 * Reference: Rousseeuw (1987), "Silhouettes: a graphical aid to the interpretation and
 * validation of cluster analysis", J. Comput. Appl. Math. 20. O(m² d) for m rows used.
 *
 * @param table the clustered rows
 * @param assignments cluster label of each row (e.g. `kmeans(...).assignments`)
 * @param options `columns`, `standardize` (true), `sampleSize` (5000), `seed` (0)
 * @returns `{ score, values, rows, sampled, clusters }`
 * @throws {InputError} when assignments and rows differ in number, a label is not an integer,
 *   or fewer than 2 or more than m − 1 clusters are present among the rows used
 * @example
 * silhouette([{ x: 0 }, { x: 1 }, { x: 10 }, { x: 11 }], [0, 0, 1, 1], { columns: ['x'], standardize: false }).score;
 * // => 0.89975 (mean of 19/21, 17/19, 17/19, 19/21)
 */
export function silhouette(table: TableInput, assignments: ArrayLike<number>, options: SilhouetteOptions): SilhouetteResult {
  const { data, n, d } = featureMatrix(table, options?.columns, options?.standardize ?? true);
  if (!assignments || assignments.length !== n) {
    throw invalid('assignments', `must have one label per row (${n} rows, got ${assignments?.length ?? 0})`);
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isInteger(assignments[i])) {
      throw invalid({ argument: 'assignments', item: i + 1 }, `is not an integer cluster label (${assignments[i]})`);
    }
  }
  const sampleSize = options.sampleSize ?? 5000;
  if (!Number.isInteger(sampleSize) || sampleSize < 2) {
    throw mustBe('sampleSize', 'an integer of at least 2', { value: sampleSize, code: 'num' });
  }
  const rows = _sampleRows(n, sampleSize, options.seed ?? 0);
  const result = _silhouetteMatrix(data, d, assignments, rows);
  if (result.clusterCount < 2 || result.clusterCount > rows.length - 1) {
    throw stated('assignments', `silhouette needs 2 to ${rows.length - 1} clusters among the rows used (found ${result.clusterCount})`, 'num');
  }
  let total = 0;
  const clusterSums = new Float64Array(result.clusterCount);
  for (let a = 0; a < rows.length; a++) {
    total += result.values[a];
    clusterSums[result.local[a]] += result.values[a];
  }
  const labelsByLocal: unknown[] = [];
  for (let a = 0; a < rows.length; a++) labelsByLocal[result.local[a]] ??= assignments[rows[a]];
  return {
    score: total / rows.length,
    values: result.values,
    rows,
    sampled: rows.length < n,
    clusters: labelsByLocal.map((cluster, c) => ({
      cluster,
      size: result.sizes[c],
      score: clusterSums[c] / result.sizes[c],
    })),
  };
}
