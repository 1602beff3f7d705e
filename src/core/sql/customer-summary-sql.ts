/**
 * `customerSummary` as SQL: the same (x, t_x, T, monetary) per customer, computed by the database
 * that holds the transactions, for logs too big to bring into a workbook or a notebook.
 */
import { invalid, mustBe, notOneOf, required } from '../messages.ts';
import { dayNumber } from '../time/day-number.ts';
import { daysPerUnit, type TimeUnit } from '../time/time-unit.ts';
import { asDouble, dateLiteral, dayDiff, doubleLiteral, quoteIdentifier, valueAtMin, type SqlDialect } from './dialect.ts';
import {
  cleanTransactions,
  quotedSource,
  rowCounts,
  type QuotedSource,
  type TransactionSourceOptions,
} from './transaction-source.ts';

export interface CustomerSummarySqlOptions extends TransactionSourceOptions {
  /** Last day of the calibration period (purchases on it count). */
  calibrationEnd: unknown;
  /** Last day of the holdout period; adds `x_holdout` and `monetary_holdout`. */
  holdoutEnd?: unknown;
  /** Unit of t_x and T. Default `'week'` (7 days); `'month'` is 365.25/12 days. */
  timeUnit?: TimeUnit;
  /** As `customerSummary`: `'count'` (default) keeps customer-days that net to ≤ 0, `'drop'` removes them. */
  nonPositive?: 'count' | 'drop';
}

interface Plan {
  source: QuotedSource;
  /** The `cvk_clean` and `cvk_occasions` common table expressions. */
  ctes: string[];
  calibrationEnd: string;
  /** The holdout end, or the calibration end without a holdout: rows after it are ignored. */
  lastEnd: string;
  hasHoldout: boolean;
  unitDays: number;
}

/** The checked options and the common table expressions both queries start with. */
function plan(options: CustomerSummarySqlOptions): Plan {
  if (options === null || typeof options !== 'object') {
    throw mustBe('options', 'an object with at least table and calibrationEnd');
  }
  const source = quotedSource(options);
  if (options.calibrationEnd === undefined || options.calibrationEnd === null) {
    throw required('calibrationEnd', ' (the last day of the calibration period)');
  }
  const calibrationEnd = dateLiteral(options.calibrationEnd, 'calibrationEnd');
  const hasHoldout = options.holdoutEnd !== undefined && options.holdoutEnd !== null;
  const holdoutEnd = hasHoldout ? dateLiteral(options.holdoutEnd, 'holdoutEnd') : calibrationEnd;
  if (hasHoldout && dayNumber(options.holdoutEnd, 'holdoutEnd') <= dayNumber(options.calibrationEnd, 'calibrationEnd')) {
    throw invalid('holdoutEnd', 'must be after calibrationEnd');
  }
  const unitDays = daysPerUnit(options.timeUnit ?? 'week', 'timeUnit');
  const policy = options.nonPositive ?? 'count';
  if (policy !== 'count' && policy !== 'drop') {
    throw notOneOf('nonPositive', ['count', 'drop'], policy);
  }
  const occasions = [
    'cvk_occasions AS (',
    '  -- a purchase occasion is a customer-day; its value is the sum of its rows',
    '  SELECT cvk_customer, cvk_day, SUM(cvk_amount) AS cvk_value',
    '  FROM cvk_clean',
    `  WHERE cvk_day <= ${holdoutEnd}`,
    '  GROUP BY cvk_customer, cvk_day',
    ...(policy === 'drop' ? ['  HAVING SUM(cvk_amount) > 0'] : []),
    ')',
  ].join('\n');
  return { source, ctes: [cleanTransactions(source), occasions], calibrationEnd, lastEnd: holdoutEnd, hasHoldout, unitDays };
}

/**
 * SQL whose result is `customerSummary`'s table for the same transactions: columns `customer,
 * x, t_x, T, monetary` (and `x_holdout, monetary_holdout` with `holdoutEnd`), one row per
 * customer, ordered by customer.
 *
 * The rules are the core's: all rows of a customer on one day are one purchase occasion worth
 * their sum; x counts the occasions after the first one up to `calibrationEnd` (purchases on
 * it count); t_x and T run from the first purchase day to the last one and to `calibrationEnd`,
 * in `timeUnit`; monetary is the mean value of the repeat occasions (0 when x = 0); the holdout
 * columns count the occasions in (calibrationEnd, holdoutEnd] and their mean value. Rows after
 * the last end date are ignored, and customers whose first purchase is after `calibrationEnd`
 * are not in the result. Rows with a NULL customer, date or amount are left out;
 * `customerSummaryCountsSql` counts them. Amounts are summed as DECIMAL(38, 9), so totals are
 * exact and identical on every engine; dates are cast to DATE (a timestamp counts on its day in
 * the session's time zone).
 *
 * Names are quoted for the dialect and dates written as `DATE 'yyyy-mm-dd'` literals: no option
 * can change the query's structure. O(size of the options); the query itself is two GROUP BYs
 * (customer-day, then customer) and no join.
 *
 * @param options table and column names, calibration and holdout end dates, time unit, dialect
 * @returns the SQL text (one SELECT statement, no trailing semicolon)
 * @throws {InputError} for a bad name, a missing or bad end date, a holdout end not after the
 *   calibration end, an unknown time unit, policy or dialect
 * @example customerSummarySql({ table: 'orders', calibrationEnd: '1997-09-30', dialect: 'postgres' });
 * // => 'WITH cvk_clean AS (\n  SELECT "customer" AS cvk_customer, …' (x, t_x, T in weeks)
 */
export function customerSummarySql(options: CustomerSummarySqlOptions): string {
  const { dialect, ctes, columns } = customerSummaryParts(options);
  const q = (name: string): string => quoteIdentifier(dialect, name, 'column');
  return [
    `WITH ${ctes.join(',\n')}`,
    `SELECT ${columns.map(({ name, expression }) => `${expression} AS ${q(name)}`).join(',\n  ')}`,
    'FROM cvk_customers',
    'ORDER BY cvk_customer',
  ].join('\n');
}

/** The pieces of the summary query, for `customerSummarySql` and queries built over it. */
export interface CustomerSummaryParts {
  dialect: SqlDialect;
  /** The common table expressions, the last one `cvk_customers` (one row per customer). */
  ctes: string[];
  /** The result's columns (`customer`, `x`, …) as expressions over `cvk_customers`. */
  columns: Array<{ name: string; expression: string }>;
}

/**
 * The common table expressions and column expressions of `customerSummarySql`, checked as it
 * checks them; `compressedSummarySql` groups the same columns instead of listing them.
 *
 * @throws {InputError} as `customerSummarySql`
 */
export function customerSummaryParts(options: CustomerSummarySqlOptions): CustomerSummaryParts {
  const { source, ctes, calibrationEnd, hasHoldout, unitDays } = plan(options);
  const dialect = source.dialect;
  const inUnits = (start: string, end: string): string => {
    const days = asDouble(dialect, dayDiff(dialect, start, end));
    return unitDays === 1 ? days : `${days} / ${doubleLiteral(dialect, unitDays, 'timeUnit')}`;
  };
  const isCalibration = `cvk_day <= ${calibrationEnd}`;
  const isHoldout = `cvk_day > ${calibrationEnd}`;
  // One pass over the occasions, no join: the first day is the smallest (a customer whose first
  // day is after calibrationEnd is left out by the HAVING), and the repeat value is the
  // calibration total less the first day's value.
  const perCustomer = [
    'cvk_customers AS (',
    '  SELECT cvk_customer,',
    '    MIN(cvk_day) AS cvk_first_day,',
    `    MAX(CASE WHEN ${isCalibration} THEN cvk_day END) AS cvk_last_day,`,
    `    COUNT(CASE WHEN ${isCalibration} THEN 1 END) - 1 AS cvk_x,`,
    `    SUM(CASE WHEN ${isCalibration} THEN cvk_value END) - ${valueAtMin(dialect, 'cvk_value', 'cvk_day')} AS cvk_repeat_value${hasHoldout ? ',' : ''}`,
    ...(hasHoldout
      ? [
          `    COUNT(CASE WHEN ${isHoldout} THEN 1 END) AS cvk_x_holdout,`,
          `    SUM(CASE WHEN ${isHoldout} THEN cvk_value END) AS cvk_holdout_value`,
        ]
      : []),
    '  FROM cvk_occasions',
    '  GROUP BY cvk_customer',
    `  HAVING MIN(cvk_day) <= ${calibrationEnd}`,
    ')',
  ].join('\n');
  const mean = (total: string, count: string): string =>
    `CASE WHEN ${count} > 0 THEN ${asDouble(dialect, total)} / ${count} ELSE 0 END`;
  const columns = [
    { name: 'customer', expression: 'cvk_customer' },
    { name: 'x', expression: 'cvk_x' },
    { name: 't_x', expression: inUnits('cvk_first_day', 'cvk_last_day') },
    { name: 'T', expression: inUnits('cvk_first_day', calibrationEnd) },
    { name: 'monetary', expression: mean('cvk_repeat_value', 'cvk_x') },
    ...(hasHoldout
      ? [
          { name: 'x_holdout', expression: 'cvk_x_holdout' },
          { name: 'monetary_holdout', expression: mean('cvk_holdout_value', 'cvk_x_holdout') },
        ]
      : []),
  ];
  return { dialect, ctes: [...ctes, perCustomer], columns };
}

/**
 * SQL for one row that says what `customerSummarySql` left out and why: `rows` in the table;
 * `null_customer`, `null_date`, `null_amount` (rows with a NULL there; a row may count in
 * several); `incomplete_rows` (rows with any NULL, left out); `after_end_rows` (complete rows
 * after the last end date, ignored); `used_rows`; `customers` (rows of the summary);
 * `late_customers` (first purchase after `calibrationEnd`, left out as the core does). Read it
 * with `checkSummaryCounts`, which turns an empty table into a clear error.
 *
 * @param options the same options as `customerSummarySql`
 * @returns the SQL text of a one-row query
 * @throws {InputError} as `customerSummarySql`
 * @example customerSummaryCountsSql({ table: 'orders', calibrationEnd: '1997-09-30' });
 * // => 'WITH cvk_clean AS (…' → one row: rows, null_customer, …, late_customers
 */
export function customerSummaryCountsSql(options: CustomerSummarySqlOptions): string {
  const { source, ctes, calibrationEnd, lastEnd } = plan(options);
  const q = (name: string): string => quoteIdentifier(source.dialect, name, 'column');
  return [
    `WITH ${[...ctes, rowCounts(source)].join(',\n')},`,
    'cvk_clean_counts AS (',
    '  SELECT COUNT(*) AS cvk_complete,',
    `    COUNT(CASE WHEN cvk_day <= ${lastEnd} THEN 1 END) AS cvk_used`,
    '  FROM cvk_clean',
    '),',
    'cvk_firsts AS (',
    '  SELECT cvk_customer, MIN(cvk_day) AS cvk_first_day FROM cvk_occasions GROUP BY cvk_customer',
    '),',
    'cvk_customer_counts AS (',
    `  SELECT COUNT(CASE WHEN cvk_first_day <= ${calibrationEnd} THEN 1 END) AS cvk_customers,`,
    `    COUNT(CASE WHEN cvk_first_day > ${calibrationEnd} THEN 1 END) AS cvk_late_customers`,
    '  FROM cvk_firsts',
    ')',
    `SELECT r.cvk_rows AS ${q('rows')},`,
    `  r.cvk_null_customer AS ${q('null_customer')},`,
    `  r.cvk_null_date AS ${q('null_date')},`,
    `  r.cvk_null_amount AS ${q('null_amount')},`,
    `  r.cvk_rows - c.cvk_complete AS ${q('incomplete_rows')},`,
    `  c.cvk_complete - c.cvk_used AS ${q('after_end_rows')},`,
    `  c.cvk_used AS ${q('used_rows')},`,
    `  n.cvk_customers AS ${q('customers')},`,
    `  n.cvk_late_customers AS ${q('late_customers')}`,
    'FROM cvk_row_counts r CROSS JOIN cvk_clean_counts c CROSS JOIN cvk_customer_counts n',
  ].join('\n');
}
