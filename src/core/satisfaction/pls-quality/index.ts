/**
 * Measurement-model quality of a PLS path model (reliability, convergent and discriminant
 * validity, collinearity, effect sizes), with seminr's definitions; each measure lives in its
 * own module and this one assembles them for plsPathModel.
 */
import type { PlsEstimate, PlsLayout, PlsSettings } from '../pls-algorithm.ts';
import { fornellLarcker, type FornellLarckerTable } from './fornell-larcker.ts';
import { pathEffectSizes, type PathEffectSize } from './f-square.ts';
import { htmtPairs, htmtValues } from './htmt.ts';
import { constructReliability, type ConstructReliability } from './reliability.ts';
import { innerVifs, itemVifs, type InnerVif, type ItemVif } from './vif.ts';

export type { ConstructReliability } from './reliability.ts';
export type { FornellLarckerTable } from './fornell-larcker.ts';
export type { PathEffectSize } from './f-square.ts';
export type { InnerVif, ItemVif } from './vif.ts';

export interface HtmtRow {
  from: string;
  to: string;
  /** null when a block's items are all uncorrelated (the ratio has a zero denominator). */
  value: number | null;
  /** Bootstrap percentile interval, when plsPathModel ran a bootstrap. */
  low?: number;
  high?: number;
}

export interface PlsQuality {
  /** α, ρ_A, ρ_C and AVE per construct. */
  constructs: ConstructReliability[];
  /** HTMT per construct pair (model order, from before to). */
  htmt: HtmtRow[];
  fornellLarcker: FornellLarckerTable;
  itemVif: ItemVif[];
  innerVif: InnerVif[];
  /** Cohen's f² per path, by re-estimating the model without it. */
  fSquare: PathEffectSize[];
}

/** Finite numbers stay; anything else becomes null (the "not defined" of the result rows). */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * Every quality measure of a fitted model.
 *
 * @param matrix p × p item correlation matrix in layout order (the one the model was fitted on)
 * @param layout the model
 * @param estimate the PLS estimate on that matrix
 * @param settings the estimation settings (reused to re-estimate for f²)
 */
export function plsQuality(
  matrix: Float64Array,
  layout: PlsLayout,
  estimate: PlsEstimate,
  settings: PlsSettings,
): PlsQuality {
  const constructs = constructReliability(matrix, layout, estimate.weights, estimate.loadings);
  const values = htmtValues(matrix, layout);
  const htmt = htmtPairs(layout).map(([a, b], k) => ({
    from: layout.constructs[a],
    to: layout.constructs[b],
    value: finiteOrNull(values[k]),
  }));
  return {
    constructs,
    htmt,
    fornellLarcker: fornellLarcker(estimate.latentCorrelations, layout, constructs.map((row) => row.ave)),
    itemVif: itemVifs(matrix, layout),
    innerVif: innerVifs(estimate.latentCorrelations, layout),
    fSquare: pathEffectSizes(matrix, layout, estimate.rSquared, settings),
  };
}
