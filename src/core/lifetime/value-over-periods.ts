/**
 * The customer base's value as of each month or quarter end: how many customers there are, how
 * many bought in the period, how many are still alive (BG/NBD) and what they are expected to be
 * worth (BG/NBD × Gamma-Gamma CLV), each period end fitted on the data up to it — so that a user
 * sees the trend rather than one snapshot.
 */
import * as aq from 'arquero';
import { isInputError } from '../errors.ts';
import { invalid, notOneOf, stated } from '../messages.ts';
import { sum } from '../math/sum.ts';
import { inputColumn } from '../table/column-values.ts';
import type { ColumnTable } from '../table/input.ts';
import { dayNumber, dayNumberFromCivil, isoDate } from '../time/day-number.ts';
import { dayNumbers } from '../table/date-column.ts';
import type { TimeUnit } from '../time/time-unit.ts';
import { fitBgNbd } from './bg-nbd-fit.ts';
import { customerLifetimeValue } from './btyd-clv.ts';
import { customerSummary } from './customer-summary.ts';
import { fitGammaGamma } from './gamma-gamma.ts';

export interface ValueOverPeriodsOptions {
  /** Customer id column (default `'customer'`). */
  customer?: string;
  /** Date column (default `'date'`). */
  date?: string;
  /** Amount column (default `'amount'`). */
  amount?: string;
  /** The period ends (dates, ascending); or give `every`. */
  periodEnds?: readonly unknown[];
  /** Every calendar month or quarter end from the first transaction to the last. */
  every?: 'month' | 'quarter';
  /** Profit margin as a fraction of spend, 0..1. */
  margin: number;
  /** Discount rate per `period` (default per `timeUnit`). */
  discountRate: number;
  /** Number of periods the CLV sums over. */
  horizon: number;
  /** Time unit of the models (default `'week'`). */
  timeUnit?: TimeUnit;
  /** Discounting period (default `timeUnit`). */
  period?: TimeUnit;
}

/** Calendar month or quarter ends (as day numbers) in [first, last]. */
function calendarEnds(first: number, last: number, every: 'month' | 'quarter'): number[] {
  const step = every === 'month' ? 1 : 3;
  const start = new Date(first * 86_400_000);
  let year = start.getUTCFullYear();
  // The first month (or quarter) that ends on or after the first transaction.
  let month = every === 'month' ? start.getUTCMonth() + 1 : Math.ceil((start.getUTCMonth() + 1) / 3) * 3;
  const ends: number[] = [];
  for (;;) {
    const end = dayNumberFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1;
    if (end > last) break;
    if (end >= first) ends.push(end);
    month += step;
    if (month > 12) {
      month -= 12;
      year++;
    }
  }
  return ends;
}

function periodEndDays(options: ValueOverPeriodsOptions, first: number, last: number): number[] {
  if (options.periodEnds !== undefined) {
    if (options.every !== undefined) {
      throw stated('every', 'give either periodEnds or every, not both');
    }
    if (!Array.isArray(options.periodEnds) || options.periodEnds.length === 0) {
      throw invalid('periodEnds', 'must be a non-empty array of dates');
    }
    const days = options.periodEnds.map((value, k) => dayNumber(value, { argument: 'periodEnds', item: k + 1 }));
    days.forEach((day, k) => {
      if (k > 0 && day <= days[k - 1]) {
        throw invalid({ argument: 'periodEnds', item: k + 1 }, `(${isoDate(day)}) is not after item ${k} (${isoDate(days[k - 1])}): periodEnds must be ascending`);
      }
      if (day < first || day > last) {
        throw invalid({ argument: 'periodEnds', item: k + 1 }, `(${isoDate(day)}) is outside the data (${isoDate(first)} to ${isoDate(last)})`);
      }
    });
    return days;
  }
  if (options.every !== 'month' && options.every !== 'quarter') {
    throw notOneOf('every', ['month', 'quarter'], options.every, ' (or give periodEnds)');
  }
  const ends = calendarEnds(first, last, options.every);
  if (ends.length === 0) {
    throw stated('every', `the data (${isoDate(first)} to ${isoDate(last)}) contains no ${options.every} end`);
  }
  return ends;
}

/**
 * Customer base summary and CLV as of each period end. At each end E the transactions up to and
 * including E are summarised (`customerSummary`), BG/NBD and Gamma-Gamma are fitted to them
 * (`fitBgNbd`, `fitGammaGamma`) and every customer's CLV is computed (`customerLifetimeValue`).
 * A period end where a model cannot be fitted (too few repeat buyers yet) keeps its counts, with
 * the model columns null and the reason in `note`.
 *
 * O(ends × (n + fitting)).
 *
 * @param transactions an Arquero table or an array of row objects with customer, date, amount
 * @param options column names; `periodEnds` or `every`; `margin`, `discountRate`, `horizon`,
 *   `timeUnit` (default week), `period` as for `customerLifetimeValue`
 * @returns an Arquero table, one row per period end: `periodEnd` (yyyy-mm-dd), `customers`
 *   (first purchase on or before it), `activeCustomers` (bought in the period: after the previous
 *   end, or from the first transaction, up to this end), `repeatBuyers`, `meanPAlive`,
 *   `expectedAlive` (Σ P(alive)), `totalClv`, `meanClv`, `converged` (both fits), `note`
 * @throws {InputError} for bad columns or dates (naming them), bad or unordered period ends,
 *   ends outside the data, and bad CLV options
 * @example valueOverPeriods(cdnow, { every: 'quarter', margin: 0.3, discountRate: 0.01, horizon: 52 }).get('customers', 0);
 * // => 2357 (the whole 1997 Q1 cohort by 1997-03-31)
 */
export function valueOverPeriods(transactions: unknown, options: ValueOverPeriodsOptions): ColumnTable {
  if (options === null || typeof options !== 'object') {
    throw invalid('options', 'must give periodEnds or every, and margin, discountRate and horizon');
  }
  const customerColumn = options.customer ?? 'customer';
  const dateColumn = options.date ?? 'date';
  const amountColumn = options.amount ?? 'amount';
  const timeUnit = options.timeUnit ?? 'week';
  const ids = inputColumn(transactions, customerColumn, 'customer');
  const days = dayNumbers(inputColumn(transactions, dateColumn, 'date'), dateColumn);
  if (days.length === 0) throw invalid('transactions', 'must contain at least one row');
  let first = Infinity;
  let last = -Infinity;
  for (const day of days) {
    if (day < first) first = day;
    if (day > last) last = day;
  }
  const ends = periodEndDays(options, first, last);
  const clvOptions = { margin: options.margin, discountRate: options.discountRate, horizon: options.horizon, timeUnit, period: options.period };

  const out = {
    periodEnd: [] as string[],
    customers: [] as number[],
    activeCustomers: [] as number[],
    repeatBuyers: [] as number[],
    meanPAlive: [] as (number | null)[],
    expectedAlive: [] as (number | null)[],
    totalClv: [] as (number | null)[],
    meanClv: [] as (number | null)[],
    converged: [] as (boolean | null)[],
    note: [] as (string | null)[],
  };
  ends.forEach((end, k) => {
    const start = k === 0 ? first - 1 : ends[k - 1];
    const active = new Set<unknown>();
    for (let i = 0; i < days.length; i++) if (days[i] > start && days[i] <= end) active.add(ids[i]);
    const summary = customerSummary(transactions, {
      customer: customerColumn,
      date: dateColumn,
      amount: amountColumn,
      calibrationEnd: isoDate(end),
      timeUnit,
    });
    const x = summary.array('x') as ArrayLike<number>;
    let repeat = 0;
    for (let i = 0; i < x.length; i++) if (x[i] > 0) repeat++;
    out.periodEnd.push(isoDate(end));
    out.customers.push(summary.numRows());
    out.activeCustomers.push(active.size);
    out.repeatBuyers.push(repeat);
    try {
      const bgNbd = fitBgNbd(summary);
      const gammaGamma = fitGammaGamma(summary);
      const table = customerLifetimeValue(summary, bgNbd, gammaGamma, clvOptions).table;
      const pAlive = table.array('p_alive') as Float64Array;
      const clv = table.array('clv') as Float64Array;
      const alive = sum(pAlive);
      const total = sum(clv);
      let failed = 0;
      for (let i = 0; i < clv.length; i++) if (!Number.isFinite(clv[i])) failed++;
      out.meanPAlive.push(Number.isFinite(alive) ? alive / pAlive.length : null);
      out.expectedAlive.push(Number.isFinite(alive) ? alive : null);
      // Never a NaN in the table: a CLV the model cannot evaluate is reported, not summed.
      out.totalClv.push(failed === 0 ? total : null);
      out.meanClv.push(failed === 0 ? total / clv.length : null);
      out.converged.push(bgNbd.converged && gammaGamma.converged);
      out.note.push(
        failed === 0 ? null : `CLV is not a finite number for ${failed} of ${clv.length} customers at the parameters fitted here`,
      );
    } catch (error) {
      // Bad CLV options are the caller's to fix, not a note: only a model that cannot be fitted
      // yet (too few repeat buyers) leaves its row empty.
      if (!isInputError(error) || ['margin', 'discountRate', 'horizon', 'period', 'timeUnit'].includes(error.argument ?? '')) throw error;
      out.meanPAlive.push(null);
      out.expectedAlive.push(null);
      out.totalClv.push(null);
      out.meanClv.push(null);
      out.converged.push(null);
      out.note.push(`models not fitted: ${error.message}`);
    }
  });
  return aq.table(out);
}
