/**
 * Reading a survey with a group column for the tracking formulas (CSIBYGROUP, NPSBYGROUP,
 * CSICHANGE): answers in rows (blanks are missing answers) beside a column of group values (wave,
 * period, brand). Rows where the group and every answer are blank are left out, so whole columns
 * can be selected; positions in messages are rows of the range.
 */
import * as aq from 'arquero';
import { invalid } from '../core/messages.ts';
import { isBlank, numberMatrix, vectorCells } from './ranges.ts';

export interface GroupedSurveyRange {
  /** A table with a `group` column and one column per item (`item 1`, `item 2`, …). */
  table: ReturnType<typeof aq.table>;
  /** The item column names, in order. */
  items: string[];
}

/** The answers a formula accepts: a 1..10-style scale, or whole numbers 0..10 for NPS. */
export type AnswerRule = { min: number; max: number; integer: boolean };

/**
 * @param scores respondents × items as Excel hands them over
 * @param groups one group value per respondent: a single column (or row) as long as `scores`
 * @param rule the allowed answers; checked here (the core checks again) so that a message names
 *   the row of the range even when blank rows are left out
 * @throws {InputError} when the lengths differ, a cell is not a number or breaks the rule, or a
 *   row has answers but no group (naming the row)
 */
export function groupedSurveyRange(scores: unknown, groups: unknown, rule: AnswerRule): GroupedSurveyRange {
  const answers = numberMatrix(scores, 'scores');
  const labels = vectorCells(groups, 'groups');
  if (labels.length !== answers.length) {
    throw invalid('groups', `has ${labels.length} cells but scores has ${answers.length} rows; select one group per respondent`);
  }
  const width = answers[0].length;
  const items = Array.from({ length: width }, (_, j) => `item ${j + 1}`);
  const group: unknown[] = [];
  const columns = items.map(() => [] as (number | null)[]);
  for (let i = 0; i < answers.length; i++) {
    const label = labels[i];
    const noAnswers = answers[i].every((a) => a === null);
    if (isBlank(label)) {
      if (noAnswers) continue;
      throw invalid('groups', `: row ${i + 1} is blank but the respondent has answers; give every respondent a group`, 'na');
    }
    if (typeof label !== 'string' && typeof label !== 'number' && typeof label !== 'boolean') {
      throw invalid('groups', `: row ${i + 1} is an error or unsupported value`);
    }
    group.push(label);
    for (let j = 0; j < width; j++) {
      const a = answers[i][j];
      if (a !== null && (a < rule.min || a > rule.max || (rule.integer && !Number.isInteger(a)))) {
        const where = width === 1 ? `row ${i + 1}` : `row ${i + 1}, column ${j + 1}`;
        const expected = rule.integer ? `an integer from ${rule.min} to ${rule.max}` : `on the scale ${rule.min}..${rule.max}`;
        throw invalid('scores', `: ${where} is ${a}; expected ${expected}`);
      }
      columns[j].push(a);
    }
  }
  const data: Record<string, unknown[]> = { group };
  items.forEach((item, j) => (data[item] = columns[j]));
  return { table: aq.table(data), items };
}

/** A result cell: blanks (`null`) as "" so that Excel does not show them as 0. */
export function cell(value: unknown): unknown {
  return value === null || value === undefined ? '' : value;
}
