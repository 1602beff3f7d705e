/**
 * Core errors about an option, in the pane's words: the core names its arguments as code does
 * (`calibrationEnd`, `bins`, `k`), the pane names the field the user typed into, and does not
 * blame the data. Arguments already named as their fields (`from`, `to`) keep their message.
 */
import { relocated, type InputError } from '../../core/errors.ts';

/** Core argument → the pane's field label (null: the argument is already the field's name). */
const OPTION_FIELDS = new Map<string, string | null>([
  ['end', 'The end date ("Recency as of" or "Calibration end")'],
  ['asOf', 'Recency as of'],
  ['calibrationEnd', 'Calibration end'],
  ['holdoutEnd', 'Holdout end'],
  ['bins', 'RFM scores'],
  ['k', 'k-means clusters (k)'],
  ['margin', 'Margin (share of spend)'],
  ['discountRate', 'Discount rate'],
  ['horizon', 'Horizon'],
  ['tolerance', 'Fair band ± (points)'],
  ['from', null],
  ['to', null],
]);

/**
 * The message for an option's error, or null when the error is about the data.
 *
 * @example optionErrorText(mustBe('bins', 'an integer from 2 to 20', { value: 1.5 }));
 * // => 'RFM scores must be an integer from 2 to 20 (got 1.5)'
 */
export function optionErrorText(error: InputError): string | null {
  const argument = error.argument;
  if (argument === undefined) return null;
  const label = OPTION_FIELDS.get(argument);
  if (label === undefined) return null;
  if (label === null) return error.message;
  // A builder's error is restated at the field (from its location and problem, never its text);
  // a sentence of its own follows the field's name.
  return error.problem === undefined ? `${label}: ${error.message}` : relocated(error, { argument: label }).message;
}
