/**
 * Checking importance weights, shared by every weighted index (CSI, quality and price levels,
 * relative ratios), so they all reject bad weights with the same messages.
 */
import { invalid, mustBe, notANumber } from '../messages.ts';
import { cellNumber } from '../table/cell.ts';
import { powerOfTwoAtOrBelow } from './power-of-two.ts';
import { sum } from './sum.ts';

/**
 * Validated weights as a Float64Array, with their (compensated) total and their shares
 * `w_i / Σ w`. The shares are computed on the weights divided by a power of two near the largest
 * (an exact division that leaves the shares unchanged), so weights of 1e308 (whose total overflows) or 1e-320 (whose products underflow) weigh like any
 * others: use the shares, not `weights / total`, to weight.
 *
 * @param weights one weight per item; numbers or numeric strings
 * @param count the number of items the weights must match
 * @param unit what an item is called in messages (`'item'`, `'attribute'`)
 * @param argument the argument's name in messages (default `'weights'`)
 * @returns the weights, their total (may overflow to Infinity) and their shares (summing to 1)
 * @throws {InputError} when the length differs from `count`, a weight is not a finite number or
 *   is negative, or all weights are zero
 * @example checkWeights([40, 60], 2, 'item').total; // => 100
 */
export function checkWeights(
  weights: ArrayLike<unknown>,
  count: number,
  unit: string,
  argument = 'weights',
): { weights: Float64Array; total: number; shares: Float64Array } {
  if (weights === null || typeof weights !== 'object' || typeof weights.length !== 'number') {
    throw mustBe(argument, 'an array of numbers');
  }
  if (weights.length !== count) {
    throw invalid(
      argument,
      `must have one weight per ${unit} (${count} ${unit}${count === 1 ? '' : 's'}, ${weights.length} weight${weights.length === 1 ? '' : 's'})`,
    );
  }
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const w = cellNumber(weights[i]);
    if (Number.isNaN(w)) {
      throw notANumber({ argument, item: i + 1 }, weights[i]);
    }
    if (w < 0) {
      throw mustBe({ argument, item: i + 1 }, 'non-negative', { value: w });
    }
    out[i] = w;
  }
  let largest = 0;
  for (let i = 0; i < count; i++) if (out[i] > largest) largest = out[i];
  if (!(largest > 0)) throw invalid(argument, 'must not all be zero');
  const scale = powerOfTwoAtOrBelow(largest);
  const shares = new Float64Array(count);
  for (let i = 0; i < count; i++) shares[i] = out[i] / scale;
  const scaledTotal = sum(shares);
  for (let i = 0; i < count; i++) shares[i] /= scaledTotal;
  return { weights: out, total: sum(out), shares };
}

/**
 * Σ shares_i · values_i, compensated. With shares summing to 1 (see {@link checkWeights}) this is
 * a convex combination: it lies between the smallest and the largest value and cannot overflow.
 *
 * @param values one value per item
 * @param shares one weight share per item, summing to 1
 * @returns the weighted mean
 * @example weightedMean([8, 6], [0.75, 0.25]); // => 7.5
 */
export function weightedMean(values: ArrayLike<number>, shares: ArrayLike<number>): number {
  const terms = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) terms[i] = shares[i] === 0 ? 0 : shares[i] * values[i];
  return sum(terms);
}
