/**
 * The Satisfaction view's defensibility panels, kept apart from runSatisfaction: measurement
 * quality with pass/warn marks, the IPMA of the constructs, the satisfaction–loyalty quadrants and
 * the distinctive terms of the open comments.
 */
import {
  constructIpma,
  distinctiveTerms,
  qualityMark,
  satisfactionLoyalty,
  type ConstructIpmaResult,
  type DistinctiveTerm,
  type PlsResult,
  type QualityMeasure,
  type SatisfactionLoyaltyResult,
} from '../../core/index.ts';
import type { ColumnTable } from '../excel/cell-values.ts';
import type { SurveyMapping } from '../mapping/survey.ts';

/** "✓" or "⚠" with the rule, for a table cell. */
export function markText(measure: QualityMeasure, value: number | null): string {
  const mark = qualityMark(measure, value);
  return mark.status === 'pass' ? '✓' : mark.status === 'warn' ? '⚠' : '–';
}

/** The rule and its source, for a caption: "α ≥ 0.7 — Nunnally (1978); Hair et al. (2019)". */
export function ruleText(label: string, measure: QualityMeasure): string {
  const mark = qualityMark(measure, 0);
  return `${label} ${mark.rule} — ${mark.source}`;
}

/** The reliability rows with a mark per measure. */
export function reliabilityRows(pls: PlsResult): Record<string, unknown>[] {
  return pls.quality.constructs.map((row) => ({
    ...row,
    alphaMark: markText('alpha', row.alpha),
    rhoAMark: markText('rhoA', row.rhoA),
    rhoCMark: markText('rhoC', row.rhoC),
    aveMark: markText('ave', row.ave),
  }));
}

/** The construct IPMA's target: Loyalty when the model has it, else the outcome; null when neither has antecedents. */
export function ipmaTarget(pls: PlsResult, mapping: SurveyMapping): string | null {
  const constructs = Object.keys(pls.latentCorrelations);
  const hasDrivers = (c: string) => constructs.some((a) => Object.hasOwn(pls.totalEffects, a) && Object.hasOwn(pls.totalEffects[a], c));
  const loyalty = constructs.find((c) => /^loy/i.test(c));
  if (loyalty && hasDrivers(loyalty)) return loyalty;
  if (mapping.outcome && constructs.includes(mapping.outcome) && hasDrivers(mapping.outcome)) return mapping.outcome;
  return null;
}

export function runConstructIpma(pls: PlsResult, mapping: SurveyMapping): ConstructIpmaResult | null {
  const target = ipmaTarget(pls, mapping);
  if (target === null) return null;
  // A mode B construct with a negative weight has no 0–100 index, and IPMA needs the index of the
  // target and of everything with an effect on it.
  const involved = [target, ...Object.keys(pls.totalEffects).filter((a) => Object.hasOwn(pls.totalEffects[a], target))];
  return involved.every((c) => Object.hasOwn(pls.indices, c)) ? constructIpma(pls, target) : null;
}

/** Satisfaction and loyalty from the items of the Satisfaction and Loyalty constructs, on the survey's scale. */
export function runSatisfactionLoyaltyPanel(table: ColumnTable, mapping: SurveyMapping): SatisfactionLoyaltyResult | null {
  const constructs = Object.keys(mapping.blocks).filter((c) => mapping.blocks[c].length > 0);
  const satisfaction = constructs.find((c) => /^sat/i.test(c)) ?? mapping.outcome;
  const loyalty = constructs.find((c) => /^loy/i.test(c));
  if (!satisfaction || !loyalty || satisfaction === loyalty) return null;
  const scale: [number, number] = [mapping.scale.min, mapping.scale.max];
  return satisfactionLoyalty(table, {
    satisfaction: mapping.blocks[satisfaction],
    loyalty: mapping.blocks[loyalty],
    satisfactionScale: scale,
    loyaltyScale: scale,
  });
}

/** Columns that hold open text (most filled cells are text that is not a number), best guess first. */
export function commentColumns(table: ColumnTable): string[] {
  const found: string[] = [];
  for (const column of table.columnNames()) {
    const values = table.array(column) as ArrayLike<unknown>;
    let text = 0;
    let filled = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined || v === '') continue;
      filled++;
      if (typeof v === 'string' && !Number.isFinite(Number(v))) text++;
    }
    if (filled > 0 && text >= 0.5 * filled) found.push(column);
  }
  const named = (c: string) => (/comment|verbatim|feedback|text|remark/i.test(c) ? 0 : 1);
  return found.sort((a, b) => named(a) - named(b));
}

export function runComments(table: ColumnTable, commentColumn: string, groupColumn: string, top = 8): DistinctiveTerm[] {
  return distinctiveTerms(table.array(commentColumn) as ArrayLike<unknown>, table.array(groupColumn) as ArrayLike<unknown>, { top });
}
