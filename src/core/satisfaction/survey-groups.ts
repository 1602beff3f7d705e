/**
 * Splitting a survey's respondents by a group column (wave, period, brand, region) and finding
 * the groups a user names. Group values are data: they are kept in Maps, never used as object
 * keys, so `__proto__` or `constructor` are ordinary groups.
 */
import { blankCell, invalid } from '../messages.ts';
import { cellNumber, isBlank, showCell } from '../table/cell.ts';

/** How the groups are ordered: numbers and dates sorted, anything else by first appearance. */
export type GroupKind = 'number' | 'date' | 'text';

export interface SurveyGroups {
  /** The column the groups come from. */
  column: string;
  /** The distinct group values, in output order. */
  keys: unknown[];
  /** The (0-based) table rows of each group, by position in `keys`. */
  rows: number[][];
  kind: GroupKind;
}

/** The Map key of a group value: a Date by its time (two Date objects of one day are one group). */
function lookupKey(value: unknown): unknown {
  return value instanceof Date ? `\u0000date:${value.getTime()}` : value;
}

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/**
 * The groups of a column, each with its rows.
 *
 * @param values the group column, one value per respondent
 * @param column the column's name, for messages
 * @param argument the option that named the column, for messages
 * @returns the groups: all-number columns sorted ascending, all-date columns sorted by time,
 *   anything else (text, mixed) in order of first appearance
 * @throws {InputError} naming the column and the 1-based row of a blank group value, or an
 *   invalid date
 * @example surveyGroups(['b', 'a', 'b'], 'brand', 'group').keys; // => ['b', 'a']
 */
export function surveyGroups(values: ArrayLike<unknown>, column: string, argument: string): SurveyGroups {
  const index = new Map<unknown, number>();
  const keys: unknown[] = [];
  const rows: number[][] = [];
  let numbers = true;
  let dates = true;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (isBlank(value)) {
      throw blankCell({ argument, column, row: i + 1 }, ' (every respondent needs a group)');
    }
    if (value instanceof Date && !isValidDate(value)) {
      throw invalid({ argument, column, row: i + 1 }, 'is an invalid date');
    }
    const key = lookupKey(value);
    let id = index.get(key);
    if (id === undefined) {
      id = keys.length;
      index.set(key, id);
      keys.push(value);
      rows.push([]);
      if (typeof value !== 'number') numbers = false;
      if (!(value instanceof Date)) dates = false;
    }
    rows[id].push(i);
  }
  const kind: GroupKind = keys.length > 0 && numbers ? 'number' : keys.length > 0 && dates ? 'date' : 'text';
  if (kind === 'text') return { column, keys, rows, kind };
  const order = keys.map((_, g) => g);
  const position = (g: number) => (kind === 'number' ? (keys[g] as number) : (keys[g] as Date).getTime());
  order.sort((a, b) => position(a) - position(b));
  return { column, keys: order.map((g) => keys[g]), rows: order.map((g) => rows[g]), kind };
}

/** A user-given group value as the column holds it: an ISO date string for a date column. */
function asColumnValue(value: unknown, kind: GroupKind): unknown {
  if (kind === 'date' && typeof value === 'string') {
    const time = Date.parse(value.trim());
    return Number.isNaN(time) ? value : new Date(time);
  }
  if (kind === 'date' && typeof value === 'number') return new Date(value);
  if (kind === 'number' && typeof value === 'string' && !Number.isNaN(cellNumber(value))) return cellNumber(value);
  return value;
}

/** A group value as shown in messages and notes (a date as `yyyy-mm-dd`). */
export function showGroup(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : showCell(value);
}

/**
 * The position in `groups.keys` of a group the user named.
 *
 * @param groups the result of {@link surveyGroups}
 * @param value the group value (for a date column a Date or an ISO date string)
 * @param argument the option that gave the value (`'from'`, `'to'`), for messages
 * @returns the group's position
 * @throws {InputError} (code `na`) naming the value, the column and the groups there are
 */
export function groupPosition(groups: SurveyGroups, value: unknown, argument: string): number {
  const wanted = lookupKey(asColumnValue(value, groups.kind));
  for (let g = 0; g < groups.keys.length; g++) {
    if (lookupKey(groups.keys[g]) === wanted) return g;
  }
  const shown = groups.keys.slice(0, 12).map(showGroup).join(', ');
  const more = groups.keys.length > 12 ? `, … (${groups.keys.length} groups)` : '';
  throw invalid(argument, `: ${showGroup(value)} does not occur in column "${groups.column}" (groups: ${shown}${more})`, 'na');
}

/**
 * The two groups of a comparison. For periods (a number or date column) `from` must come before
 * `to`; groups in first-appearance order (brands, regions) may be compared either way.
 *
 * @throws {InputError} when a group does not occur, both name the same group, or `from` is after `to`
 */
export function comparedGroups(groups: SurveyGroups, from: unknown, to: unknown): { from: number; to: number } {
  const a = groupPosition(groups, from, 'from');
  const b = groupPosition(groups, to, 'to');
  if (a === b) {
    throw invalid('to', `: ${showGroup(to)} is the same group as from; choose two different groups`);
  }
  if (groups.kind !== 'text' && a > b) {
    throw invalid('from', `: ${showGroup(groups.keys[a])} comes after to (${showGroup(groups.keys[b])}); give the earlier period as from`);
  }
  return { from: a, to: b };
}
