/**
 * Reading a date column: the day number (days since 1970-01-01, see `time/day-number.ts` for the
 * forms accepted) of every cell, with each distinct text or number parsed once — a log repeats a
 * few hundred dates millions of times. The one cached date reader: the summaries, tracking,
 * migration and the pane read date columns through it.
 */
import { dayNumber, EXCEL_EPOCH_SERIAL, EXCEL_MAX_SERIAL } from '../time/day-number.ts';

// Module-local copies: an imported binding read in the hot loop can compile to a getter call
// (CommonJS transpilation), which cost more than the rest of the loop.
const SERIAL_EPOCH = EXCEL_EPOCH_SERIAL;
const SERIAL_MAX = EXCEL_MAX_SERIAL;
/** Distinct values cached at most (timestamps that are all distinct should not fill memory). */
const CACHE_LIMIT = 100_000;
const MEMO_SIZE = 8192;

/**
 * Day numbers of the cells of one date column, read in any order (a loop that stops early reads
 * only what it needs): a Map of parsed values, and in front of it a direct-mapped memo for ISO
 * strings; Excel serials (how worksheet dates arrive) by arithmetic, `Date`s directly.
 */
export class DayReader {
  private readonly cache = new Map<unknown, number>();
  private readonly memoKeys: unknown[] = new Array<unknown>(MEMO_SIZE).fill(undefined);
  private readonly memoDays = new Int32Array(MEMO_SIZE);

  /** @param column the column's name, for the message */
  constructor(private readonly column: string) {}

  /**
   * @param value the cell
   * @param row its 0-based row, for the message
   * @returns its day number
   * @throws {InputError} naming the column and the 1-based row when the cell is not a date
   */
  day(value: unknown, row: number): number {
    if (typeof value === 'string') {
      // Memo slot from the last digit of the year, the month and the day of 'yyyy-mm-dd' (a decade
      // of days without collision); any other string just misses and goes to the Map.
      const n = value.length;
      const slot =
        n < 7
          ? 0
          : ((((value.charCodeAt(n - 7) - 48) * 13 + (value.charCodeAt(n - 5) - 48) * 10 + value.charCodeAt(n - 4) - 48) * 32 +
              (value.charCodeAt(n - 2) - 48) * 10 +
              value.charCodeAt(n - 1) -
              48) &
            (MEMO_SIZE - 1));
      if (this.memoKeys[slot] === value) return this.memoDays[slot];
      let day = this.cache.get(value);
      if (day === undefined) day = this.parse(value, row);
      this.memoKeys[slot] = value;
      this.memoDays[slot] = day;
      return day;
    } else if (typeof value === 'number') {
      // An Excel serial after 1 March 1900: arithmetic, no lookup.
      if (value >= 61 && value <= SERIAL_MAX) return Math.floor(value) - SERIAL_EPOCH;
      const day = this.cache.get(value);
      if (day !== undefined) return day;
    } else if (value instanceof Date) {
      const day = Math.floor(value.getTime() / 86_400_000);
      if (day === day) return day;
    }
    return this.parse(value, row);
  }

  /** A value not in the cache: parsed by `dayNumber` and cached when it is text or a number. */
  private parse(value: unknown, row: number): number {
    // Not a date: dayNumber throws notADate, located at the column and the 1-based row.
    const day = dayNumber(value, { argument: 'date', column: this.column, row: row + 1 });
    if ((typeof value === 'string' || typeof value === 'number') && this.cache.size < CACHE_LIMIT) this.cache.set(value, day);
    return day;
  }
}

/**
 * Day numbers of a whole date column.
 *
 * @param values the column (any array-like of dates)
 * @param column the column's name, for the message
 * @returns an Int32Array of days since 1970-01-01
 * @throws {InputError} naming the column and the 1-based row of the first bad value
 * @example dayNumbers(['1997-01-01', 19970102], 'date'); // => Int32Array [9862, 9863]
 */
export function dayNumbers(values: ArrayLike<unknown>, column: string): Int32Array {
  const reader = new DayReader(column);
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = reader.day(values[i], i);
  return out;
}
