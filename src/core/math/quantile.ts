import { invalid } from '../messages.ts';

/**
 * Sample quantile of sorted data, Hyndman & Fan type 7 (R's default `quantile()`, numpy's
 * "linear"): h = (n − 1)p, Q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
 *
 * Reference: Hyndman & Fan (1996), "Sample quantiles in statistical packages", The American
 * Statistician 50(4). O(1) on sorted input.
 *
 * @param sorted values in ascending order (not checked: sorting is the caller's job)
 * @param p probability in [0, 1]
 * @returns the type-7 quantile
 * @example quantileSorted([1, 2, 3, 4], 0.5); // => 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw invalid('sorted', 'must hold at least one value');
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const gap = sorted[hi] - sorted[lo];
  // Values more than the largest double apart: interpolate without forming their difference.
  if (!Number.isFinite(gap)) return (1 - (h - lo)) * sorted[lo] + (h - lo) * sorted[hi];
  return sorted[lo] + (h - lo) * gap;
}
