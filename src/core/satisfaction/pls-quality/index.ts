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

/**
 * A mode B (formative composite) construct, which reliability and discriminant validity do not
 * apply to: it is assessed by its indicator weights and its item VIFs (in `itemVif`).
 */
export interface FormativeConstruct {
  construct: string;
  /**
   * Outer weights of its indicators (scores have unit variance), with their bootstrap percentile
   * interval `low`/`high` when plsPathModel ran a bootstrap (seminr's `bootstrapped_weights`).
   */
  weights: { item: string; weight: number; low?: number; high?: number }[];
  reason: string;
}

/** Why a mode B construct has no α, ρ_A, ρ_C, AVE, HTMT or Fornell–Larcker entry. */
export const FORMATIVE_REASON =
  'mode B (formative composite): reliability, AVE, HTMT and Fornell–Larcker assume reflective items; assess the indicator weights and item VIFs instead';

/**
 * Mode B constructs follow seminr's measurement-model evaluation (evaluate_measurement_model:
 * factors get loadings, reliability and HTMT; composites get weights and item VIFs; Hair et al.
 * 2022, "A Primer on PLS-SEM", 3rd ed., ch. 5): they are OMITTED from `constructs`, `htmt` and
 * `fornellLarcker` and listed in `formative` with their weights and the reason; `itemVif`,
 * `innerVif` and `fSquare` cover every construct. (seminr's plain reliability table would still
 * print α, ρ_C and AVE for them, with ρ_A set to 1; those numbers have no meaning for a composite.)
 */
export interface PlsQuality {
  /** α, ρ_A, ρ_C and AVE per mode A construct. */
  constructs: ConstructReliability[];
  /** HTMT per pair of mode A constructs (model order, from before to). */
  htmt: HtmtRow[];
  fornellLarcker: FornellLarckerTable;
  itemVif: ItemVif[];
  innerVif: InnerVif[];
  /** Cohen's f² per path, by re-estimating the model without it. */
  fSquare: PathEffectSize[];
  /** The mode B constructs, left out of `constructs`, `htmt` and `fornellLarcker`. */
  formative: FormativeConstruct[];
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
  const reflective: number[] = [];
  const formative: FormativeConstruct[] = [];
  layout.constructs.forEach((construct, b) => {
    if (!layout.formative?.[b]) {
      reflective.push(b);
      return;
    }
    const weights = [];
    for (let i = layout.blockStart[b]; i < layout.blockStart[b + 1]; i++) {
      weights.push({ item: layout.indicators[i], weight: estimate.weights[i] });
    }
    formative.push({ construct, weights, reason: FORMATIVE_REASON });
  });
  const all = constructReliability(matrix, layout, estimate.weights, estimate.loadings);
  const constructs = reflective.map((b) => all[b]);
  const values = htmtValues(matrix, layout);
  const htmt = htmtPairs(layout).map(([a, b], k) => ({
    from: layout.constructs[a],
    to: layout.constructs[b],
    value: finiteOrNull(values[k]),
  }));
  return {
    constructs,
    htmt,
    fornellLarcker: fornellLarcker(estimate.latentCorrelations, layout, constructs.map((row) => row.ave), reflective),
    itemVif: itemVifs(matrix, layout),
    innerVif: innerVifs(estimate.latentCorrelations, layout),
    fSquare: pathEffectSizes(matrix, layout, estimate.rSquared, settings),
    formative,
  };
}
