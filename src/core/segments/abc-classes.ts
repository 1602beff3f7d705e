/**
 * ABC (Pareto) classes: customers sorted by value, classed by the cumulative share of value held
 * by the customers ranked above them.
 */
import { invalid, mustBe, notANumber } from '../messages.ts';
import { powerOfTwoAtOrBelow } from '../math/power-of-two.ts';
import { CompensatedSum, sum } from '../math/sum.ts';
import { cellNumber, showCell } from '../table/cell.ts';

export interface AbcResult {
  /** Class per input item, in input order: 'A', 'B', 'C' (more letters with more cutoffs). */
  classes: string[];
  /** Share of the total value held by the customers with strictly greater value, per item. */
  shareAbove: Float64Array;
  /** Per class: customers, share of customers, value, share of value. */
  summary: { class: string; customers: number; customerShare: number; value: number; valueShare: number }[];
  /** The cutoffs used. */
  cutoffs: number[];
}

function toValues(values: ArrayLike<unknown>): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const x = cellNumber(v);
    if (x !== x) {
      throw notANumber({ argument: 'values', item: i + 1 }, v);
    }
    if (x < 0) {
      throw mustBe({ argument: 'values', item: i + 1 }, 'non-negative', { value: x });
    }
    out[i] = x;
  }
  return out;
}

/** The values divided by the power of two at or below the largest (exact), so their sum stays finite. */
function scaleByLargest(x: Float64Array): Float64Array {
  let largest = 0;
  for (let i = 0; i < x.length; i++) if (x[i] > largest) largest = x[i];
  if (largest === 0) return x;
  const scale = powerOfTwoAtOrBelow(largest);
  return x.map((v) => v / scale);
}

/**
 * ABC classes by cumulative share of value (Pareto analysis). Customers are sorted by value,
 * largest first; a customer's class is set by the share of the total held by the customers with
 * strictly greater value: below `cutoffs[0]` → A, below `cutoffs[1]` → B, otherwise C.
 *
 * Boundary rule: the customer whose value crosses a cutoff belongs to the upper class, so class
 * A is the smallest set of top customers holding at least 80% of the value (with the default
 * cutoffs). Tied values share a class whatever their row order (the whole tie is classed by the
 * share above it). Zero values are C whenever the total is positive.
 *
 * Reference: Pareto principle in inventory/customer analysis (Dickie 1951, "ABC inventory
 * analysis shoots for dollars", Factory Management and Maintenance). O(n log n).
 *
 * @param values value per customer (non-negative numbers)
 * @param cutoffs increasing cumulative shares in (0, 1) (default [0.8, 0.95]); n cutoffs give
 *   n + 1 classes A, B, C, …
 * @param cutoffNames what the caller calls each cutoff, for messages (CRM.ABC: `['a', 'b']`);
 *   by default they are "cutoff 1", "cutoff 2", … of the argument `cutoffs`
 * @returns `{ classes, shareAbove, summary, cutoffs }`
 * @throws {InputError} on a negative, blank or non-numeric value (naming the item), a zero total,
 *   or cutoffs that are not increasing within (0, 1)
 * @example abcClasses([50, 30, 10, 6, 4]).classes; // => ['A', 'A', 'B', 'B', 'C']
 */
export function abcClasses(
  values: ArrayLike<unknown>,
  cutoffs: readonly number[] = [0.8, 0.95],
  cutoffNames?: readonly string[],
): AbcResult {
  if (!Array.isArray(cutoffs) || cutoffs.length === 0 || cutoffs.length > 25) {
    throw invalid('cutoffs', 'must be a list of 1 to 25 shares');
  }
  for (let j = 0; j < cutoffs.length; j++) {
    const c = cutoffs[j];
    if (typeof c !== 'number' || !(c > 0 && c < 1) || (j > 0 && !(c > cutoffs[j - 1]))) {
      const name = cutoffNames?.[j];
      if (name !== undefined) {
        const below = j > 0 ? `${cutoffNames?.[j - 1] ?? 'the cutoff before'} (${showCell(cutoffs[j - 1])})` : '0';
        throw mustBe(name, `a share between ${below} and 1`, { value: c, code: 'num' });
      }
      throw invalid('cutoffs', `must be increasing shares between 0 and 1 (cutoff ${j + 1} is ${c})`, 'num');
    }
  }
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw invalid('values', 'must be a list of numbers');
  }
  const x = toValues(values);
  const n = x.length;
  const labels = Array.from({ length: cutoffs.length + 1 }, (_, j) => String.fromCharCode(65 + j));

  // Shares do not change when every value is divided by a power of two near the largest (an exact
  // division), and the total of values near 1e308 then cannot overflow.
  const scaled = scaleByLargest(x);

  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => x[b] - x[a]);

  // Compensated sums, so shares at a cutoff are not off by rounding.
  const total = sum(scaled);
  if (!(total > 0)) {
    throw invalid('values', 'must have a positive total', 'num');
  }

  const shareAbove = new Float64Array(n);
  const classIndex = new Int32Array(n);
  const run = new CompensatedSum();
  let i = 0;
  while (i < n) {
    // A block of tied values: all classed by the share held above the block.
    const value = scaled[order[i]];
    const above = run.value() / total;
    let cls = 0;
    while (cls < cutoffs.length && above >= cutoffs[cls]) cls++;
    let j = i;
    while (j < n && scaled[order[j]] === value) {
      shareAbove[order[j]] = above;
      classIndex[order[j]] = cls;
      run.add(value);
      j++;
    }
    i = j;
  }

  const classes = new Array<string>(n);
  const counts = new Array<number>(labels.length).fill(0);
  const sums = new Array<number>(labels.length).fill(0);
  const scaledSums = new Array<number>(labels.length).fill(0);
  for (let k = 0; k < n; k++) {
    classes[k] = labels[classIndex[k]];
    counts[classIndex[k]]++;
    sums[classIndex[k]] += x[k];
    scaledSums[classIndex[k]] += scaled[k];
  }
  return {
    classes,
    shareAbove,
    summary: labels.map((label, j) => ({
      class: label,
      customers: counts[j],
      customerShare: n > 0 ? counts[j] / n : 0,
      value: sums[j],
      valueShare: scaledSums[j] / total,
    })),
    cutoffs: [...cutoffs],
  };
}
