/**
 * The Satisfaction view's computation: the CSI of the outcome construct's items, the NPS of a
 * 0–10 recommend item when one is mapped, key drivers of the outcome (Johnson's relative weights
 * of the items of the constructs with a path into it) and the PLS path model with 0–100 indices.
 */
import {
  csi,
  itemMean,
  keyDrivers,
  nps,
  plsPathModel,
  type KeyDriversResult,
  type PlsResult,
} from '../../core/index.ts';
import { isBlank } from '../../core/table/cell.ts';
import { nameRecord, ownValue, tableFromColumns } from '../../core/table/named-columns.ts';
import type { ColumnTable } from '../excel/cell-values.ts';
import type { SurveyMapping } from '../mapping/survey.ts';

export interface SatisfactionResult {
  /** CSI (0–100) of the outcome construct's items, or null without an outcome. */
  csi: number | null;
  nps: number | null;
  /** The outcome score column used for the drivers: the mean of the outcome's items. */
  outcomeLabel: string | null;
  drivers: KeyDriversResult | null;
  pls: PlsResult;
}

/** The pane's bootstrap seed: the same resamples on every Run, so the intervals are reproducible. */
export const BOOTSTRAP_SEED = 1;

/** The mode of each mapped construct that has items (mode B ones only; own keys: names are data). */
function constructModes(blocks: Record<string, string[]>, modes: Record<string, 'A' | 'B'> | undefined): Record<string, 'A' | 'B'> {
  const out = nameRecord<'A' | 'B'>();
  if (modes) for (const [construct, mode] of Object.entries(modes)) if (mode === 'B' && ownValue(blocks, construct)) out[construct] = 'B';
  return out;
}

export function runSatisfaction(table: ColumnTable, mapping: SurveyMapping): SatisfactionResult {
  // Construct and item names are user text (`__proto__`, `toString` …): own keys only.
  const blocks = nameRecord<string[]>();
  for (const [construct, items] of Object.entries(mapping.blocks)) if (items.length > 0) blocks[construct] = items;
  const { min, max } = mapping.scale;
  const pls = plsPathModel(table, { blocks, paths: mapping.paths, modes: constructModes(blocks, mapping.modes) }, {
    scheme: 'path',
    scaleMin: min,
    scaleMax: max,
    // A mode B construct may have a negative weight, and so no 0–100 index: skipped, not an error.
    indices: 'defined',
    bootstrap: mapping.bootstrapSamples ? { samples: mapping.bootstrapSamples, seed: BOOTSTRAP_SEED } : undefined,
  });
  const outcome = mapping.outcome && ownValue(blocks, mapping.outcome) ? mapping.outcome : null;
  let csiValue: number | null = null;
  let drivers: KeyDriversResult | null = null;
  let outcomeLabel: string | null = null;
  if (outcome) {
    const items = blocks[outcome];
    // Not table.select: Arquero's select drops a column named `__proto__`.
    const itemTable = tableFromColumns(items, items.map((item) => table.array(item) as unknown[]));
    csiValue = csi(itemTable, { scaleMin: min, scaleMax: max });
    const antecedents = mapping.paths.filter(([, to]) => to === outcome).map(([from]) => from);
    const driverItems = antecedents.flatMap((c) => ownValue(blocks, c) ?? []);
    if (driverItems.length > 0) {
      outcomeLabel = `${outcome} (mean of ${items.join(', ')})`;
      const scored = table.assign({ [outcomeLabel]: itemMean(table, items) });
      drivers = keyDrivers(scored, outcomeLabel, driverItems);
    }
  }
  let npsValue: number | null = null;
  if (mapping.npsItem) {
    const answers = Array.from(table.array(mapping.npsItem) as ArrayLike<unknown>).filter((v) => !isBlank(v));
    npsValue = nps(answers as number[]);
  }
  return { csi: csiValue, nps: npsValue, outcomeLabel, drivers, pls };
}
