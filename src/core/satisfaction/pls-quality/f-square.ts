/**
 * Cohen's f² effect size of each structural path, seminr's way (Hair et al. 2022, "A Primer on
 * PLS-SEM", 3rd ed., ch. 6): f² = (R²_included − R²_excluded) / (1 − R²_included), where
 * R²_excluded comes from RE-ESTIMATING the whole PLS model without that path (the outer weights
 * change too), not from a regression on the full model's scores (cSEM's shortcut).
 *
 * Rules: when the path was the target's only antecedent, R²_excluded = 0 (seminr). When dropping
 * the path leaves a construct in no path at all, that construct is left out of the re-estimation:
 * with no inner neighbour it cannot influence any other construct's weights, so the target's R²
 * is the same as in the model that omits it. An R²_included of 1 leaves f² unbounded (`null`).
 * Effect sizes 0.02, 0.15 and 0.35 are small, medium and large (Cohen 1988).
 */
import { InputError } from '../../errors.ts';
import { estimatePls, type PlsLayout, type PlsSettings } from '../pls-algorithm.ts';

export interface PathEffectSize {
  from: string;
  to: string;
  /** null when the target's R² is 1 or the model without the path cannot be estimated. */
  value: number | null;
}

/** Small, medium and large f² (Cohen 1988, "Statistical Power Analysis", 2nd ed.). */
export const F_SQUARE_SMALL = 0.02;
export const F_SQUARE_MEDIUM = 0.15;
export const F_SQUARE_LARGE = 0.35;

/** The model without the path from → to, dropping constructs left in no path; with its sub-matrix. */
export function withoutPath(
  matrix: Float64Array,
  layout: PlsLayout,
  from: number,
  to: number,
): { matrix: Float64Array; layout: PlsLayout; position: Int32Array } {
  const { q, p, constructs, indicators, blockStart, predecessors } = layout;
  const reduced = predecessors.map((list, b) => (b === to ? list.filter((a) => a !== from) : list.slice()));
  const linked = new Uint8Array(q);
  reduced.forEach((list, b) => {
    for (const a of list) linked[a] = linked[b] = 1;
  });
  const keep: number[] = [];
  const position = new Int32Array(q).fill(-1);
  for (let b = 0; b < q; b++) {
    if (!linked[b]) continue;
    position[b] = keep.length;
    keep.push(b);
  }
  const q2 = keep.length;
  const items: number[] = [];
  const start = new Int32Array(q2 + 1);
  keep.forEach((b, k) => {
    for (let i = blockStart[b]; i < blockStart[b + 1]; i++) items.push(i);
    start[k + 1] = items.length;
  });
  const p2 = items.length;
  const sub = new Float64Array(p2 * p2);
  for (let i = 0; i < p2; i++) for (let j = 0; j < p2; j++) sub[i * p2 + j] = matrix[items[i] * p + items[j]];
  const blockOf = new Int32Array(p2);
  for (let k = 0; k < q2; k++) for (let i = start[k]; i < start[k + 1]; i++) blockOf[i] = k;
  const preds = keep.map((b) => reduced[b].map((a) => position[a]));
  const adjacent = new Uint8Array(q2 * q2);
  preds.forEach((list, b) => {
    for (const a of list) adjacent[a * q2 + b] = adjacent[b * q2 + a] = 1;
  });
  return {
    matrix: sub,
    layout: {
      constructs: keep.map((b) => constructs[b]),
      indicators: items.map((i) => indicators[i]),
      q: q2,
      p: p2,
      blockStart: start,
      blockOf,
      predecessors: preds,
      adjacent,
      formative: layout.formative && Uint8Array.from(keep, (b) => layout.formative![b]),
    },
    position,
  };
}

/** f² of every path, target by target in model order. */
export function pathEffectSizes(
  matrix: Float64Array,
  layout: PlsLayout,
  rSquared: ArrayLike<number>,
  settings: PlsSettings,
): PathEffectSize[] {
  const { constructs, predecessors } = layout;
  const rows: PathEffectSize[] = [];
  predecessors.forEach((list, to) => {
    for (const from of list) {
      const included = rSquared[to];
      let value: number | null = null;
      if (1 - included > 1e-12) {
        let excluded: number | null = 0;
        if (list.length > 1) {
          const reduced = withoutPath(matrix, layout, from, to);
          try {
            const fit = estimatePls(reduced.matrix, reduced.layout, { ...settings, orientTo: undefined });
            excluded = fit.rSquared[reduced.position[to]];
          } catch (error) {
            if (!(error instanceof InputError)) throw error;
            excluded = null;
          }
        }
        if (excluded !== null) value = (included - excluded) / (1 - included);
      }
      rows.push({ from: constructs[from], to: constructs[to], value });
    }
  });
  return rows;
}
