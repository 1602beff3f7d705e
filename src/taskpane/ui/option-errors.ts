/**
 * Core errors about an option, in the pane's words: the core names its arguments as code does
 * (`calibrationEnd`, `bins`, `k`), the pane names the field the user typed into, and does not
 * blame the data. Arguments already named as their fields (`from`, `to`) keep their message.
 */
import type { InputError } from '../../core/index.ts';

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
 * @example optionErrorText(new InputError('bins must be an integer from 2 to 20 (it is 1.5)', { argument: 'bins' }));
 * // => 'RFM scores must be an integer from 2 to 20 (it is 1.5)'
 */
export function optionErrorText(error: InputError): string | null {
  const argument = error.argument;
  if (argument === undefined) return null;
  const label = OPTION_FIELDS.get(argument);
  if (label === undefined) return null;
  const message = error.message;
  if (label === null) return message;
  if (message.startsWith(`${argument}: `) || message.startsWith(`${argument} `)) return `${label}${message.slice(argument.length)}`;
  return `${label}: ${message}`;
}
