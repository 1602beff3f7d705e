/**
 * Compensated (Neumaier's improved Kahan–Babuška) summation: the rounding error of each addition
 * is carried and added back, so money totals match pandas' grouped sums to the cent.
 *
 * Reference: Neumaier (1974), "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher
 * Summen", ZAMM 54. O(n).
 *
 * @param values numbers to add
 * @returns their sum
 * @example sum([0.1, 0.2, 0.3]); // => 0.6 (naive left-to-right addition gives 0.6000000000000001)
 */
export function sum(values: ArrayLike<number>): number {
  let total = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const next = total + value;
    compensation += Math.abs(total) >= Math.abs(value) ? total - next + value : value - next + total;
    total = next;
  }
  return total + compensation;
}

/**
 * Compensated sums for many groups at once, kept in two typed arrays (totals and their running
 * compensations) so a group-by over a million rows allocates nothing per row.
 */
export class GroupedSum {
  readonly totals: Float64Array;
  readonly compensations: Float64Array;

  constructor(groups: number) {
    this.totals = new Float64Array(groups);
    this.compensations = new Float64Array(groups);
  }

  add(group: number, value: number): void {
    const total = this.totals[group];
    const next = total + value;
    this.compensations[group] +=
      Math.abs(total) >= Math.abs(value) ? total - next + value : value - next + total;
    this.totals[group] = next;
  }

  /** The compensated total of one group. */
  get(group: number): number {
    return this.totals[group] + this.compensations[group];
  }

  /** All compensated totals. */
  result(): Float64Array {
    const out = new Float64Array(this.totals.length);
    for (let i = 0; i < out.length; i++) out[i] = this.totals[i] + this.compensations[i];
    return out;
  }
}
