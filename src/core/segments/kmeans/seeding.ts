/** The k-means start: seeded greedy k-means++ (the reference that the WebAssembly path reproduces). */
import { drawRow, sqDist } from './steps.ts';

/**
 * Greedy k-means++ (Arthur & Vassilvitskii 2007, with scikit-learn's greedy variant): each new
 * centre is the best of 2 + ⌊ln k⌋ candidates drawn with probability ∝ squared distance to the
 * nearest centre so far, "best" meaning the lowest resulting potential.
 */
export function _kmeansPlusPlus(X: Float64Array, n: number, d: number, k: number, random: () => number): Float64Array {
  const centers = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const first = Math.min(n - 1, Math.floor(random() * n));
  centers.set(X.subarray(first * d, first * d + d), 0);
  let closest = new Float64Array(n);
  let pot = 0;
  for (let i = 0; i < n; i++) {
    closest[i] = sqDist(X, i, centers, 0, d);
    pot += closest[i];
  }
  const cumulative = new Float64Array(n);
  let trial = new Float64Array(n);
  let best = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let run = 0;
    for (let i = 0; i < n; i++) {
      run += closest[i];
      cumulative[i] = run;
    }
    let bestPot = Infinity;
    let bestId = 0;
    for (let t = 0; t < trials; t++) {
      const id = drawRow(cumulative, 0, n, random() * pot);
      let candidatePot = 0;
      const base = id * d;
      for (let i = 0; i < n; i++) {
        let s = 0;
        const a = i * d;
        for (let j = 0; j < d; j++) {
          const diff = X[a + j] - X[base + j];
          s += diff * diff;
        }
        // Branch-free: whether the candidate is nearer is unpredictable row to row.
        const m = Math.min(s, closest[i]);
        trial[i] = m;
        candidatePot += m;
      }
      if (candidatePot < bestPot) {
        bestPot = candidatePot;
        bestId = id;
        const swap = best;
        best = trial;
        trial = swap;
      }
    }
    const swap = closest;
    closest = best;
    best = swap;
    pot = bestPot;
    centers.set(X.subarray(bestId * d, bestId * d + d), c * d);
  }
  return centers;
}
