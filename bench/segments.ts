/**
 * Segmentation benchmarks: RFM (summary + 5-bin scores) on a seeded 1M-transaction log
 * (`bench/generate/transactions.ts`) against pandas, and k-means (k = 5, one start, 20 Lloyd
 * iterations) on 100k × 5 seeded features (`bench/generate/features.ts`) against scikit-learn.
 * The aim is a ratio ours/Python ≤ 1 and a lower peak memory; the ms targets are the Python
 * figures measured on the 2-core machines (pandas ≈ 53 ms, scikit-learn ≈ 35–50 ms with its two
 * OpenMP threads).
 */
import type { BenchCase } from './harness.ts';

export const segmentCases: BenchCase[] = [
  { name: 'rfm-1m', script: 'bench/cases/rfm-1m.ts', python: 'bench/python/rfm.py' },
  { name: 'kmeans-100k', script: 'bench/cases/kmeans-100k.ts', python: 'bench/python/kmeans.py' },
];
