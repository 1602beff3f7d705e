/** Checks and defaults of the k-means options shared by `kmeans` and `chooseK`. */
import { InputError } from '../../errors.ts';
import type { KMeansOptions } from './types.ts';

function positiveInteger(value: unknown, name: string, fallback: number): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw new InputError(`${name} must be a positive integer (got ${JSON.stringify(v)})`, { code: 'num', argument: name });
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
    throw new InputError(`seed must be a number (got ${JSON.stringify(seed)})`, { argument: 'seed' });
  }
  const tolerance = options.tolerance ?? 1e-4;
  if (typeof tolerance !== 'number' || !(tolerance >= 0) || !Number.isFinite(tolerance)) {
    throw new InputError(`tolerance must be a non-negative number (got ${tolerance})`, { code: 'num', argument: 'tolerance' });
  }
  return {
    seed,
    nInit: positiveInteger(options.nInit, 'nInit', 10),
    maxIterations: positiveInteger(options.maxIterations, 'maxIterations', 300),
    standardize: options.standardize ?? true,
    tolerance,
  };
}
