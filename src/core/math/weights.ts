/**
 * Checking importance weights, shared by every weighted index (CSI, quality and price levels,
 * relative ratios), so they all reject bad weights with the same messages.
 */
import { InputError } from '../errors.ts';
import { cellNumber, showCell } from '../table/cell.ts';
import { sum } from './sum.ts';

/**
 * Validated weights as a Float64Array, with their (compensated) total.
 *
 * @param weights one weight per item; numbers or numeric strings
 * @param count the number of items the weights must match
 * @param unit what an item is called in messages (`'item'`, `'attribute'`)
 * @param argument the argument's name in messages (default `'weights'`)
 * @returns the weights and their total
 * @throws {InputError} when the length differs from `count`, a weight is not a finite number or
 *   is negative, or all weights are zero
 * @example checkWeights([40, 60], 2, 'item').total; // => 100
 */
export function checkWeights(
  weights: ArrayLike<unknown>,
  count: number,
  unit: string,
  argument = 'weights',
): { weights: Float64Array; total: number } {
  if (weights === null || typeof weights !== 'object' || typeof weights.length !== 'number') {
    throw new InputError(`${argument} must be an array of numbers`, { argument });
  }
  if (weights.length !== count) {
    throw new InputError(
      `${argument} must have one weight per ${unit} (${count} ${unit}${count === 1 ? '' : 's'}, ${weights.length} weight${weights.length === 1 ? '' : 's'})`,
      { argument },
    );
  }
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const w = cellNumber(weights[i]);
    if (Number.isNaN(w)) {
      throw new InputError(
        `${argument} must be numbers (${unit} ${i + 1} is ${showCell(weights[i])})`,
        { argument },
      );
    }
    if (w < 0) {
      throw new InputError(`${argument} must be non-negative (${unit} ${i + 1} is ${w})`, {
        argument,
      });
    }
    out[i] = w;
  }
  const total = sum(out);
  if (!(total > 0)) throw new InputError(`${argument} must not all be zero`, { argument });
  return { weights: out, total };
}
