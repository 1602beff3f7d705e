/**
 * What CSI and NPS comparisons share: the confidence level, an estimate's interval, the
 * difference of two independent estimates with its interval and two-sided p-value, and the
 * result table of estimates per group.
 */
import * as aq from 'arquero';
import { invalid, mustBe } from '../messages.ts';
import { normalQuantile, twoSidedPValue } from '../math/normal.ts';
import type { ColumnTable } from '../table/input.ts';

/** One group's estimate with its standard error (`null` when it cannot be estimated). */
export interface GroupEstimate {
  group: unknown;
  /** Respondents who answered (for CSI: at least one item; for NPS: the question). */
  n: number;
  value: number | null;
  se: number | null;
  /** Why the value or its interval is missing; `null` when nothing is. */
  note: string | null;
}

/** A difference between two groups: `to` minus `from`. */
export interface GroupChange {
  from: unknown;
  to: unknown;
  difference: number;
  low: number;
  high: number;
  /** Two-sided p-value of "no difference" (normal approximation). */
  pValue: number;
}

/**
 * The normal quantile of a two-sided interval at `level`, Φ⁻¹((1 + level)/2).
 *
 * @param level confidence level, strictly between 0 and 1 (default 0.95)
 * @returns z (1.959964 at 0.95)
 * @throws {InputError} when `level` is not a number in (0, 1)
 * @example confidenceZ(0.95); // => 1.959963984540054
 */
export function confidenceZ(level: unknown = 0.95): number {
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw mustBe('level', 'a number between 0 and 1, e.g. 0.95', { value: level });
  }
  return normalQuantile((1 + level) / 2);
}

/**
 * The table of estimates per group, `group, n, <measure>, low, high, note`: the interval is
 * `value ± z·se`, cut at the ends of the scale `[min, max]`.
 */
export function estimateTable(
  estimates: readonly GroupEstimate[],
  measure: string,
  z: number,
  min: number,
  max: number,
): ColumnTable {
  const low = estimates.map((e) =>
    e.value === null || e.se === null ? null : Math.max(min, e.value - z * e.se),
  );
  const high = estimates.map((e) =>
    e.value === null || e.se === null ? null : Math.min(max, e.value + z * e.se),
  );
  return aq.table({
    group: estimates.map((e) => e.group),
    n: estimates.map((e) => e.n),
    [measure]: estimates.map((e) => e.value),
    low,
    high,
    note: estimates.map((e) => e.note),
  });
}

/**
 * `to − from` of two independent estimates: the difference ± z·√(se₁² + se₂²) and the
 * two-sided p-value 2·Φ(−|difference|/se).
 *
 * @throws {InputError} (code `num`) when either group has no standard error, naming it and why
 */
export function changeBetween(from: GroupEstimate, to: GroupEstimate, z: number, show: (group: unknown) => string): GroupChange {
  for (const [argument, estimate] of [['from', from], ['to', to]] as const) {
    if (estimate.value === null || estimate.se === null) {
      throw invalid(argument, `: group ${show(estimate.group)} cannot be compared (${estimate.note})`, 'num');
    }
  }
  const difference = (to.value as number) - (from.value as number);
  const se = Math.hypot(from.se as number, to.se as number);
  // With no spread in either group, any difference is certain and none is no evidence at all.
  const pValue = se > 0 ? twoSidedPValue(difference / se) : difference === 0 ? 1 : 0;
  return { from: from.group, to: to.group, difference, low: difference - z * se, high: difference + z * se, pValue };
}

/** The note of a group too small for an interval. */
export function tooFewNote(n: number): string {
  return `${n} respondent${n === 1 ? '' : 's'}: at least 2 are needed for an interval`;
}
