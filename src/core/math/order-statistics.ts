/**
 * Order statistics without a full sort: the values at a few sorted positions (what quantile
 * breaks need), in O(n) instead of O(n log n). Integer data in a compact range (days, counts)
 * goes through a histogram; anything else through quickselect on a copy.
 */

/** Integer values spanning at most this many distinct slots use a histogram. */
function integerRange(values: ArrayLike<number>): { min: number; max: number } | undefined {
  const n = values.length;
  const limit = Math.max(2 * n, 65536);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if ((v | 0) !== v) return undefined;
    if (v < min) min = v;
    if (v > max) max = v;
    if (max - min >= limit) return undefined;
  }
  return n > 0 ? { min, max } : undefined;
}

function histogram(values: ArrayLike<number>, min: number, max: number): Int32Array {
  const counts = new Int32Array(max - min + 1);
  for (let i = 0; i < values.length; i++) counts[values[i] - min]++;
  return counts;
}

/** Rearranges a[left..right] so that a[k] is the value a full sort would put there. */
function quickselect(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    // Median of three as pivot; Hoare partition keeps ties balanced.
    const mid = (left + right) >>> 1;
    let x = a[left];
    let y = a[mid];
    const z = a[right];
    if (x > y) [x, y] = [y, x];
    if (y > z) y = x > z ? x : z;
    const pivot = y;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/**
 * The values at the given positions of the ascending sort of `values` (finite numbers).
 *
 * Reference: Hoare (1961), "Algorithm 65: FIND", CACM 4(7). O(n) expected per position (the
 * positions are taken in ascending order on shrinking ranges); O(n + range) for compact integers.
 *
 * @param values finite numbers (not modified)
 * @param positions 0-based positions, each in 0..n−1
 * @returns the value at each position, in the order of `positions`
 * @example orderStatistics([5, 1, 4, 2, 3], [0, 2, 4]); // => Float64Array [1, 3, 5]
 */
export function orderStatistics(values: ArrayLike<number>, positions: readonly number[]): Float64Array {
  const n = values.length;
  const out = new Float64Array(positions.length);
  const order = positions.map((p, i) => i).sort((a, b) => positions[a] - positions[b]);
  const range = integerRange(values);
  if (range) {
    const counts = histogram(values, range.min, range.max);
    let slot = 0;
    let seen = counts[0];
    for (const i of order) {
      const p = positions[i];
      while (seen <= p) seen += counts[++slot];
      out[i] = range.min + slot;
    }
    return out;
  }
  const copy = Float64Array.from(values);
  let left = 0;
  for (const i of order) {
    const p = positions[i];
    // Positions come in ascending order: everything left of the last one selected is smaller,
    // so each selection runs on what remains (a repeated position is already in place).
    if (p >= left) {
      quickselect(copy, p, left, n - 1);
      left = p + 1;
    }
    out[i] = copy[p];
  }
  return out;
}

/**
 * The distinct values, ascending (histogram for compact integers, otherwise sort and skip).
 *
 * @param values finite numbers (not modified)
 * @returns the distinct values in ascending order
 * @example distinctSorted([3, 1, 3, 2]); // => Float64Array [1, 2, 3]
 */
export function distinctSorted(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const range = integerRange(values);
  if (range) {
    const counts = histogram(values, range.min, range.max);
    let distinct = 0;
    for (let s = 0; s < counts.length; s++) if (counts[s] > 0) distinct++;
    const out = new Float64Array(distinct);
    let j = 0;
    for (let s = 0; s < counts.length; s++) if (counts[s] > 0) out[j++] = range.min + s;
    return out;
  }
  const sorted = Float64Array.from(values).sort();
  let distinct = n > 0 ? 1 : 0;
  for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i];
  return sorted.slice(0, distinct);
}
