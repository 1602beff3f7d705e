/**
 * The time units of the lifetime models. A week is 7 days and a month 365.25/12 = 30.4375 days,
 * so that BG/NBD parameters fitted in one unit convert exactly to another (α scales with the
 * unit; r, a, b do not).
 */
import { notOneOf } from '../messages.ts';

export type TimeUnit = 'day' | 'week' | 'month';

export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = {
  day: 1,
  week: 7,
  month: 365.25 / 12,
};

/**
 * Length of a time unit in days.
 *
 * @param unit `'day'`, `'week'` or `'month'`
 * @param argument the option's name, for the message
 * @returns days per unit
 * @throws {InputError} for any other value
 * @example daysPerUnit('month', 'timeUnit'); // => 30.4375
 */
export function daysPerUnit(unit: unknown, argument: string): number {
  if (unit === 'day' || unit === 'week' || unit === 'month') return DAYS_PER_UNIT[unit];
  throw notOneOf(argument, ['day', 'week', 'month'], unit);
}
