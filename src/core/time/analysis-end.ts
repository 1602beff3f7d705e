/**
 * The end date of an analysis of a transaction log (the calibration end of a lifetime model, the
 * "as of" day of recency) and the rows dated after it. One row dated 2099 must not move the end of
 * every customer's history: by default the end is the last date on or before today, and the rows
 * after the end are reported, never used silently.
 */
import { invalid } from '../messages.ts';
import { dayNumber, isoDate } from './day-number.ts';
import { dayNumbers } from '../table/date-column.ts';

export interface AnalysisEndOptions {
  /** The end the user chose (any date form `dayNumber` reads); blank: derived from the data. */
  end?: unknown;
  /** Today's date: no default end lies after it (the caller passes it, so the result is reproducible). */
  today: unknown;
  /** The date column's name, for messages (default `'date'`). */
  column?: string;
}

export interface AnalysisEnd {
  /** The end day, ISO `yyyy-mm-dd`: rows on it count. */
  end: string;
  /** `'given'`: the user's end; `'data'`: the last date on or before today. */
  source: 'given' | 'data';
  /** Today, ISO. */
  today: string;
  /** Rows (0-based, in row order) dated after the end: to be left out, and said so. */
  lateRows: Int32Array;
  /** Their dates, ISO, in the same order. */
  lateDates: string[];
}

/**
 * The end of an analysis and the rows after it. With `end` given, that day is the end; otherwise
 * the end is the latest date in the column that is not after `today`, so a future-dated row (a
 * typo like 2099-01-01, or an order booked ahead) neither moves the end nor counts. Either way the
 * rows dated after the end are returned, for the caller to leave out and report.
 *
 * Policy: an explicit end may lie after today (a simulated or planned log is the user's call);
 * a derived one never does. O(n).
 *
 * @param dates the date column (ISO text, `Date`s, Excel serials or `yyyymmdd`)
 * @param options `end` (optional), `today`, `column` (for messages)
 * @returns `{ end, source, today, lateRows, lateDates }`
 * @throws {InputError} on a bad date (naming column and row), a bad `end` or `today`, an empty
 *   column, or, without `end`, a column whose dates are all after today
 * @example analysisEnd(['1997-01-01', '2099-01-01', '1997-03-05'], { today: '2026-12-01' }).end;
 * // => '1997-03-05' (source 'data'; lateRows Int32Array [1], lateDates ['2099-01-01'])
 */
export function analysisEnd(dates: ArrayLike<unknown>, options: AnalysisEndOptions): AnalysisEnd {
  const column = options.column ?? 'date';
  const today = dayNumber(options.today, 'today');
  const hasEnd = options.end !== undefined && options.end !== null && options.end !== '';
  const given = hasEnd ? dayNumber(options.end, 'end') : undefined;
  const days = dayNumbers(dates, column);
  if (days.length === 0) {
    throw invalid({ argument: 'dates', column }, 'has no dates');
  }
  let end = given ?? -Infinity;
  if (given === undefined) {
    for (let i = 0; i < days.length; i++) if (days[i] <= today && days[i] > end) end = days[i];
    if (end === -Infinity) {
      throw invalid('end', `: every date in column "${column}" is after today (${isoDate(today)}); give the end date of the analysis`);
    }
  }
  let late = 0;
  for (let i = 0; i < days.length; i++) if (days[i] > end) late++;
  const lateRows = new Int32Array(late);
  const lateDates: string[] = [];
  for (let i = 0, j = 0; i < days.length; i++) {
    if (days[i] > end) {
      lateRows[j++] = i;
      lateDates.push(isoDate(days[i]));
    }
  }
  return { end: isoDate(end), source: given === undefined ? 'data' : 'given', today: isoDate(today), lateRows, lateDates };
}
