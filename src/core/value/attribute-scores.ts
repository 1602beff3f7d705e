/**
 * Reading a profile's attribute scores (one number per attribute, e.g. a column of a Gale
 * quality or price profile). Unlike survey answers, a blank here is a mistake: every attribute
 * needs a score for the weighted comparison to mean anything.
 */
import { InputError } from '../errors.ts';
import { cellNumber, isBlank, showCell } from '../table/cell.ts';

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
    throw new InputError(`${argument} must be an array of attribute scores`, { argument });
  }
  if (values.length === 0) {
    throw new InputError(`${argument} must contain at least one attribute`, { argument });
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const raw = values[i];
    if (isBlank(raw)) {
      throw new InputError(`${argument}: attribute ${i + 1} is blank`, { code: 'na', argument });
    }
    const value = cellNumber(raw);
    if (Number.isNaN(value)) {
      throw new InputError(`${argument}: attribute ${i + 1} is not a number (${showCell(raw)})`, {
        argument,
      });
    }
    out[i] = value;
  }
  return out;
}
