/**
 * k-means clustering: seeded greedy k-means++ start and Lloyd iterations over a flat
 * Float64Array — the algorithm of scikit-learn's `KMeans(algorithm='lloyd')`. The folder:
 * `seeding.ts` (k-means++), `lloyd.ts` (the reference loop, in JS), `wasm.ts` with `kernels.wat`
 * (the one accelerated path: the same arithmetic in WebAssembly SIMD, bitwise the same fit, used
 * where the engine has it), `steps.ts` (the steps both paths share, the centre update among them),
 * `fit-matrix.ts` (best of several starts), `options.ts` and `types.ts`.
 */
import { invalid, mustBe } from '../../messages.ts';
import { seededRandom } from '../../math/random.ts';
import type { TableInput } from '../../table/input.ts';
import { _distinctRowCount } from '../distinct-rows.ts';
import { featureMatrix } from '../feature-matrix.ts';
import { _kmeansMatrix } from './fit-matrix.ts';
import { _resolveKMeansOptions } from './options.ts';
import type { KMeansOptions, KMeansResult } from './types.ts';

export type { KMeansOptions, KMeansResult } from './types.ts';

/**
 * The feature matrix's storage, kept from fit to fit (the matrix never leaves `kmeans`): writing
 * into a fresh 4 MB array first touches every page of it, and on the bench machine those page
 * faults cost about 15 ms per 100,000 × 5 fit, more than the clustering's own passes over the
 * matrix. As with the WebAssembly memory, the largest matrix used stays reserved.
 */
let matrixStorage: Float64Array | undefined;

/**
 * k-means: partitions rows into k clusters minimizing the sum of squared Euclidean distances to
 * the cluster means (the inertia). Each of `nInit` starts is seeded by greedy k-means++ and
 * refined by Lloyd's iterations; the start with the lowest inertia is kept. Columns are
 * z-scored first when `standardize` (population sd); centroids are reported back in the original
 * units, the inertia in the space the clustering ran in. Deterministic for a given seed.
 * `transform: 'log'` clusters log1p of skewed columns (counts, money), so that a few very large
 * values do not take clusters of their own; centroids come back through expm1.
 *
 * Degenerate data: k above the number of rows is an error; so is k above the number of distinct
 * rows (50 identical customers cannot make 4 clusters), checked when a fit leaves a cluster empty,
 * so it costs nothing otherwise. `countDistinctRows` gives the largest usable k.
 *
 * Reference: Lloyd (1982), "Least squares quantization in PCM", IEEE Trans. Inf. Theory 28(2);
 * Arthur & Vassilvitskii (2007), "k-means++: the advantages of careful seeding", SODA;
 * scikit-learn's `KMeans` for the greedy seeding, tolerance and empty-cluster rules.
 * O(nInit × iterations × n × k × d) time, O(n × d) memory.
 *
 * @param table rows to cluster (an Arquero table or an array of row objects)
 * @param options `columns`, `k`, `seed` (0), `nInit` (10), `maxIterations` (300),
 *   `standardize` (true), `tolerance` (1e-4), `transform` (`'none'`)
 * @returns `{ assignments, centroids, inertia, iterations, converged, sizes, columns, center, scale, transform }`
 * @throws {InputError} on a missing or non-numeric column (naming column and row), k outside
 *   1..rows or above the number of distinct rows, a value at or below −1 in a log-scaled column,
 *   or a bad option
 * @example
 * kmeans([{ x: 0 }, { x: 1 }, { x: 10 }, { x: 11 }], { columns: ['x'], k: 2, standardize: false }).centroids;
 * // => [[0.5], [10.5]] (cluster order depends on the seed)
 */
export function kmeans(table: TableInput, options: KMeansOptions): KMeansResult {
  if (typeof options !== 'object' || options === null) {
    throw invalid('options', 'must give columns and k');
  }
  const resolved = _resolveKMeansOptions(options);
  const matrix = featureMatrix(table, options.columns, resolved.standardize, options.transform, matrixStorage);
  if (matrix.data.buffer !== matrixStorage?.buffer) matrixStorage = matrix.data;
  const { data, n, d } = matrix;
  const k = options.k;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > n) {
    throw mustBe('k', `an integer from 1 to the number of rows (${n})`, { value: k, code: 'num' });
  }
  const fit = _kmeansMatrix(data, n, d, {
    k,
    nInit: resolved.nInit,
    maxIterations: resolved.maxIterations,
    tolerance: resolved.tolerance,
    random: seededRandom(resolved.seed),
  });
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) sizes[fit.labels[i]]++;
  if (sizes.includes(0)) {
    // Only fewer distinct rows than k leave a cluster empty after the re-seeding: say so.
    const distinct = _distinctRowCount(data, n, d);
    if (distinct < k) {
      throw mustBe('k', `at most the number of distinct rows: ${distinct} of ${n} rows are distinct in columns ${matrix.columns.map((c) => JSON.stringify(c)).join(', ')}`, { value: k, code: 'num' });
    }
  }
  const centroids: number[][] = [];
  for (let c = 0; c < k; c++) {
    const row: number[] = [];
    for (let j = 0; j < d; j++) {
      const value = fit.centers[c * d + j] * matrix.scale[j] + matrix.center[j];
      row.push(matrix.transform[j] === 'log' ? Math.expm1(value) : value);
    }
    centroids.push(row);
  }
  return {
    assignments: fit.labels,
    centroids,
    inertia: fit.inertia,
    iterations: fit.iterations,
    converged: fit.converged,
    sizes,
    columns: matrix.columns,
    center: Array.from(matrix.center),
    scale: Array.from(matrix.scale),
    transform: matrix.transform,
  };
}
