/**
 * The CSI per group (wave, period, brand) with a confidence interval, and the change of the CSI
 * between two groups with its interval and p-value: the "check" step of tracking satisfaction.
 *
 * Interval method: the delta method (Taylor linearization) with respondents as the independent
 * units. The CSI is linear in the item means, CSI = c·(Σ_j w_j m_j / W − scaleMin) with
 * c = 100/(scaleMax − scaleMin); respondent i's influence on it is
 *
 *   ψ_i = (c/W) · Σ_j w_j · a_ij · (x_ij − m_j) / n_j,   a_ij = 1 when i answered item j,
 *
 * and Var(CSI) ≈ n/(n − 1) · Σ_i ψ_i². With no blanks this is exactly s²/n of the respondents'
 * weighted item averages; with blanks it carries each item's own answer count and the covariance
 * of the items among the respondents who answered both. The interval is CSI ± z·se, cut at 0 and
 * 100. Reference: Wolter (2007), "Introduction to Variance Estimation", ch. 6 (Taylor series
 * methods); the simulation tests in test/core/satisfaction/csi-by-group.test.ts check coverage.
 */
import { invalid, notANumber, outsideScale } from '../messages.ts';
import { checkWeights } from '../math/weights.ts';
import { cellNumber, isBlank } from '../table/cell.ts';
import { inputColumn, rowCount } from '../table/column-values.ts';
import type { ColumnTable, TableInput } from '../table/input.ts';
import { checkScale, csi, type CsiOptions } from './csi.ts';
import {
  changeBetween,
  confidenceZ,
  estimateTable,
  tooFewNote,
  type GroupChange,
  type GroupEstimate,
} from './group-comparison.ts';
import { comparedGroups, showGroup, surveyGroups, type SurveyGroups } from './survey-groups.ts';

export interface CsiByGroupOptions extends CsiOptions {
  /** The item columns of the index. */
  items: readonly string[];
  /** The column whose values form the groups (wave, period, brand...). */
  group: string;
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
}

export interface CsiChangeOptions extends CsiByGroupOptions {
  /** The group compared from (the earlier period, or the competitor). */
  from: unknown;
  /** The group compared to (the later period, or us). */
  to: unknown;
}

/** A validated survey: answers as numbers (NaN = blank), column-major, and its groups. */
interface GroupedSurvey {
  answers: Float64Array[];
  groups: SurveyGroups;
  weights: Float64Array;
  total: number;
  min: number;
  max: number;
}

function readSurvey(table: TableInput, options: CsiByGroupOptions): GroupedSurvey {
  if (options === null || typeof options !== 'object') {
    throw invalid('options', 'must name the items and the group column');
  }
  const { items, group } = options;
  if (!Array.isArray(items) || items.length === 0 || items.some((item) => typeof item !== 'string')) {
    throw invalid('items', 'must be a non-empty array of column names');
  }
  if (typeof group !== 'string') {
    throw invalid('group', 'must be the name of the column that holds the groups');
  }
  // csi() checks the scale the same way; checking here first keeps the messages in one order.
  const { min, max } = checkScale(options);
  const { weights, total } =
    options.weights === undefined
      ? { weights: new Float64Array(items.length).fill(1), total: items.length }
      : checkWeights(options.weights, items.length, 'item');
  if (rowCount(table) === 0) {
    throw invalid('table', 'must contain at least one respondent');
  }
  const groups = surveyGroups(inputColumn(table, group, 'group'), group, 'group');
  const answers = items.map((item) => {
    const values = inputColumn(table, item, 'items');
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const raw = values[i];
      if (isBlank(raw)) {
        out[i] = NaN;
        continue;
      }
      const value = cellNumber(raw);
      if (Number.isNaN(value)) {
        throw notANumber({ argument: 'items', column: item, row: i + 1 }, raw);
      }
      if (value < min || value > max) {
        throw outsideScale({ argument: 'items', column: item, row: i + 1 }, value, min, max);
      }
      out[i] = value;
    }
    return out;
  });
  return { answers, groups, weights, total, min, max };
}

/** The CSI of one group (by `csi()` itself) and its linearization standard error. */
function groupEstimate(survey: GroupedSurvey, g: number, options: CsiByGroupOptions): GroupEstimate {
  const { answers, weights, total, min, max } = survey;
  const rows = survey.groups.rows[g];
  const group = survey.groups.keys[g];
  const items = answers.length;
  const counts = new Int32Array(items);
  const answered = new Uint8Array(rows.length);
  for (let j = 0; j < items; j++) {
    for (let r = 0; r < rows.length; r++) {
      if (!Number.isNaN(answers[j][rows[r]])) {
        counts[j]++;
        answered[r] = 1;
      }
    }
  }
  const n = answered.reduce((a, b) => a + b, 0);
  const missing = options.items.find((_, j) => weights[j] > 0 && counts[j] === 0);
  if (missing !== undefined) {
    return { group, n, value: null, se: null, note: `item "${missing}" has no answers in this group` };
  }
  const respondents = rows.map((i) => answers.map((column) => (Number.isNaN(column[i]) ? null : column[i])));
  const value = csi(respondents, { weights, scaleMin: min, scaleMax: max });
  if (n < 2) return { group, n, value, se: null, note: tooFewNote(n) };

  const means = new Float64Array(items);
  for (let j = 0; j < items; j++) {
    if (counts[j] === 0) continue;
    let s = 0;
    for (const i of rows) if (!Number.isNaN(answers[j][i])) s += answers[j][i];
    means[j] = s / counts[j];
  }
  const c = 100 / (max - min);
  let squares = 0;
  for (const i of rows) {
    let psi = 0;
    for (let j = 0; j < items; j++) {
      const x = answers[j][i];
      if (weights[j] > 0 && !Number.isNaN(x)) psi += (weights[j] * (x - means[j])) / counts[j];
    }
    psi *= c / total;
    squares += psi * psi;
  }
  return { group, n, value, se: Math.sqrt((n / (n - 1)) * squares), note: null };
}

/**
 * CSI per group with a confidence interval (delta method; see the module comment).
 *
 * O(respondents × items).
 *
 * @param table an Arquero table or an array of row objects, one row per respondent
 * @param options `items` (item columns), `group` (the group column), `weights`, `scaleMin`,
 *   `scaleMax` as for {@link csi}, `level` (default 0.95)
 * @returns an Arquero table `group, n, csi, low, high, note`, one row per group: numbers and
 *   dates sorted, text in order of first appearance. `csi` equals `csi()` on the group's rows;
 *   `n` counts respondents with at least one answer. A group with fewer than 2 respondents has
 *   `low`/`high` null and a `note`; so has (with `csi` null) a group with no answer to an item.
 * @throws {InputError} for a missing column, a blank group, an answer that is not a number or is
 *   off the scale (naming column and row), bad weights, scale or level
 * @example csiByGroup([{ w: 1, q: 8 }, { w: 1, q: 10 }, { w: 2, q: 7 }], { items: ['q'], group: 'w' }).objects()[0];
 * // => { group: 1, n: 2, csi: 88.89, low: 67.11, high: 100, note: null } (rounded) (se = 11.11; 88.89 + 21.78 is cut at 100)
 */
export function csiByGroup(table: TableInput, options: CsiByGroupOptions): ColumnTable {
  const survey = readSurvey(table, options);
  const z = confidenceZ(options.level ?? 0.95);
  const estimates = survey.groups.keys.map((_, g) => groupEstimate(survey, g, options));
  return estimateTable(estimates, 'csi', z, 0, 100);
}

/**
 * The change of the CSI from one group to another (two periods, or us against a competitor),
 * as two independent samples: difference ± z·√(se₁² + se₂²), two-sided p-value from the normal.
 *
 * @param table as for {@link csiByGroup}
 * @param options as for {@link csiByGroup}, plus `from` and `to` (group values; for a date column
 *   a Date or an ISO date string)
 * @returns `{ from, to, difference, low, high, pValue }`, difference = CSI(to) − CSI(from)
 * @throws {InputError} as {@link csiByGroup}; when a group does not occur, both are the same,
 *   `from` is after `to` in a period column, or a group has fewer than 2 respondents
 * @example csiChange(rows, { items: ['q'], group: 'wave', from: 1, to: 2 });
 * // answers 6, 7, 8, 7, 6 in wave 1 and 8, 9, 8, 9, 7 in wave 2
 * // => { from: 1, to: 2, difference: 15.56, low: 4.03, high: 27.08, pValue: 0.0082 }
 */
export function csiChange(table: TableInput, options: CsiChangeOptions): GroupChange {
  const survey = readSurvey(table, options);
  const z = confidenceZ(options.level ?? 0.95);
  const pair = comparedGroups(survey.groups, options.from, options.to);
  return changeBetween(groupEstimate(survey, pair.from, options), groupEstimate(survey, pair.to, options), z, showGroup);
}
