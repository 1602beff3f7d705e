/**
 * Choosing the number of clusters: k-means for each k in a range, compared by inertia (the
 * elbow) and silhouette.
 */
import * as aq from 'arquero';
import { invalid, mustBe } from '../messages.ts';
import { seededRandom } from '../math/random.ts';
import type { ColumnTable, TableInput } from '../table/input.ts';
import { featureMatrix } from './feature-matrix.ts';
import { _kmeansMatrix } from './kmeans/fit-matrix.ts';
import { _resolveKMeansOptions } from './kmeans/options.ts';
import type { KMeansOptions } from './kmeans/types.ts';
import { _sampleRows, _silhouetteMatrix } from './silhouette.ts';

export interface ChooseKOptions extends Omit<KMeansOptions, 'k'> {
  /** Smallest k (default 2). */
  kMin?: number;
  /** Largest k (default 10). */
  kMax?: number;
  /** Silhouette exact up to this many rows, sampled above (default 5000; see `silhouette`). */
  sampleSize?: number;
}

export interface ChooseKResult {
  /** One row per k: `k, inertia, inertiaDrop, silhouette, iterations, converged`. */
  table: ColumnTable;
  /** The k with the highest silhouette. */
  best: number;
  /** True when the silhouettes were computed on a sample. */
  sampled: boolean;
}

/**
 * Fits `kmeans` for k = kMin..kMax on the same (standardized) data, each with its own seeded
 * starts, and reports per k the inertia, its relative drop from k − 1 (`inertiaDrop`, the elbow
 * reads where it flattens) and the silhouette (higher is better; all k are scored on the same
 * rows, so the values are comparable even when sampled). `best` is the k with the highest
 * silhouette — a suggestion, to be read with the elbow and the segments' business meaning.
 *
 * Reference: Rousseeuw (1987) for the silhouette; Thorndike (1953), "Who belongs in the
 * family?", Psychometrika 18, for the elbow. O((kMax − kMin + 1) × k-means + m² d).
 *
 * @param table rows to cluster
 * @param options as `kmeans` without `k`, plus `kMin` (2), `kMax` (10), `sampleSize` (5000)
 * @returns `{ table, best, sampled }`
 * @throws {InputError} on bad columns or options, or kMax not below the number of rows
 * @example
 * // 150 points in three well-separated blobs (sd 1, centres (0, 0), (10, 10), (−10, 10))
 * chooseK(points, { columns: ['x', 'y'], kMax: 6 }).best; // => 3
 */
export function chooseK(table: TableInput, options: ChooseKOptions): ChooseKResult {
  if (typeof options !== 'object' || options === null) {
    throw invalid('options', 'must give columns');
  }
  const resolved = _resolveKMeansOptions(options);
  const matrix = featureMatrix(table, options.columns, resolved.standardize);
  const { data, n, d } = matrix;
  const kMin = options.kMin ?? 2;
  const kMax = options.kMax ?? 10;
  if (!Number.isInteger(kMin) || kMin < 2) {
    throw mustBe('kMin', 'an integer of at least 2', { value: kMin, code: 'num' });
  }
  if (!Number.isInteger(kMax) || kMax < kMin || kMax > n - 1) {
    throw mustBe('kMax', `an integer from kMin (${kMin}) to rows − 1 (${n - 1})`, { value: kMax, code: 'num' });
  }
  const sampleSize = options.sampleSize ?? 5000;
  if (!Number.isInteger(sampleSize) || sampleSize < 2) {
    throw mustBe('sampleSize', 'an integer of at least 2', { value: sampleSize, code: 'num' });
  }
  const rows = _sampleRows(n, sampleSize, resolved.seed);

  const ks: number[] = [];
  const inertia: number[] = [];
  const drop: number[] = [];
  const scores: number[] = [];
  const iterations: number[] = [];
  const converged: boolean[] = [];
  let best = kMin;
  let bestScore = -Infinity;
  for (let k = kMin; k <= kMax; k++) {
    // Each k gets its own stream, so adding a k to the range leaves the others unchanged.
    const fit = _kmeansMatrix(data, n, d, {
      k,
      nInit: resolved.nInit,
      maxIterations: resolved.maxIterations,
      tolerance: resolved.tolerance,
      random: seededRandom((resolved.seed + Math.imul(k, 0x9e3779b1)) | 0),
    });
    const s = _silhouetteMatrix(data, d, fit.labels, rows);
    let total = 0;
    for (let a = 0; a < rows.length; a++) total += s.values[a];
    const score = s.clusterCount >= 2 ? total / rows.length : NaN;
    ks.push(k);
    inertia.push(fit.inertia);
    drop.push(inertia.length > 1 ? 1 - fit.inertia / inertia[inertia.length - 2] : NaN);
    scores.push(score);
    iterations.push(fit.iterations);
    converged.push(fit.converged);
    if (score > bestScore) {
      bestScore = score;
      best = k;
    }
  }
  return {
    table: aq.table({ k: ks, inertia, inertiaDrop: drop, silhouette: scores, iterations, converged }),
    best,
    sampled: rows.length < n,
  };
}
