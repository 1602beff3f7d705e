/**
 * Customers with no positive value. Returns arrive as negative amounts and are netted into the
 * customer's total (a purchase and its return cancel, whatever the days); a customer whose net
 * total is zero or less has no share of value to rank (ABC) and no spend to score (M). Callers
 * leave such customers out and say which ones, instead of rejecting the whole analysis.
 */
import { notANumber } from '../messages.ts';

/**
 * The items whose value is zero or negative, in input order.
 *
 * O(n).
 *
 * @param values value per customer, e.g. the `monetary` column of `rfmSummary` (net spend)
 * @param argument the name used in messages (default `'values'`)
 * @returns the 0-based indices of the values ≤ 0
 * @throws {InputError} at the first value that is not a finite number (naming the 1-based item)
 * @example nonPositiveValues([10, -8.77, 0, 3]); // => Int32Array [1, 2]
 */
export function nonPositiveValues(values: ArrayLike<unknown>, argument = 'values'): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw notANumber({ argument, item: i + 1 }, v);
    }
    if (v <= 0) out.push(i);
  }
  return Int32Array.from(out);
}
