/**
 * Every message the core rejects input with, built by name (as Vega-Lite's `log/message.ts`).
 * Each builder returns an `InputError` that keeps its location as data; callers `throw` it.
 * One phrasing throughout: the location first (`formatLocation`), then what is wrong, then the
 * value as `(got …)`.
 */
import type { InputErrorCode, InputErrorLocation } from './errors.ts';
import { InputError, locatedError } from './errors.ts';

/** Where: an argument's name, or a full location. */
export type Where = string | InputErrorLocation;

function at(where: Where): InputErrorLocation {
  return typeof where === 'string' ? { argument: where } : where;
}

/**
 * A value as a message shows it: strings quoted, numbers and the like as JavaScript prints them,
 * big integers with their `n`, arrays and objects as JSON.
 *
 * @example showValue('n/a'); // => '"n/a"'
 */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    try {
      return JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/** `" (got …)"`, the one way a message shows the value it rejects. */
export function got(value: unknown): string {
  return ` (got ${showValue(value)})`;
}

/**
 * `x: item 3 must be <rule> (got v)`, the general form of a rule on a value (the value shown when
 * `options` has one).
 */
export function mustBe(where: Where, rule: string, options: { value?: unknown; code?: InputErrorCode } = {}): InputError {
  return locatedError(at(where), `must be ${rule}${'value' in options ? got(options.value) : ''}`, options.code);
}

/** A value that must be a finite number. */
export function notFinite(where: Where, value: unknown, code: InputErrorCode = 'value'): InputError {
  return mustBe(where, 'a finite number', { value, code });
}

/** A value that must be a whole number (`rule` says which, e.g. "a whole number ≥ 1"). */
export function notWholeNumber(where: Where, value: unknown, rule = 'a whole number', code: InputErrorCode = 'value'): InputError {
  return mustBe(where, rule, { value, code });
}

/** A value that must be one of a few choices: `ties must be 'quantile', 'dense' or 'first' (got "x")`. */
export function notOneOf(where: Where, choices: readonly string[], value: unknown, extra = ''): InputError {
  const shown = choices.map((c) => `'${c}'`);
  const list = shown.length < 2 ? shown.join('') : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
  return mustBe(where, `${list}${extra}`, { value });
}

/** A required argument or option that is missing: `calibrationEnd is required (…)`. */
export function required(where: Where, why = '', code: InputErrorCode = 'value'): InputError {
  return locatedError(at(where), `is required${why}`, code);
}

/** A cell (or item) that is blank where a value is needed. */
export function blankCell(where: InputErrorLocation, why = '', code: InputErrorCode = 'na'): InputError {
  return locatedError(where, `is blank${why}`, code);
}

/** A cell (or item) that is not a number: `amount: column "Amount", row 14 is not a number (got "n/a")`. */
export function notANumber(where: InputErrorLocation, value: unknown, code: InputErrorCode = 'value'): InputError {
  return locatedError(where, `is not a number${got(value)}`, code);
}

/** An answer outside its survey scale: `scores: column "Q1", row 3 is outside the scale 1–10 (got 11)`. */
export function outsideScale(where: InputErrorLocation, value: unknown, min: number, max: number): InputError {
  return locatedError(where, `is outside the scale ${min}–${max}${got(value)}`);
}

/** A cell (or argument) that is not a date, with the forms that are read. */
export function notADate(where: InputErrorLocation, shown: string, hint: string): InputError {
  return locatedError(where, `is not a date (got ${shown}); ${hint}`);
}

/** An input that must be a table: `transactions must be an Arquero table or an array of row objects`. */
export function notATable(argument: string): InputError {
  return mustBe(argument, 'an Arquero table or an array of row objects');
}

/** A named column that is not in the table; `found` says what there is. */
export function columnNotFound(argument: string, column: string, found: string): InputError {
  return locatedError({ argument, column }, `not found${found.startsWith(':') ? found : ` (${found})`}`, 'na');
}

/** More rows, cells or items than the kit works on. */
export function tooMany(argument: string, count: number, what: string, limit: number): InputError {
  return locatedError(
    { argument },
    `has ${count.toLocaleString('en-US')} ${what}; at most ${limit.toLocaleString('en-US')} are allowed`,
    'num',
  );
}

/**
 * Too little data to fit a model: `summary: at least two customers are needed to fit BG/NBD (got 1)`.
 * A clause after the location, so an adapter can restate it for its own columns.
 */
export function tooFewToFit(needed: string, model: string, count: number, note = ''): InputError {
  return locatedError({ argument: 'summary' }, `: ${needed} are needed to fit ${model} (got ${count}${note})`, 'num');
}

/**
 * Any other problem, stated in its own words after its location (`problem` starts with its verb,
 * or with `:` to follow the location as a clause): for messages that occur once.
 */
export function invalid(where: Where, problem: string, code: InputErrorCode = 'value'): InputError {
  return locatedError(at(where), problem, code);
}

/**
 * A sentence that does not start with its location (`"give either periodEnds or every, not
 * both"`); the location is still kept as data.
 */
export function stated(where: Where, message: string, code: InputErrorCode = 'value'): InputError {
  return new InputError(message, { code, location: at(where) });
}
