/**
 * Row-major steps shared by the JS and the WebAssembly k-means loops (`lloyd.ts`, `wasm.ts`),
 * so both paths take the same decisions with the same arithmetic: one centre update
 * (`moveCenters`), one empty-cluster rule, one inertia.
 */

/** Squared distance from row i of X to row c of C (both with d columns). */
export function sqDist(X: Float64Array, i: number, C: Float64Array, c: number, d: number): number {
  let s = 0;
  const a = i * d;
  const b = c * d;
  for (let j = 0; j < d; j++) {
    const diff = X[a + j] - C[b + j];
    s += diff * diff;
  }
  return s;
}

/** Σ_i ‖x_i − centre(label_i)‖², Neumaier-compensated, in row order. */
export function inertiaOf(X: Float64Array, n: number, d: number, centers: Float64Array, labels: Int32Array): number {
  let inertia = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    const v = sqDist(X, i, centers, labels[i], d);
    const t = inertia + v;
    comp += inertia >= v ? inertia - t + v : v - t + inertia;
    inertia = t;
  }
  return inertia + comp;
}

/**
 * Empty clusters take the rows farthest from their current centres (sums and counts adjusted),
 * as scikit-learn does.
 */
export function relocateEmpty(
  X: Float64Array,
  n: number,
  d: number,
  k: number,
  centers: Float64Array,
  sums: Float64Array,
  counts: Float64Array,
  labels: Int32Array,
): void {
  const empty: number[] = [];
  for (let c = 0; c < k; c++) if (counts[c] === 0) empty.push(c);
  if (empty.length === 0) return;
  const distances = new Float64Array(n);
  for (let i = 0; i < n; i++) distances[i] = sqDist(X, i, centers, labels[i], d);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => distances[b] - distances[a] || a - b);
  for (let e = 0; e < empty.length && e < n; e++) {
    const row = order[e];
    const from = labels[row];
    const to = empty[e];
    for (let j = 0; j < d; j++) {
      sums[from * d + j] -= X[row * d + j];
      sums[to * d + j] = X[row * d + j];
    }
    counts[from]--;
    counts[to] = 1;
  }
}

/**
 * Moves each centre to the mean of its rows (`sums` / `counts`; an empty cluster keeps its
 * centre), writing into `out`, which may be `sums` or `centers` itself: each value is read before
 * it is written. Returns the summed squared move, the quantity the tolerance is compared with.
 */
export function moveCenters(
  centers: Float64Array,
  sums: Float64Array,
  counts: Float64Array,
  k: number,
  d: number,
  out: Float64Array,
): number {
  let shift = 0;
  for (let c = 0; c < k; c++) {
    const b = c * d;
    const count = counts[c];
    for (let j = 0; j < d; j++) {
      const value = count > 0 ? sums[b + j] / count : centers[b + j];
      const diff = value - centers[b + j];
      shift += diff * diff;
      out[b + j] = value;
    }
  }
  return shift;
}

/**
 * The k-means++ draw: the first row whose running sum `cumulative[offset + i]` reaches `target`
 * (numpy's `searchsorted`, side 'left'), clipped to the last row. `offset` lets the running sums
 * live inside a larger buffer (the WebAssembly heap).
 */
export function drawRow(cumulative: Float64Array, offset: number, n: number, target: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[offset + mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, n - 1);
}
