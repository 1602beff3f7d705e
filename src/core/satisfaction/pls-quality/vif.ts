/**
 * Variance inflation factors, seminr's way (Hair et al. 2022, "A Primer on PLS-SEM", 3rd ed.):
 * VIF_i = 1 / (1 − R²_i), R²_i from regressing variable i on the others of its set, which is the
 * i-th diagonal element of the inverse of the set's correlation matrix.
 *
 * - Item VIFs: the items of each block (collinearity matters for formative blocks, and very high
 *   values flag redundant reflective items). A single item has VIF 1 (seminr).
 * - Inner VIFs: the construct scores of the antecedents of each endogenous construct. A lone
 *   antecedent has no VIF (seminr reports NA; here `null`).
 *
 * Perfectly collinear items (the block's correlation matrix is singular) give an unbounded VIF,
 * reported as `null` rather than Infinity.
 */
import { choleskySolve } from '../../math/solve.ts';
import type { PlsLayout } from '../pls-algorithm.ts';

export interface ItemVif {
  construct: string;
  item: string;
  /** null when the block's items are perfectly collinear (VIF unbounded). */
  vif: number | null;
}

export interface InnerVif {
  /** The endogenous construct. */
  construct: string;
  predictor: string;
  /** null when the construct has a single predictor (seminr's NA). */
  vif: number | null;
}

/** Diagonal of the inverse of the k × k submatrix of `matrix` (p × p) on `indices`; null when singular. */
export function inverseDiagonal(matrix: Float64Array, p: number, indices: readonly number[]): Float64Array | null {
  const k = indices.length;
  const sub = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) sub[i * k + j] = matrix[indices[i] * p + indices[j]];
  const out = new Float64Array(k);
  const unit = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    unit.fill(0);
    unit[i] = 1;
    const column = choleskySolve(sub, unit, k);
    if (!column) return null;
    out[i] = column[i];
  }
  return out;
}

/** VIF of every item within its block. */
export function itemVifs(matrix: Float64Array, layout: PlsLayout): ItemVif[] {
  const { constructs, indicators, p, blockStart } = layout;
  const rows: ItemVif[] = [];
  constructs.forEach((construct, b) => {
    const items: number[] = [];
    for (let i = blockStart[b]; i < blockStart[b + 1]; i++) items.push(i);
    const diagonal = items.length === 1 ? Float64Array.of(1) : inverseDiagonal(matrix, p, items);
    items.forEach((i, k) => rows.push({ construct, item: indicators[i], vif: diagonal ? diagonal[k] : null }));
  });
  return rows;
}

/** VIF of every antecedent of every endogenous construct, from the construct correlations (q × q). */
export function innerVifs(latentCorrelations: Float64Array, layout: PlsLayout): InnerVif[] {
  const { constructs, q, predecessors } = layout;
  const rows: InnerVif[] = [];
  constructs.forEach((construct, b) => {
    const predictors = predecessors[b];
    if (predictors.length === 0) return;
    // PLS has already rejected collinear predictor scores, so the inverse exists.
    const diagonal = predictors.length === 1 ? null : inverseDiagonal(latentCorrelations, q, predictors);
    predictors.forEach((a, k) => rows.push({ construct, predictor: constructs[a], vif: diagonal ? diagonal[k] : null }));
  });
  return rows;
}
