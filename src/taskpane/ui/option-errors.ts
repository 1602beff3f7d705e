/**
 * Core errors about an option, in the pane's words: the core names its arguments as code does
 * (`calibrationEnd`, `bins`, `k`), the pane names the field the user typed into, and says the
 * option is to be checked (not that the data was rejected).
 */
import type { InputError } from '../../core/index.ts';

/** Core argument → the pane's field label. */
const OPTION_FIELDS = new Map<string, string>([
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
  ['from', 'From'],
  ['to', 'To'],
]);

/**
 * The message for an option's error, or null when the error is about the data.
 *
 * @example optionErrorText(new InputError('bins must be an integer from 2 to 20 (it is 1.5)', { argument: 'bins' }));
 * // => 'Check the option RFM scores: it must be an integer from 2 to 20 (it is 1.5)'
 */
export function optionErrorText(error: InputError): string | null {
  const argument = error.argument;
  if (argument === undefined) return null;
  const label = OPTION_FIELDS.get(argument);
  if (label === undefined) return null;
  const message = error.message;
  const rest = message.startsWith(`${argument}: `) ? message.slice(argument.length + 2)
    : message.startsWith(`${argument} `) ? `it ${message.slice(argument.length + 1)}`
    : message;
  return `Check the option ${label}: ${rest}`;
}
