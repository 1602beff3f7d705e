/**
 * The NPS per group with a confidence interval, and the change of the NPS between two groups.
 *
 * Interval method: the answers are a multinomial sample of promoters, passives and detractors,
 * and NPS = 100·(p_P − p_D). Its variance is the multinomial variance of a difference of two
 * shares, Var(p_P − p_D) = (p_P + p_D − (p_P − p_D)²)/n, so se = 100·√Var; the interval is
 * NPS ± z·se, cut at −100 and 100. Reference: the standard error of a difference of two
 * multinomial proportions (e.g. Agresti 2013, "Categorical Data Analysis", 3rd ed., §1.2 and
 * the delta method of §16.1).
 */
import { invalid, mustBe } from '../messages.ts';
import { cellNumber, isBlank } from '../table/cell.ts';
import { inputColumn, rowCount } from '../table/column-values.ts';
import type { ColumnTable, TableInput } from '../table/input.ts';
import { npsBreakdown } from './nps.ts';
import {
  changeBetween,
  confidenceZ,
  estimateTable,
  tooFewNote,
  type GroupChange,
  type GroupEstimate,
} from './group-comparison.ts';
import { comparedGroups, showGroup, surveyGroups, type SurveyGroups } from './survey-groups.ts';

export interface NpsByGroupOptions {
  /** The column of 0–10 "would you recommend us?" answers. */
  item: string;
  /** The column whose values form the groups. */
  group: string;
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
}

export interface NpsChangeOptions extends NpsByGroupOptions {
  from: unknown;
  to: unknown;
}

/**
 * Standard error of an NPS from its counts: 100·√((p_P + p_D − (p_P − p_D)²)/n).
 *
 * @param promoters answers 9–10
 * @param detractors answers 0–6
 * @param n all answers
 * @returns the standard error on the −100..100 scale
 * @example npsStandardError(50, 20, 100); // => 100·√((0.5 + 0.2 − 0.09)/100) = 7.81
 */
export function npsStandardError(promoters: number, detractors: number, n: number): number {
  const p = promoters / n;
  const d = detractors / n;
  // max(0, ·) guards the rounding of a variance that is exactly 0 (all promoters, say).
  return 100 * Math.sqrt(Math.max(0, p + d - (p - d) * (p - d)) / n);
}

function readAnswers(table: TableInput, options: NpsByGroupOptions): { answers: ArrayLike<unknown>; groups: SurveyGroups } {
  if (options === null || typeof options !== 'object') {
    throw invalid('options', 'must name the item and the group column');
  }
  if (typeof options.item !== 'string') {
    throw invalid('item', 'must be the name of the 0–10 recommendation column');
  }
  if (typeof options.group !== 'string') {
    throw invalid('group', 'must be the name of the column that holds the groups');
  }
  if (rowCount(table) === 0) {
    throw invalid('table', 'must contain at least one respondent');
  }
  const groups = surveyGroups(inputColumn(table, options.group, 'group'), options.group, 'group');
  const answers = inputColumn(table, options.item, 'item');
  // Checked here so that a message names the table row, not the position within a group.
  for (let i = 0; i < answers.length; i++) {
    const raw = answers[i];
    if (isBlank(raw)) continue;
    const value = cellNumber(raw);
    if (!Number.isInteger(value) || value < 0 || value > 10) {
      throw mustBe({ argument: 'item', column: options.item, row: i + 1 }, 'a whole number from 0 to 10', { value: raw });
    }
  }
  return { answers, groups };
}

function groupEstimate(answers: ArrayLike<unknown>, groups: SurveyGroups, g: number): GroupEstimate {
  const group = groups.keys[g];
  const values = groups.rows[g].map((i) => answers[i]);
  if (!values.some((value) => !isBlank(value))) {
    return { group, n: 0, value: null, se: null, note: 'no answers in this group' };
  }
  const { promoters, detractors, n, nps } = npsBreakdown(values);
  if (n < 2) return { group, n, value: nps, se: null, note: tooFewNote(n) };
  return { group, n, value: nps, se: npsStandardError(promoters, detractors, n), note: null };
}

/**
 * NPS per group with a confidence interval (multinomial variance; see the module comment).
 *
 * O(respondents).
 *
 * @param table an Arquero table or an array of row objects, one row per respondent
 * @param options `item` (the 0–10 answers), `group` (the group column), `level` (default 0.95)
 * @returns an Arquero table `group, n, nps, low, high, note`, one row per group (numbers and
 *   dates sorted, text by first appearance); `nps` equals `nps()` on the group's answers; `n`
 *   counts the non-blank answers. A group with fewer than 2 answers has `low`/`high` null and a
 *   `note` (and `nps` null with none).
 * @throws {InputError} for a missing column, a blank group, an answer that is not an integer
 *   0..10 (naming column and row), a bad level
 * @example npsByGroup([{ g: 'a', r: 10 }, { g: 'a', r: 3 }], { item: 'r', group: 'g' }).get('nps', 0); // => 0
 */
export function npsByGroup(table: TableInput, options: NpsByGroupOptions): ColumnTable {
  const { answers, groups } = readAnswers(table, options);
  const z = confidenceZ(options.level ?? 0.95);
  const estimates = groups.keys.map((_, g) => groupEstimate(answers, groups, g));
  return estimateTable(estimates, 'nps', z, -100, 100);
}

/**
 * The change of the NPS from one group to another, as two independent samples: difference ±
 * z·√(se₁² + se₂²), two-sided p-value from the normal.
 *
 * @param table as for {@link npsByGroup}
 * @param options as for {@link npsByGroup}, plus `from` and `to` (group values)
 * @returns `{ from, to, difference, low, high, pValue }`, difference = NPS(to) − NPS(from)
 * @throws {InputError} as {@link npsByGroup}; when a group does not occur, both are the same,
 *   `from` is after `to` in a period column, or a group has fewer than 2 answers
 * @example npsChange(rows, { item: 'r', group: 'wave', from: '2024 Q1', to: '2024 Q2' });
 * // 40/30/30 promoters/passives/detractors of 100, then 55/25/20 of 100
 * // => { from: '2024 Q1', to: '2024 Q2', difference: 25, low: 2.50, high: 47.50, pValue: 0.0294 }
 */
export function npsChange(table: TableInput, options: NpsChangeOptions): GroupChange {
  const { answers, groups } = readAnswers(table, options);
  const z = confidenceZ(options.level ?? 0.95);
  const pair = comparedGroups(groups, options.from, options.to);
  return changeBetween(groupEstimate(answers, groups, pair.from), groupEstimate(answers, groups, pair.to), z, showGroup);
}
