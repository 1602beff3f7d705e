/** Checks and defaults of the k-means options shared by `kmeans` and `chooseK`. */
import { mustBe } from '../../messages.ts';
import type { KMeansOptions } from './types.ts';

function positiveInteger(value: unknown, name: string, fallback: number): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw mustBe(name, 'a positive integer', { value: v, code: 'num' });
  }
  return v;
}

export interface ResolvedKMeans {
  seed: number;
  nInit: number;
  maxIterations: number;
  standardize: boolean;
  tolerance: number;
}

export function _resolveKMeansOptions(options: Partial<KMeansOptions>): ResolvedKMeans {
  const seed = options.seed ?? 0;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw mustBe('seed', 'a number', { value: seed });
  }
  const tolerance = options.tolerance ?? 1e-4;
  if (typeof tolerance !== 'number' || !(tolerance >= 0) || !Number.isFinite(tolerance)) {
    throw mustBe('tolerance', 'a non-negative number', { value: tolerance, code: 'num' });
  }
  return {
    seed,
    nInit: positiveInteger(options.nInit, 'nInit', 10),
    maxIterations: positiveInteger(options.maxIterations, 'maxIterations', 300),
    standardize: options.standardize ?? true,
    tolerance,
  };
}
