/**
 * Reading a profile's attribute scores (one number per attribute, e.g. a column of a Gale
 * quality or price profile). Unlike survey answers, a blank here is a mistake: every attribute
 * needs a score for the weighted comparison to mean anything.
 */
import { blankCell, invalid, mustBe, notANumber } from '../messages.ts';
import { cellNumber, isBlank } from '../table/cell.ts';

/**
 * @param values one score per attribute; numbers or numeric strings
 * @param argument the argument's name, for messages
 * @returns the scores as a Float64Array
 * @throws {InputError} when `values` is not an array, is empty, or holds a blank or a
 *   non-numeric score (naming the attribute, 1-based)
 * @example attributeScores([9, '6'], 'ours'); // => Float64Array [9, 6]
 */
export function attributeScores(values: ArrayLike<unknown>, argument: string): Float64Array {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw mustBe(argument, 'an array of attribute scores');
  }
  if (values.length === 0) {
    throw invalid(argument, 'must contain at least one attribute');
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const raw = values[i];
    if (isBlank(raw)) {
      throw blankCell({ argument, item: i + 1 });
    }
    const value = cellNumber(raw);
    if (Number.isNaN(value)) {
      throw notANumber({ argument, item: i + 1 }, raw);
    }
    out[i] = value;
  }
  return out;
}
