/**
 * Named RFM segments from R, F, M scores by a rule table: first matching rule wins.
 */
import { invalid } from '../messages.ts';
import type { ColumnTable, TableInput } from '../table/input.ts';
import { numericColumn } from '../table/column-values.ts';
import { toTable } from '../table/input.ts';

/** A segment rule: inclusive score ranges for R, F and M. */
export interface RfmRule {
  name: string;
  r: [number, number];
  f: [number, number];
  m: [number, number];
}

/**
 * The default rules for 5 scores (as in R's `rfm` package, `rfm_segment`), in priority order.
 * Overlaps are intended: e.g. every "Can't Lose Them" customer also fits "At Risk", so order
 * decides.
 */
export const DEFAULT_RFM_RULES: readonly RfmRule[] = Object.freeze([
  { name: 'Champions', r: [5, 5], f: [5, 5], m: [5, 5] },
  { name: 'Potential Loyalist', r: [3, 5], f: [3, 5], m: [2, 5] },
  { name: 'Loyal Customers', r: [2, 4], f: [2, 4], m: [2, 4] },
  { name: 'Promising', r: [3, 4], f: [1, 3], m: [3, 5] },
  { name: 'New Customers', r: [4, 5], f: [1, 3], m: [1, 5] },
  { name: "Can't Lose Them", r: [1, 2], f: [3, 4], m: [4, 5] },
  { name: 'At Risk', r: [1, 2], f: [2, 5], m: [4, 5] },
  { name: 'Need Attention', r: [1, 3], f: [3, 5], m: [3, 5] },
  { name: 'About To Sleep', r: [2, 3], f: [1, 3], m: [1, 4] },
  { name: 'Lost', r: [1, 1], f: [1, 5], m: [1, 5] },
] as RfmRule[]);

export interface RfmSegmentOptions {
  /** Score columns (defaults `'R'`, `'F'`, `'M'`). */
  r?: string;
  f?: string;
  m?: string;
  /** Name of the added column (default `'segment'`). */
  segment?: string;
  /** Label of customers no rule matches (default `'Others'`). */
  others?: string;
}

/** One line of the coverage report. */
export interface RuleCoverage {
  segment: string;
  /** Customers assigned to this segment (first match wins). */
  customers: number;
  /** `customers` / all customers. */
  share: number;
  /** Customers the rule matches on its own, ignoring earlier rules; `eligible − customers` were taken by earlier rules. */
  eligible: number;
}

export interface RfmSegmentResult {
  /** The scores table with the segment column added. */
  table: ColumnTable;
  /** One line per rule in rule order, then the `others` line (its `eligible` is its count). */
  coverage: RuleCoverage[];
  /** Customers no rule matched. */
  others: number;
  /** Rules that matched nobody first (listed so a reordering or gap is noticed). */
  unused: string[];
}

function checkRange(range: unknown, rule: number, key: string): [number, number] {
  if (
    !Array.isArray(range) ||
    range.length !== 2 ||
    typeof range[0] !== 'number' ||
    typeof range[1] !== 'number' ||
    Number.isNaN(range[0]) ||
    Number.isNaN(range[1]) ||
    range[0] > range[1]
  ) {
    throw invalid('rules', `: rule ${rule} ${key} must be [low, high] with low <= high (got ${JSON.stringify(range)})`);
  }
  return [range[0], range[1]];
}

/**
 * Assigns each customer the name of the first rule whose R, F and M ranges (inclusive) all
 * contain its scores; customers no rule matches are labelled `Others`. The default rule table
 * (`DEFAULT_RFM_RULES`) is written for 5 scores: Champions R5 F5 M5; Potential Loyalist R3–5 F3–5
 * M2–5; Loyal Customers R2–4 F2–4 M2–4; Promising R3–4 F1–3 M3–5; New Customers R4–5 F1–3 M1–5;
 * Can't Lose Them R1–2 F3–4 M4–5; At Risk R1–2 F2–5 M4–5; Need Attention R1–3 F3–5 M3–5;
 * About To Sleep R2–3 F1–3 M1–4; Lost R1.
 *
 * Reference: R package `rfm` (Hebbali), `rfm_segment`. O(n × rules).
 *
 * @param scores a table with R, F, M score columns, e.g. from `rfmScores`
 * @param rules rule table in priority order (default `DEFAULT_RFM_RULES`)
 * @param options score column names, the segment column's name and the label for the rest
 * @returns `{ table, coverage, others, unused }`
 * @throws {InputError} on malformed rules, a missing or non-numeric score column, or scores above
 *   5 with the default rules (they are written for 5 bins: pass rules for other bin counts)
 * @example
 * rfmSegments([{ R: 5, F: 5, M: 5 }, { R: 1, F: 1, M: 1 }, { R: 2, F: 1, M: 5 }]).table.array('segment');
 * // => ['Champions', 'Lost', 'Others']
 */
export function rfmSegments(
  scores: TableInput,
  rules?: readonly RfmRule[],
  options: RfmSegmentOptions = {},
): RfmSegmentResult {
  const table = toTable(scores, 'scores');
  const useDefault = rules === undefined;
  const ruleList = rules ?? DEFAULT_RFM_RULES;
  if (!Array.isArray(ruleList)) {
    throw invalid('rules', 'must be an array of { name, r, f, m }');
  }
  const count = ruleList.length;
  const names: string[] = [];
  const bounds = new Float64Array(count * 6);
  ruleList.forEach((rule: RfmRule, i: number) => {
    if (typeof rule !== 'object' || rule === null || typeof rule.name !== 'string' || rule.name === '') {
      throw invalid('rules', `: rule ${i + 1} needs a non-empty name`);
    }
    names.push(rule.name);
    const ranges = [checkRange(rule.r, i + 1, 'r'), checkRange(rule.f, i + 1, 'f'), checkRange(rule.m, i + 1, 'm')];
    for (let j = 0; j < 3; j++) {
      bounds[i * 6 + 2 * j] = ranges[j][0];
      bounds[i * 6 + 2 * j + 1] = ranges[j][1];
    }
  });

  const rName = options.r ?? 'R';
  const fName = options.f ?? 'F';
  const mName = options.m ?? 'M';
  const R = numericColumn(table, rName, 'r');
  const F = numericColumn(table, fName, 'f');
  const M = numericColumn(table, mName, 'm');
  const n = R.length;
  if (useDefault) {
    for (const [column, values] of [[rName, R], [fName, F], [mName, M]] as const) {
      for (let i = 0; i < n; i++) {
        if (values[i] > 5) {
          throw invalid({ argument: 'scores', column, row: i + 1 }, `is ${values[i]}, above 5; the default rules are for 5 bins, pass rules for other bin counts`, 'num');
        }
      }
    }
  }

  const othersLabel = options.others ?? 'Others';
  const assigned = new Int32Array(count + 1); // last slot: others
  const eligible = new Int32Array(count);
  const segment = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const r = R[i];
    const f = F[i];
    const m = M[i];
    let match = -1;
    for (let j = 0; j < count; j++) {
      const b = j * 6;
      if (r >= bounds[b] && r <= bounds[b + 1] && f >= bounds[b + 2] && f <= bounds[b + 3] && m >= bounds[b + 4] && m <= bounds[b + 5]) {
        eligible[j]++;
        if (match < 0) match = j;
      }
    }
    if (match < 0) {
      assigned[count]++;
      segment[i] = othersLabel;
    } else {
      assigned[match]++;
      segment[i] = names[match];
    }
  }

  const share = (c: number) => (n > 0 ? c / n : 0);
  const coverage: RuleCoverage[] = names.map((name, j) => ({
    segment: name,
    customers: assigned[j],
    share: share(assigned[j]),
    eligible: eligible[j],
  }));
  coverage.push({ segment: othersLabel, customers: assigned[count], share: share(assigned[count]), eligible: assigned[count] });
  return {
    table: table.assign({ [options.segment ?? 'segment']: segment }),
    coverage,
    others: assigned[count],
    unused: names.filter((_, j) => assigned[j] === 0),
  };
}
