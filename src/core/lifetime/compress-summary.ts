/**
 * Compressed customer summaries: the BTYD likelihoods depend on a customer only through
 * (x, t_x, T) — and Gamma-Gamma only through (x, m̄) — so identical rows can be fitted once with
 * a count. A warehouse can send the distinct rows (a GROUP BY) instead of one row per customer;
 * the fits then cost what the distinct rows cost, whatever the number of customers.
 */
import * as aq from 'arquero';
import { mustBe } from '../messages.ts';
import { inputColumn, numbersOf } from '../table/column-values.ts';
import { isTable } from '../table/input.ts';
import { groupRfm, mixDouble, readRfm, type GroupedRfm } from './btyd-data.ts';

/** The column that carries how many customers a compressed row stands for. */
export const COUNT_COLUMN = 'count';

/** True when the table (or some row object) has the column. */
function hasColumn(summary: unknown, column: string): boolean {
  if (isTable(summary)) return summary.columnNames().includes(column);
  if (Array.isArray(summary)) {
    return summary.some((row) => row !== null && typeof row === 'object' && Object.prototype.hasOwnProperty.call(row, column));
  }
  return false;
}

/** The count column, checked: whole numbers ≥ 1, naming the first bad row. */
function readCounts(summary: unknown): Float64Array {
  const count = numbersOf(inputColumn(summary, COUNT_COLUMN, 'summary'), COUNT_COLUMN, 'summary');
  for (let i = 0; i < count.length; i++) {
    if (!(Number.isInteger(count[i]) && count[i] >= 1)) {
      throw mustBe({ argument: COUNT_COLUMN, row: i + 1 }, 'a whole number ≥ 1', { value: count[i], code: 'num' });
    }
  }
  return count;
}

/**
 * (x, t_x, T) of a summary as weighted groups: a summary with a `count` column is taken as
 * compressed (each row stands for `count` customers), any other as one row per customer, whose
 * identical rows are grouped. t_x is set to 0 where x = 0 (it carries no information there).
 * O(rows).
 *
 * @param summary table or row objects with x, t_x, T and optionally count
 * @returns the weighted groups
 * @throws {InputError} for bad rows or counts, naming the row
 */
export function readWeightedRfm(summary: unknown): GroupedRfm {
  const { x, tx, T } = readRfm(summary);
  if (!hasColumn(summary, COUNT_COLUMN)) return groupRfm(x, tx, T);
  const weight = readCounts(summary);
  const t = new Float64Array(tx.length);
  let customers = 0;
  let repeatBuyers = 0;
  for (let i = 0; i < x.length; i++) {
    t[i] = x[i] === 0 ? 0 : tx[i];
    customers += weight[i];
    if (x[i] > 0) repeatBuyers += weight[i];
  }
  return { x: Float64Array.from(x), tx: t, T: Float64Array.from(T), weight: Float64Array.from(weight), customers, repeatBuyers };
}

/** (x, m̄) of repeat buyers as weighted groups, for Gamma-Gamma. */
export interface GroupedSpend {
  x: Float64Array;
  monetary: Float64Array;
  weight: Float64Array;
  /** Repeat buyers (Σ weight), with or without a positive mean value. */
  customers: number;
}

/**
 * (x, monetary) of the repeat buyers as weighted groups: a summary with a `count` column is
 * taken as compressed, any other is grouped on identical (x, monetary) in order of first
 * appearance. Rows with x = 0 are dropped (they carry no spend information). O(rows).
 *
 * @param summary table or row objects with x, monetary and optionally count
 * @returns the weighted groups
 * @throws {InputError} for bad rows or counts, naming the row
 */
export function readWeightedSpend(summary: unknown): GroupedSpend {
  const xs = numbersOf(inputColumn(summary, 'x', 'summary'), 'x', 'summary');
  const ms = numbersOf(inputColumn(summary, 'monetary', 'summary'), 'monetary', 'summary');
  const counts = hasColumn(summary, COUNT_COLUMN) ? readCounts(summary) : null;
  const n = xs.length;
  // Open addressing over typed arrays, keyed by (x, m̄): groups in order of first appearance.
  let capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity).fill(-1);
  const x = new Float64Array(n);
  const monetary = new Float64Array(n);
  const weight = new Float64Array(n);
  let groups = 0;
  let customers = 0;
  for (let i = 0; i < n; i++) {
    const xi = xs[i];
    if (!(Number.isInteger(xi) && xi >= 0)) {
      throw mustBe({ argument: 'x', row: i + 1 }, 'a whole number ≥ 0', { value: xi, code: 'num' });
    }
    if (xi === 0) continue;
    const w = counts === null ? 1 : counts[i];
    customers += w;
    const m = ms[i] === 0 ? 0 : ms[i]; // −0 and 0 alike
    let slot = mixDouble(mixDouble(0x9747b28c, xi), m) & mask;
    for (;;) {
      const g = slots[slot];
      if (g === -1) {
        slots[slot] = groups;
        x[groups] = xi;
        monetary[groups] = m;
        weight[groups] = w;
        groups++;
        break;
      }
      if (x[g] === xi && monetary[g] === m) {
        weight[g] += w;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { x: x.slice(0, groups), monetary: monetary.slice(0, groups), weight: weight.slice(0, groups), customers };
}

/**
 * Compresses a customer summary for the purchase-process fits: the distinct (x, t_x, T) rows
 * with the number of customers in each (`count`), in order of first appearance. `fitBgNbd` and
 * `fitParetoNbd` give the same estimates on it as on the full summary (the likelihood is a sum
 * over customers of a function of (x, t_x, T)). t_x is 0 where x = 0. A summary that already
 * has a `count` column is compressed further (counts add).
 *
 * Reference: the grouped likelihood of Fader, Hardie & Lee (2005), eq. 6, written over distinct
 * rows. O(rows) expected time (open-addressing hash over typed arrays).
 *
 * @param summary table or row objects with x, t_x, T (e.g. from `customerSummary`)
 * @returns Arquero table `x, t_x, T, count`
 * @throws {InputError} for bad rows (naming the row)
 * @example compressSummary([{ x: 0, t_x: 0, T: 5 }, { x: 0, t_x: 0, T: 5 }, { x: 2, t_x: 3, T: 5 }]).numRows(); // => 2
 */
export function compressSummary(summary: unknown) {
  const groups = readWeightedRfm(summary);
  const { x, tx, T, weight } = hasColumn(summary, COUNT_COLUMN) ? regroup(groups) : groups;
  return aq.table({ x, t_x: tx, T, count: weight });
}

/** Merges identical rows of an already weighted summary (counts add). */
function regroup(groups: GroupedRfm): GroupedRfm {
  const merged = groupRfm(groups.x, groups.tx, groups.T);
  // groupRfm counted rows; add the counts instead, matching rows to their group in one pass.
  const key = (x: number, tx: number, T: number) => `${x}|${tx}|${T}`;
  const position = new Map<string, number>();
  for (let g = 0; g < merged.x.length; g++) position.set(key(merged.x[g], merged.tx[g], merged.T[g]), g);
  const weight = new Float64Array(merged.x.length);
  for (let i = 0; i < groups.x.length; i++) weight[position.get(key(groups.x[i], groups.tx[i], groups.T[i]))!] += groups.weight[i];
  return { ...merged, weight, customers: groups.customers, repeatBuyers: groups.repeatBuyers };
}

/**
 * Compresses a customer summary for the Gamma-Gamma fit: the repeat buyers' distinct
 * (x, monetary) pairs with their counts. The Gamma-Gamma likelihood of a customer,
 * Γ(px+q)/(Γ(px)Γ(q)) γ^q x^(px) m̄^(px−1) / (γ + x m̄)^(px+q), depends on the data through
 * ln(γ + x m̄), which no fixed set of per-x sums can stand for; the distinct (x, m̄) pairs are
 * the exact sufficient statistic (at cent resolution their number is bounded by the spend range,
 * not by the number of customers). `fitGammaGamma` gives the same estimates on it as on the full
 * summary.
 *
 * Reference: Fader & Hardie (2013), "The Gamma-Gamma model of monetary value", eq. 3. O(rows).
 *
 * @param summary table or row objects with x and monetary (and optionally count)
 * @returns Arquero table `x, monetary, count` (repeat buyers only)
 * @throws {InputError} for bad rows (naming the row)
 * @example compressSpend([{ x: 2, monetary: 10 }, { x: 2, monetary: 10 }, { x: 0, monetary: 0 }]).numRows(); // => 1
 */
export function compressSpend(summary: unknown) {
  const { x, monetary, weight } = readWeightedSpend(summary);
  return aq.table({ x, monetary, count: weight });
}
