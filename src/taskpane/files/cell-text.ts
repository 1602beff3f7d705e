/**
 * Text cells from a file read as what they mean: dates in the common written forms and amounts
 * with currency symbols, thousands separators and accounting negatives. A column is converted
 * when most of its text cells read one way; cells that do not read stay as they are, so the
 * column mapping step names them by row ("row 14: "n/a" is not a number").
 */
import { dayNumberFromCivil } from '../../core/time/day-number.ts';

/** The order of day and month in a numeric date such as 03/04/2024. */
export type DayOrder = 'month-first' | 'day-first';
/** The decimal mark of an amount column; the other mark (and spaces, apostrophes) group thousands. */
export type DecimalMark = '.' | ',';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function iso(year: number, month: number, day: number): string | null {
  if (!Number.isFinite(dayNumberFromCivil(year, month, day))) return null;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function fullYear(text: string): number {
  const y = Number(text);
  if (text.length !== 2) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

const MONTH_NAME = /^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;

/** 1..12 for an English month name or its abbreviation, else 0. */
function monthNumber(name: string): number {
  const m = MONTH_NAME.exec(name);
  return m ? MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1 : 0;
}

/** A time of day after the date (`13:45`, `1:45 PM`, `T13:45:00Z`) is dropped. */
const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const YMD = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`);
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`);
const DAY_NAME = new RegExp(String.raw`^(\d{1,2})[ -]([A-Za-z]{3,9}\.?)(?:[ -]|, )(\d{4}|\d{2})${TIME}$`);
const NAME_DAY = new RegExp(String.raw`^([A-Za-z]{3,9}\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})${TIME}$`);

/**
 * A written date as ISO `yyyy-mm-dd`, or null. Reads `2024-03-05`, `2024/3/5`, `05.03.2024` (day
 * first), `3/5/2024` and `3-5-24` (in `order`), `5 Mar 2024`, `5-Mar-24`, `March 5, 2024`, each
 * optionally followed by a time of day.
 *
 * @example parseDateText('03/04/2024', 'day-first'); // => '2024-04-03'
 * @example parseDateText('Jan 5, 2024', 'month-first'); // => '2024-01-05'
 */
export function parseDateText(text: string, order: DayOrder): string | null {
  const s = text.trim();
  let m = YMD.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    // Dots are day-first everywhere they are used (05.03.2024).
    const dayFirst = m[2] === '.' || order === 'day-first';
    return iso(fullYear(m[4]), dayFirst ? b : a, dayFirst ? a : b);
  }
  m = DAY_NAME.exec(s);
  if (m) {
    const month = monthNumber(m[2]);
    return month ? iso(fullYear(m[3]), month, Number(m[1])) : null;
  }
  m = NAME_DAY.exec(s);
  if (m) {
    const month = monthNumber(m[1]);
    return month ? iso(Number(m[3]), month, Number(m[2])) : null;
  }
  return null;
}

/**
 * The day order a column's numeric dates need: day-first when a first part exceeds 12, month-first
 * when a second part does; null when both happen (not one order) — and month-first when nothing
 * tells (then `ambiguous` is true).
 */
export function dayOrderOf(texts: readonly string[]): { order: DayOrder | null; ambiguous: boolean } {
  let dayFirst = false;
  let monthFirst = false;
  for (const text of texts) {
    const m = NUMERIC.exec(text.trim());
    if (!m || m[2] === '.') continue;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[3]) > 12) monthFirst = true;
  }
  if (dayFirst && monthFirst) return { order: null, ambiguous: false };
  if (dayFirst) return { order: 'day-first', ambiguous: false };
  return { order: 'month-first', ambiguous: !monthFirst && texts.some((t) => NUMERIC.test(t.trim()) && !t.includes('.')) };
}

const CURRENCY_SIGN = /[$€£¥₹₽₩₺₪₫฿₴₦₱¢]/gu;
const CURRENCY_CODE = /^(?:USD|EUR|GBP|CHF|JPY|CNY|INR|CAD|AUD|NZD|SEK|NOK|DKK|PLN|CZK|HUF|BRL|MXN|ZAR|RUB|KRW|TRY)\s*|\s*(?:USD|EUR|GBP|CHF|JPY|CNY|INR|CAD|AUD|NZD|SEK|NOK|DKK|PLN|CZK|HUF|BRL|MXN|ZAR|RUB|KRW|TRY|kr|zł|Kč|Ft)\.?$/u;

/**
 * An amount as a number, or NaN. Strips a currency sign or code, reads `(12.50)` and a trailing or
 * leading minus (also `−`) as negative, and groups of three digits separated by the other mark,
 * a space or an apostrophe as thousands.
 *
 * @example parseAmount('$1,234.50', '.'); // => 1234.5
 * @example parseAmount('1.234,50 €', ','); // => 1234.5
 * @example parseAmount('(2,000)', '.'); // => -2000
 */
export function parseAmount(text: string, decimal: DecimalMark): number {
  let s = text.trim().replace(CURRENCY_CODE, '').replace(CURRENCY_SIGN, '').trim();
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  const sign = /^[-−+]|[-−]$/.exec(s);
  if (sign) {
    negative = negative !== (sign[0] !== '+');
    s = (sign.index === 0 ? s.slice(1) : s.slice(0, -1)).trim().replace(CURRENCY_SIGN, '').trim();
  }
  const group = decimal === '.' ? `[,' \u00a0\u202f]` : `[.' \u00a0\u202f]`;
  const point = decimal === '.' ? '\\.' : ',';
  const grouped = new RegExp(`^\\d{1,3}(?:${group}\\d{3})+(?:${point}\\d+)?$`);
  const plain = new RegExp(`^(?:\\d+(?:${point}\\d*)?|${point}\\d+)(?:[eE][-+]?\\d+)?$`);
  if (!grouped.test(s) && !plain.test(s)) return NaN;
  const value = Number(s.replace(new RegExp(group, 'g'), '').replace(',', '.'));
  return negative ? -value : value;
}

/** True when text reads as an amount under either decimal mark. */
export function looksLikeAmount(text: string): boolean {
  return Number.isFinite(parseAmount(text, '.')) || Number.isFinite(parseAmount(text, ','));
}

/** True when text reads as a date in some order. */
export function looksLikeDate(text: string): boolean {
  return parseDateText(text, 'month-first') !== null || parseDateText(text, 'day-first') !== null;
}
