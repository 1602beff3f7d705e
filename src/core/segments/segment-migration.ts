/**
 * Segment migration: which RFM segment every customer was in at one date and at a later date,
 * and the from × to matrix of customer counts and of what they spent in between — the "check"
 * of a segment strategy (did the at-risk customers come back? did champions slip?).
 */
import * as aq from 'arquero';
import { blankCell, invalid } from '../messages.ts';
import { GroupedSum, sum } from '../math/sum.ts';
import { isBlank } from '../table/cell.ts';
import { inputColumn, numbersOf } from '../table/column-values.ts';
import type { ColumnTable } from '../table/input.ts';
import { dayNumber, EXCEL_EPOCH_SERIAL, isoDate } from '../time/day-number.ts';
import { dayNumbers } from '../table/date-column.ts';
import { rfmScores } from './rfm-scores.ts';
import { DEFAULT_RFM_RULES, rfmSegments, type RfmRule } from './rfm-segments.ts';
import { rfmSummary } from './rfm-summary.ts';

/** The row label of customers whose first purchase falls after `from`. */
export const NEW_CUSTOMERS = 'New';

export interface SegmentMigrationOptions {
  /** Customer id column (default `'customer'`). */
  customer?: string;
  /** Date column (default `'date'`): ISO `yyyy-mm-dd`, `Date`, Excel serial or `yyyymmdd`. */
  date?: string;
  /** Amount column (default `'amount'`). */
  amount?: string;
  /** The first date: segments as of the end of this day. */
  from: unknown;
  /** The second date, after `from`: segments as of the end of this day. */
  to: unknown;
  /** Number of RFM scores (default 5). */
  bins?: number;
  /** Segment rules in priority order (default `DEFAULT_RFM_RULES`). */
  rules?: readonly RfmRule[];
}

export interface SegmentMigration {
  /**
   * Long form of the from × to matrix: `from, to, customers, spend`, one row for every pair of a
   * from-segment and a to-segment that occur (zeros included), rows in `segments.from` order and
   * within them `segments.to` order. `spend` is what the customers of the cell spent after `from`
   * up to and including `to`.
   */
  matrix: ColumnTable;
  /** One row per customer seen by `to`: `customer, fromSegment, toSegment, spend`. */
  customers: ColumnTable;
  /** The segments that occur, in rule order (then Others; `New` last among the from-segments). */
  segments: { from: string[]; to: string[] };
  /** The two dates as `yyyy-mm-dd`. */
  from: string;
  to: string;
}

/** Segment of every customer with a purchase on or before `asOf` (a day number). */
function segmentsAsOf(
  ids: unknown[],
  days: Int32Array,
  amounts: Float64Array,
  asOf: number,
  options: SegmentMigrationOptions,
): Map<unknown, string> {
  const keep: number[] = [];
  for (let i = 0; i < days.length; i++) if (days[i] <= asOf) keep.push(i);
  const table = aq.table({
    customer: keep.map((i) => ids[i]),
    // As Excel serial numbers, which rfmSummary reads without parsing text.
    date: Int32Array.from(keep, (i) => days[i] + EXCEL_EPOCH_SERIAL),
    amount: Float64Array.from(keep, (i) => amounts[i]),
  });
  const summary = rfmSummary(table, { asOf: isoDate(asOf), date: 'date' });
  const scores = rfmScores(summary, { bins: options.bins ?? 5 });
  const segments = rfmSegments(scores, options.rules).table;
  const customers = segments.array('customer') as unknown[];
  const names = segments.array('segment') as string[];
  const out = new Map<unknown, string>();
  customers.forEach((customer, k) => out.set(customer, names[k]));
  return out;
}

/** Segment names in rule order, then any others (e.g. "Others"), then `New`. */
function ordered(present: Set<string>, rules: readonly RfmRule[]): string[] {
  const order = rules.map((rule) => rule.name).filter((name) => present.has(name));
  for (const name of present) if (!order.includes(name) && name !== NEW_CUSTOMERS) order.push(name);
  if (present.has(NEW_CUSTOMERS)) order.push(NEW_CUSTOMERS);
  return order;
}

/**
 * The RFM named segment of every customer as of `from` and as of `to`, and the migration
 * matrix between them. Each date is scored on its own: `rfmSummary` of the transactions up to
 * and including that day (recency counted to it), `rfmScores` with that date's own quantile
 * breaks, `rfmSegments` with the rules. Customers whose first purchase is after `from` have the
 * from-segment "New"; transactions after `to` are ignored.
 *
 * O(n log n) for n transactions (two RFM scorings).
 *
 * @param transactions an Arquero table or an array of row objects with customer, date and amount columns
 * @param options column names, `from` and `to` (dates), `bins`, `rules`
 * @returns `{ matrix, customers, segments, from, to }`; see {@link SegmentMigration}
 * @throws {InputError} for a missing column, a blank customer, a bad date or amount (naming column
 *   and row); `from` or `to` not a date, `from` not before `to`, `from` before the first
 *   transaction or `to` after the last; as `rfmScores`/`rfmSegments` for bins and rules
 * @example segmentMigration(parseCdnow(text), { from: '1997-09-30', to: '1998-06-30' }).matrix.objects()[0];
 * // => { from: 'Champions', to: 'Champions', customers: 145, spend: 32288.31 }
 */
export function segmentMigration(transactions: unknown, options: SegmentMigrationOptions): SegmentMigration {
  if (options === null || typeof options !== 'object') {
    throw invalid('options', 'must give from and to (the two dates)');
  }
  const customerColumn = options.customer ?? 'customer';
  const dateColumn = options.date ?? 'date';
  const amountColumn = options.amount ?? 'amount';
  const fromDay = dayNumber(options.from, 'from');
  const toDay = dayNumber(options.to, 'to');
  if (!(fromDay < toDay)) {
    throw invalid('from', `(${isoDate(fromDay)}) must be before to (${isoDate(toDay)})`);
  }
  const idColumn = inputColumn(transactions, customerColumn, 'customer');
  const days = dayNumbers(inputColumn(transactions, dateColumn, 'date'), dateColumn);
  const amounts = numbersOf(inputColumn(transactions, amountColumn, 'amount'), amountColumn, 'amount');
  const n = days.length;
  if (n === 0) throw invalid('transactions', 'must contain at least one row');
  const ids = new Array<unknown>(n);
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    if (isBlank(idColumn[i])) {
      throw blankCell({ argument: 'customer', column: customerColumn, row: i + 1 });
    }
    ids[i] = idColumn[i];
    if (days[i] < first) first = days[i];
    if (days[i] > last) last = days[i];
  }
  if (fromDay < first) {
    throw invalid('from', `(${isoDate(fromDay)}) is before the first transaction (${isoDate(first)})`);
  }
  if (toDay > last) {
    throw invalid('to', `(${isoDate(toDay)}) is after the last transaction (${isoDate(last)})`);
  }

  const before = segmentsAsOf(ids, days, amounts, fromDay, options);
  const after = segmentsAsOf(ids, days, amounts, toDay, options);
  const customers = [...after.keys()];
  const index = new Map<unknown, number>();
  customers.forEach((customer, k) => index.set(customer, k));
  const spending = new GroupedSum(customers.length);
  for (let i = 0; i < n; i++) {
    if (days[i] > fromDay && days[i] <= toDay) spending.add(index.get(ids[i]) as number, amounts[i]);
  }
  const spend = spending.result();
  const fromSegment = customers.map((customer) => before.get(customer) ?? NEW_CUSTOMERS);
  const toSegment = customers.map((customer) => after.get(customer) as string);

  const rules = options.rules ?? DEFAULT_RFM_RULES;
  const fromOrder = ordered(new Set(fromSegment), rules);
  const toOrder = ordered(new Set(toSegment), rules);
  const rowOf = new Map(fromOrder.map((name, r) => [name, r]));
  const columnOf = new Map(toOrder.map((name, c) => [name, c]));
  const cells = fromOrder.length * toOrder.length;
  const counts = new Int32Array(cells);
  const spendByCell: number[][] = Array.from({ length: cells }, () => []);
  customers.forEach((_, k) => {
    const cell = (rowOf.get(fromSegment[k]) as number) * toOrder.length + (columnOf.get(toSegment[k]) as number);
    counts[cell]++;
    spendByCell[cell].push(spend[k]);
  });
  const matrix = aq.table({
    from: fromOrder.flatMap((a) => toOrder.map(() => a)),
    to: fromOrder.flatMap(() => toOrder),
    customers: counts,
    spend: Float64Array.from(spendByCell, (values) => sum(values)),
  });
  return {
    matrix,
    customers: aq.table({ customer: customers, fromSegment, toSegment, spend }),
    segments: { from: fromOrder, to: toOrder },
    from: isoDate(fromDay),
    to: isoDate(toDay),
  };
}
