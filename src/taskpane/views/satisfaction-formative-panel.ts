/**
 * Measurement quality of the formative (mode B) constructs, as seminr's measurement-model
 * evaluation shows composites (Hair et al. 2022, "A Primer on PLS-SEM", 3rd ed., ch. 5): each
 * item's outer weight with its bootstrap percentile interval (when the Run bootstrapped) and its
 * VIF, instead of α, ρ_A, ρ_C and AVE. The reliability and validity marks are not applied to
 * them: those thresholds presume reflective items that share a common factor.
 */
import type { PlsResult } from '../../core/index.ts';
import { markText, ruleText } from '../analysis/satisfaction-insights.ts';
import type { SurveyMapping } from '../mapping/survey.ts';
import { blockFromRows, type ResultBlock } from '../excel/result-block.ts';
import { el } from '../ui/dom.ts';
import { fmt } from '../ui/format.ts';
import { renderTable } from '../ui/table.ts';

/** "mode A", or "mode B for Image, Quality; mode A for the rest": the measurement the Run used. */
export function measurementText(mapping: SurveyMapping): string {
  const formative = Object.keys(mapping.modes ?? {}).filter((c) => mapping.modes![c] === 'B' && Object.hasOwn(mapping.blocks, c));
  return formative.length === 0 ? 'mode A' : `mode B for ${formative.join(', ')}; mode A for the rest`;
}

/** One row per item of a mode B construct: weight, interval, VIF and its mark. */
export function formativeRows(pls: PlsResult): Record<string, unknown>[] {
  const { quality } = pls;
  const vif = new Map(quality.itemVif.map((row) => [row.item, row.vif]));
  return quality.formative.flatMap(({ construct, weights }) =>
    weights.map(({ item, weight, low, high }) => {
      const itemVif = vif.get(item) ?? null;
      const spansZero = low !== undefined && high !== undefined && low <= 0 && high >= 0;
      return {
        construct,
        item,
        weight,
        interval: low === undefined || high === undefined ? '' : `[${fmt(low, 3)}, ${fmt(high, 3)}]${spansZero ? ' (spans 0)' : ''}`,
        vif: itemVif,
        vifMark: markText('itemVif', itemVif),
      };
    }),
  );
}

/** The formative constructs' rows for Write (weights, interval ends, VIF); none when every construct is mode A. */
export function formativeBlocks(pls: PlsResult): ResultBlock[] {
  const { quality, bootstrap } = pls;
  if (quality.formative.length === 0) return [];
  const vif = new Map(quality.itemVif.map((row) => [row.item, row.vif]));
  const rows = quality.formative.flatMap(({ construct, weights }) =>
    weights.map(({ item, weight, low, high }) => ({ construct, item, weight, low: low ?? '', high: high ?? '', vif: vif.get(item) ?? '' })),
  );
  const title = `Formative constructs (mode B): outer weights${bootstrap ? `, ${Math.round(bootstrap.level * 100)}% bootstrap percentile intervals (${bootstrap.samples - bootstrap.failed} resamples, seed ${bootstrap.seed})` : ''} and item VIFs`;
  return [blockFromRows(title, ['construct', 'item', 'weight', 'low', 'high', 'vif'], rows)];
}

/** The formative constructs' table and its note; nothing when every construct is mode A. */
export function renderFormativePanel(results: HTMLElement, pls: PlsResult): void {
  const rows = formativeRows(pls);
  if (rows.length === 0) return;
  const { bootstrap } = pls;
  const intervalLabel = bootstrap ? `${Math.round(bootstrap.level * 100)}% interval` : 'Interval';
  results.appendChild(el('h3', {}, 'Formative constructs (mode B)'));
  results.appendChild(
    renderTable(rows, [
      { key: 'construct', label: 'Construct' },
      { key: 'item', label: 'Item' },
      { key: 'weight', label: 'Outer weight', format: (v) => fmt(v, 3) },
      { key: 'interval', label: intervalLabel, format: (v) => (v === '' ? '–' : String(v)) },
      { key: 'vif', label: 'VIF', format: (v, row) => `${v === null ? '∞' : fmt(v, 2)} ${row.vifMark as string}` },
    ], 'pls-formative',
    `Outer weights of the formative items${bootstrap ? ` with bootstrap percentile intervals (${bootstrap.samples - bootstrap.failed} resamples, seed ${bootstrap.seed})` : ' (set Bootstrap resamples under Measurement for their intervals)'}. ${ruleText('VIF', 'itemVif')}. α, ρ_A, ρ_C, AVE, HTMT and Fornell–Larcker are not computed for these constructs and their marks do not apply: they presume reflective items (seminr; Hair et al. 2022). A weight whose interval spans 0 does not contribute significantly; keep the item if its loading is high (Hair et al. 2022, ch. 5).`),
  );
  const unindexed = pls.quality.formative.map((row) => row.construct).filter((c) => !Object.hasOwn(pls.indices, c));
  if (unindexed.length > 0) {
    results.appendChild(
      el('p', { class: 'note', 'data-testid': 'pls-formative-no-index' }, `${unindexed.join(', ')}: a negative outer weight, so no 0–100 index (an index needs every weight positive).`),
    );
  }
}
