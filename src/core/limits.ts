/**
 * Limits on the inputs that scale the work of a formula or a pane action, in one place so that
 * the core, the formulas, the pane and the README agree. Each is enforced with an `InputError`
 * naming the argument (see `requireAtMost`).
 */
import { tooMany } from './messages.ts';

/** Rows of one range handed to a formula: a whole Excel column. */
export const MAX_RANGE_ROWS = 1_048_576;
/** Cells of one range handed to a formula (rows × columns): about ten whole columns. */
export const MAX_RANGE_CELLS = 10_000_000;
/** Drivers in a key driver analysis (the relative weights cost O(drivers³)). */
export const MAX_DRIVERS = 200;
/** RFM scores per measure (bins). */
export const MIN_RFM_BINS = 2;
export const MAX_RFM_BINS = 20;
/**
 * The time a formula call on a small range (up to ten rows) stays within, checked by the
 * property-based formula tests: a hang check, not a benchmark. A call over it in wall time is
 * timed again by CPU time, which is what counts (on a shared machine wall time measures the load).
 */
export const FORMULA_CALL_BUDGET_MS = 250;

/**
 * @param count how many there are (rows, cells, drivers…)
 * @param limit the documented maximum
 * @param argument the argument to name
 * @param what what is counted, e.g. `'rows'`
 * @throws {InputError} when `count` exceeds `limit`
 * @example requireAtMost(12, MAX_DRIVERS, 'drivers', 'drivers'); // passes
 */
export function requireAtMost(count: number, limit: number, argument: string, what: string): void {
  if (count > limit) {
    throw tooMany(argument, count, what, limit);
  }
}
