/**
 * k-means, k = 5, on 100,000 rows × 5 columns: standardize, one k-means++ start, 20 Lloyd
 * iterations (tolerance 0, so both sides run all 20 unless assignments settle). Data generated
 * first, untimed. Python counterpart: bench/python/kmeans.py (StandardScaler + scikit-learn
 * KMeans(n_clusters=5, n_init=1, max_iter=20, tol=0, algorithm='lloyd')).
 * Run: npx tsx bench/cases/kmeans-100k.ts
 */
import * as aq from 'arquero';
import { reportCase, timeMedian } from '../harness.ts';
import { FEATURE_COLUMNS, generateFeatures } from '../generate/features.ts';
import { kmeans, type KMeansResult } from '../../src/core/segments/kmeans/index.ts';

const table = aq.table(generateFeatures() as unknown as Record<string, unknown[]>);
let fit: KMeansResult | undefined;
const ms = timeMedian(
  () => (fit = kmeans(table, { columns: FEATURE_COLUMNS, k: 5, seed: 1, nInit: 1, maxIterations: 20, tolerance: 0 })),
  // Three warm-up fits on both sides (bench/python/kmeans.py too): the steady state, once V8 has
  // compiled the JS and instantiated the WebAssembly kernels.
  { repeats: 5, warmup: 3 },
);
reportCase({ ms, iterations: fit!.iterations, inertia: Math.round(fit!.inertia), sizes: fit!.sizes });
