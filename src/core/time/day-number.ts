/**
 * Dates in, integer day numbers out (days since 1970-01-01), so that the customer summary can
 * work on Int32Arrays. Accepted: ISO strings `yyyy-mm-dd` (a time part after it is ignored), JS
 * `Date`s (their UTC calendar day, as Arquero and `new Date('yyyy-mm-dd')` produce), Excel
 * serial numbers (1900 date system; a fraction, the time of day, is dropped) and `yyyymmdd`
 * numbers or strings. Numbers from 10,000,101 up are read as `yyyymmdd`, smaller ones as Excel
 * serials (Excel's last date, 9999-12-31, is serial 2,958,465).
 */
import type { InputErrorLocation } from '../errors.ts';
import { notADate } from '../messages.ts';

const MS_PER_DAY = 86_400_000;
/** The date forms the kit reads, as messages state them. */
export const DATE_FORMS = 'use yyyy-mm-dd, yyyymmdd, an Excel serial number or a Date';
/** Excel serial of 1970-01-01 in the 1900 date system. */
export const EXCEL_EPOCH_SERIAL = 25_569;
export const EXCEL_MAX_SERIAL = 2_958_465;

/** Days in month m (1..12) of year y, Gregorian. */
function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Day number (days since 1970-01-01) of a Gregorian calendar date, or NaN when the date does
 * not exist. Hinnant's days-from-civil algorithm.
 *
 * Reference: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms" (2013). O(1).
 *
 * @param year four-digit year
 * @param month 1..12
 * @param day 1..31
 * @returns days since 1970-01-01, or NaN for an invalid date
 * @example dayNumberFromCivil(1997, 1, 1); // => 9862
 */
export function dayNumberFromCivil(year: number, month: number, day: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return NaN;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * ISO `yyyy-mm-dd` of a day number.
 *
 * @param dayNumber days since 1970-01-01
 * @returns the ISO date string
 * @example isoDate(9862); // => '1997-01-01'
 */
export function isoDate(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

function fromYyyymmdd(n: number): number {
  return dayNumberFromCivil(Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100);
}

/** Two decimal digits at s[i], s[i+1], or NaN. */
function digits(s: string, start: number, count: number): number {
  let v = 0;
  for (let i = start; i < start + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

/** Day number of a value, or NaN when it is not a date this module reads. */
function tryDayNumber(value: unknown): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1) return NaN;
    if (value >= 10_000_101) return Number.isInteger(value) ? fromYyyymmdd(value) : NaN;
    if (value > EXCEL_MAX_SERIAL) return NaN;
    const serial = Math.floor(value);
    // Excel counts a 29 February 1900 that never was: serial 60 is not a date, and serials
    // before it are one day later than the 1899-12-30 epoch gives.
    if (serial === 60) return NaN;
    return serial - EXCEL_EPOCH_SERIAL + (serial < 60 ? 1 : 0);
  }
  if (typeof value === 'string') {
    const s = value.trim();
    if (s.length >= 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
      if (s.length > 10 && s[10] !== 'T' && s[10] !== ' ') return NaN;
      return dayNumberFromCivil(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
    }
    if (s.length === 8) {
      const n = digits(s, 0, 8);
      return Number.isNaN(n) ? NaN : fromYyyymmdd(n);
    }
    return NaN;
  }
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isFinite(t) ? Math.floor(t / MS_PER_DAY) : NaN;
  }
  return NaN;
}

/**
 * Integer day number (days since 1970-01-01) of a date given as an ISO string `yyyy-mm-dd`, a
 * JS `Date` (UTC day), an Excel serial number (1900 system) or a `yyyymmdd` number or string.
 * O(1).
 *
 * @param value the date
 * @param argument what the value is (e.g. `'date (row 12)'`), for the error message
 * @returns days since 1970-01-01
 * @throws {InputError} when the value is not a valid date in one of those forms
 * @example dayNumber('1997-01-01', 'date'); // => 9862 (so do 19970101, '19970101' and Excel serial 35431)
 */
export function dayNumber(value: unknown, argument: string | InputErrorLocation): number {
  const day = tryDayNumber(value);
  if (Number.isNaN(day)) {
    throw notADate(typeof argument === 'string' ? { argument } : argument, describe(value), DATE_FORMS);
  }
  return day;
}

function describe(value: unknown): string {
  if (value instanceof Date) return 'an invalid Date';
  if (value === undefined) return 'blank';
  return JSON.stringify(value) ?? String(value);
}
