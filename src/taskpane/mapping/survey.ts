/**
 * Survey mapping for the satisfaction view: which item columns measure which construct
 * (satisfaction, loyalty…), which constructs drive which, and the scale. Guesses come from item
 * names: the letters before the number (`SAT1`, `sat_2` → SAT), with the ECSI abbreviations
 * spelt out (IMG → Image, …), and the ECSI path model when the constructs are ECSI's.
 */
import { nameRecord } from '../../core/table/named-columns.ts';
import type { ColumnTable } from '../excel/cell-values.ts';
import { cellKind, columnProblem } from './validate.ts';

export interface SurveyMapping {
  /** construct → item columns, in construct order. */
  blocks: Record<string, string[]>;
  /** [from, to] construct pairs. */
  paths: [string, string][];
  /** Answer scale, e.g. 1–10. */
  scale: { min: number; max: number };
  /** The construct whose index is the CSI and whose drivers are analysed (e.g. Satisfaction). */
  outcome: string | null;
  /** Optional 0–10 "would you recommend" item for the NPS. */
  npsItem: string | null;
  /** The constructs estimated in mode B (formative); the others are mode A. */
  modes?: Record<string, 'A' | 'B'>;
  /** Bootstrap resamples for the intervals of paths, weights and HTMT (0 or absent: none; seed 1). */
  bootstrapSamples?: number;
}

/** The most bootstrap resamples a Run may ask for (each re-estimates the model). */
export const BOOTSTRAP_SAMPLES_MAX = 5000;

/** The European Customer Satisfaction Index model (Tenenhaus, Esposito Vinzi, Chatelin & Lauro 2005). */
export const ECSI_NAMES: Readonly<Record<string, string>> = {
  IMG: 'Image', EXP: 'Expectation', QUA: 'Quality', VAL: 'Value', SAT: 'Satisfaction', CMP: 'Complaints', LOY: 'Loyalty',
};

export const ECSI_PATHS: readonly [string, string][] = [
  ['Image', 'Expectation'], ['Image', 'Satisfaction'], ['Image', 'Loyalty'],
  ['Expectation', 'Quality'], ['Expectation', 'Value'], ['Expectation', 'Satisfaction'],
  ['Quality', 'Value'], ['Quality', 'Satisfaction'], ['Value', 'Satisfaction'],
  ['Satisfaction', 'Complaints'], ['Satisfaction', 'Loyalty'], ['Complaints', 'Loyalty'],
];

/** The construct an item name suggests: its leading letters (ECSI abbreviations spelt out), or null. */
export function constructOf(item: string): string | null {
  const match = /^([A-Za-z]+)[\s_.-]*\d+$/.exec(item.trim());
  if (!match) return null;
  const prefix = match[1].toUpperCase();
  return ECSI_NAMES[prefix] ?? match[1];
}

/** True when at least 90% of the column's non-blank cells are numbers (an answer column). */
function isNumericColumn(table: ColumnTable, column: string): boolean {
  const values = table.array(column) as ArrayLike<unknown>;
  let numbers = 0;
  let filled = 0;
  for (let i = 0; i < values.length; i++) {
    const kind = cellKind(values[i]);
    if (kind === 'blank') continue;
    filled++;
    if (kind === 'number') numbers++;
  }
  return filled > 0 && numbers >= 0.9 * filled;
}

/**
 * construct → items from (item, construct) pairs, constructs in first-seen order. Construct names
 * are user text (`constructor`, `__proto__` …), so the record has no prototype.
 *
 * @example surveyBlocks([['SAT1', 'SAT'], ['QUA1', 'QUA'], ['SAT2', 'SAT']]); // => { SAT: ['SAT1', 'SAT2'], QUA: ['QUA1'] }
 */
export function surveyBlocks(assignments: Iterable<readonly [item: string, construct: string]>): Record<string, string[]> {
  const blocks = nameRecord<string[]>();
  for (const [item, construct] of assignments) (blocks[construct] ??= []).push(item);
  return blocks;
}

export function guessSurveyMapping(header: readonly string[], table: ColumnTable): SurveyMapping {
  const assignments: [string, string][] = [];
  let min = Infinity;
  let max = -Infinity;
  for (const item of header) {
    const construct = constructOf(item);
    if (!construct || !isNumericColumn(table, item)) continue;
    assignments.push([item, construct]);
    const values = table.array(item) as ArrayLike<unknown>;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      const x = typeof value === 'number' ? value : Number(value);
      if (value !== null && value !== '' && Number.isFinite(x)) {
        if (x < min) min = x;
        if (x > max) max = x;
      }
    }
  }
  const blocks = surveyBlocks(assignments);
  const constructs = Object.keys(blocks);
  const isEcsi = constructs.length > 1 && constructs.every((c) => Object.values(ECSI_NAMES).includes(c));
  const outcome =
    constructs.find((c) => /^sat/i.test(c)) ?? constructs.find((c) => /^loy/i.test(c)) ?? constructs[constructs.length - 1] ?? null;
  const paths: [string, string][] = isEcsi
    ? ECSI_PATHS.filter(([a, b]) => Object.hasOwn(blocks, a) && Object.hasOwn(blocks, b)).map(([a, b]) => [a, b])
    : constructs.filter((c) => c !== outcome).map((c) => [c, outcome as string]);
  // The usual 1–5, 1–7, 0–10 or 1–10 scale that holds every answer.
  const scales = [[1, 5], [1, 7], [1, 10], [0, 10]];
  const scale = scales.find(([a, b]) => min >= a && max <= b) ?? [Number.isFinite(min) ? min : 1, Number.isFinite(max) ? max : 10];
  const npsItem = header.find((h) => /recommend|nps|^rec$/i.test(h)) ?? null;
  return { blocks, paths, scale: { min: scale[0], max: scale[1] }, outcome, npsItem };
}

/** Problems with a survey mapping, each naming the construct, column and row. */
export function validateSurvey(table: ColumnTable, mapping: SurveyMapping, rowNumber?: (i: number) => number): string[] {
  const problems: string[] = [];
  const constructs = Object.keys(mapping.blocks).filter((c) => mapping.blocks[c].length > 0);
  if (constructs.length < 2) problems.push('Map items to at least two constructs (e.g. Quality and Satisfaction).');
  if (mapping.scale.max <= mapping.scale.min) problems.push(`The scale must run from a smaller to a larger number (it is ${mapping.scale.min}–${mapping.scale.max}).`);
  // A scale that is wrong itself is said once, not once per item whose answers fall outside it.
  const scale = mapping.scale.max > mapping.scale.min ? mapping.scale : undefined;
  for (const construct of constructs) {
    for (const item of mapping.blocks[construct]) {
      const problem = columnProblem(table, item, 'number', { rowNumber, scale, blankOk: true });
      if (problem) problems.push(`${problem} (an item of ${construct}).`);
    }
  }
  const inPath = new Set(mapping.paths.flat());
  for (const construct of constructs) {
    if (!inPath.has(construct)) problems.push(`${construct} is in no path: connect it to another construct or unmap its items.`);
  }
  if (mapping.paths.length === 0 && constructs.length >= 2) problems.push('Choose at least one path between constructs.');
  if (mapping.outcome && !constructs.includes(mapping.outcome)) problems.push(`The outcome ${mapping.outcome} has no items.`);
  const samples = mapping.bootstrapSamples ?? 0;
  if (!(samples === 0 || (Number.isInteger(samples) && samples >= 2 && samples <= BOOTSTRAP_SAMPLES_MAX))) {
    problems.push(`Bootstrap resamples must be 0 (none) or a whole number from 2 to ${BOOTSTRAP_SAMPLES_MAX} (it is ${Number.isNaN(samples) ? 'blank' : samples}).`);
  }
  if (mapping.npsItem) {
    const problem = columnProblem(table, mapping.npsItem, 'number', { rowNumber, scale: { min: 0, max: 10 }, blankOk: true });
    if (problem) problems.push(`${problem} (the NPS item must be answered on 0–10).`);
  }
  return problems;
}

/** The usual ECSI drawing on a 4 × 3 grid ([column, row]): no arrow crosses a box. */
export const ECSI_LAYOUT: Readonly<Record<string, readonly [number, number]>> = {
  Image: [0, 0], Expectation: [0, 1], Quality: [0, 2], Value: [1, 2],
  Satisfaction: [2, 1], Complaints: [3, 2], Loyalty: [3, 0],
};
