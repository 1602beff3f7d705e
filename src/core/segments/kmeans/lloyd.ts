/** The reference Lloyd loop in JS: the fallback where WebAssembly SIMD is missing, and the bitwise reference of `wasm.ts`. */
import { inertiaOf, moveCenters, relocateEmpty, sqDist } from './steps.ts';
import type { MatrixFit } from './types.ts';

/** Labels each row with its nearest centre (lowest index on ties); returns the inertia. */
function assignAll(X: Float64Array, n: number, d: number, k: number, centers: Float64Array, labels: Int32Array): number {
  let inertia = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    let bestDist = Infinity;
    let bestC = 0;
    for (let c = 0; c < k; c++) {
      const s = sqDist(X, i, centers, c, d);
      if (s < bestDist) {
        bestDist = s;
        bestC = c;
      }
    }
    labels[i] = bestC;
    const t = inertia + bestDist;
    comp += inertia >= bestDist ? inertia - t + bestDist : bestDist - t + inertia;
    inertia = t;
  }
  return inertia + comp;
}

/**
 * Lloyd iterations from given centres, every distance computed: the reference loop, which the
 * WebAssembly path (`wasm.ts`) reproduces bitwise (tests compare the two). One iteration assigns
 * every row to its nearest centre and moves each centre to the mean of its rows. A cluster left empty is re-seeded with the row
 * farthest from its centre (taken out of its old cluster), as scikit-learn does.
 */
export function _lloyd(
  X: Float64Array,
  n: number,
  d: number,
  k: number,
  init: Float64Array,
  maxIterations: number,
  toleranceAbs: number,
): MatrixFit {
  let centers = Float64Array.from(init);
  let next = new Float64Array(k * d);
  const counts = new Float64Array(k);
  const labels = new Int32Array(n).fill(-1);
  let iterations = 0;
  let strict = false;
  let converged = false;
  for (let it = 0; it < maxIterations; it++) {
    iterations = it + 1;
    next.fill(0);
    counts.fill(0);
    let changed = false;
    for (let i = 0; i < n; i++) {
      const a = i * d;
      let bestDist = Infinity;
      let bestC = 0;
      for (let c = 0; c < k; c++) {
        const b = c * d;
        let s = 0;
        for (let j = 0; j < d; j++) {
          const diff = X[a + j] - centers[b + j];
          s += diff * diff;
        }
        if (s < bestDist) {
          bestDist = s;
          bestC = c;
        }
      }
      if (labels[i] !== bestC) {
        labels[i] = bestC;
        changed = true;
      }
      counts[bestC]++;
      const b = bestC * d;
      for (let j = 0; j < d; j++) next[b + j] += X[a + j];
    }
    relocateEmpty(X, n, d, k, centers, next, counts, labels);
    const shift = moveCenters(centers, next, counts, k, d, next);
    const swap = centers;
    centers = next;
    next = swap;
    if (!changed) {
      strict = true;
      converged = true;
      break;
    }
    if (shift <= toleranceAbs) {
      converged = true;
      break;
    }
  }
  // Unless the labels were stable, relabel against the final centres so labels and centres agree.
  const inertia = strict ? inertiaOf(X, n, d, centers, labels) : assignAll(X, n, d, k, centers, labels);
  return { labels, centers, inertia, iterations, converged };
}
