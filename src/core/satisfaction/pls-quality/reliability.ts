/**
 * Internal consistency and convergent validity of each construct, with seminr's definitions
 * (Hair, Hult, Ringle & Sarstedt 2022, "A Primer on PLS-SEM", 3rd ed., ch. 4):
 *
 * - α, standardized Cronbach's alpha on the item correlation matrix R of the block (k items):
 *   k/(k − 1) · (1 − k / Σ R) (Cronbach 1951). Negative item correlations stay negative, as in
 *   seminr: they lower α (it can fall below 0), which is the warning an analyst needs.
 * - ρ_A (Dijkstra & Henseler 2015, MIS Quarterly 39(2)): (wᵀw)² · wᵀ(R − diag R)w /
 *   wᵀ(wwᵀ − diag wwᵀ)w, w the block's outer weights scaled so that the score has unit variance.
 * - ρ_C, composite reliability (Dillon–Goldstein; Jöreskog 1971): (Σ l)² / ((Σ l)² + Σ(1 − l²))
 *   over the block's loadings l.
 * - AVE, average variance extracted (Fornell & Larcker 1981, JMR 18(1)): Σ l² / k.
 *
 * seminr's rules for the special cases: a single-item construct has α = ρ_A = ρ_C = AVE = 1
 * (nothing to be consistent with). Mode B (formative) blocks: plsQuality leaves them out of the
 * reliability rows (see PlsQuality in ./index.ts), as seminr's measurement-model evaluation does.
 */
import type { PlsLayout } from '../pls-algorithm.ts';

export interface ConstructReliability {
  construct: string;
  alpha: number;
  rhoA: number;
  rhoC: number;
  ave: number;
}

/** Standardized Cronbach's α of items start..end−1 of the p × p correlation matrix. */
export function standardizedAlpha(matrix: Float64Array, p: number, start: number, end: number): number {
  const k = end - start;
  if (k === 1) return 1;
  let total = 0;
  for (let i = start; i < end; i++) for (let j = start; j < end; j++) total += matrix[i * p + j];
  return (k / (k - 1)) * (1 - k / total);
}

/** Dijkstra–Henseler ρ_A of items start..end−1 with weights w. */
export function rhoA(matrix: Float64Array, p: number, w: ArrayLike<number>, start: number, end: number): number {
  if (end - start === 1) return 1;
  let wtw = 0;
  let numerator = 0; // wᵀ(R − diag R)w
  let denominator = 0; // wᵀ(wwᵀ − diag wwᵀ)w = Σ_{i≠j} w_i² w_j²
  for (let i = start; i < end; i++) {
    wtw += w[i] * w[i];
    for (let j = start; j < end; j++) {
      if (i === j) continue;
      numerator += w[i] * matrix[i * p + j] * w[j];
      denominator += w[i] * w[i] * w[j] * w[j];
    }
  }
  return wtw * wtw * (numerator / denominator);
}

/** Composite reliability ρ_C and AVE from the loadings of items start..end−1. */
export function rhoCAndAve(loadings: ArrayLike<number>, start: number, end: number): { rhoC: number; ave: number } {
  const k = end - start;
  if (k === 1) return { rhoC: 1, ave: 1 };
  let sum = 0;
  let squares = 0;
  for (let i = start; i < end; i++) {
    sum += loadings[i];
    squares += loadings[i] * loadings[i];
  }
  return { rhoC: (sum * sum) / (sum * sum + (k - squares)), ave: squares / k };
}

/** α, ρ_A, ρ_C and AVE of every construct, in the model's order. */
export function constructReliability(
  matrix: Float64Array,
  layout: PlsLayout,
  weights: ArrayLike<number>,
  loadings: ArrayLike<number>,
): ConstructReliability[] {
  const { constructs, p, blockStart } = layout;
  return constructs.map((construct, b) => {
    const start = blockStart[b];
    const end = blockStart[b + 1];
    return {
      construct,
      alpha: standardizedAlpha(matrix, p, start, end),
      rhoA: rhoA(matrix, p, weights, start, end),
      ...rhoCAndAve(loadings, start, end),
    };
  });
}
