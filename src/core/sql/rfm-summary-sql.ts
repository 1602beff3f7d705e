/**
 * `rfmSummary` as SQL: recency, frequency and monetary value per customer, computed by the
 * database that holds the transactions.
 */
import { mustBe } from '../messages.ts';
import { asDouble, dateLiteral, dayDiff, quoteIdentifier } from './dialect.ts';
import {
  cleanTransactions,
  quotedSource,
  rowCounts,
  type QuotedSource,
  type TransactionSourceOptions,
} from './transaction-source.ts';

export interface RfmSummarySqlOptions extends TransactionSourceOptions {
  /** The analysis date recency is counted to (default: the last transaction day in the table). */
  asOf?: unknown;
}

interface Plan {
  source: QuotedSource;
  /** `cvk_clean` and `cvk_as_of` (one row: the analysis day). */
  ctes: string[];
}

function plan(options: RfmSummarySqlOptions): Plan {
  if (options === null || typeof options !== 'object') {
    throw mustBe('options', 'an object with at least table');
  }
  const source = quotedSource(options);
  const hasAsOf = options.asOf !== undefined && options.asOf !== null && options.asOf !== '';
  const asOf = hasAsOf
    ? `SELECT ${dateLiteral(options.asOf, 'asOf')} AS cvk_as_of_day`
    : 'SELECT MAX(cvk_day) AS cvk_as_of_day FROM cvk_clean';
  return { source, ctes: [cleanTransactions(source), `cvk_as_of AS (\n  ${asOf}\n)`] };
}

/**
 * SQL whose result is `rfmSummary`'s table for the same transactions: columns `customer,
 * recency, frequency, monetary`, one row per customer, ordered by customer. `recency` = days
 * from the customer's last purchase day to `asOf` (an integer; default `asOf`: the last day in
 * the table), `frequency` = rows (several rows on one day count separately), `monetary` = total
 * amount, summed exactly as DECIMAL(38, 9) and returned as a double.
 *
 * Differences from the core, where a database cannot stop with an error: rows with a NULL
 * customer, date or amount are left out, and so are rows after `asOf` (the core refuses them);
 * `rfmSummaryCountsSql` counts both. Names are quoted for the dialect and `asOf` is written as
 * a `DATE 'yyyy-mm-dd'` literal: no option can change the query's structure.
 *
 * @param options table and column names, `asOf`, dialect
 * @returns the SQL text (one SELECT statement, no trailing semicolon)
 * @throws {InputError} for a bad name, a bad `asOf` or an unknown dialect
 * @example rfmSummarySql({ table: 'orders', asOf: '2024-01-31', dialect: 'bigquery' });
 * // => 'WITH cvk_clean AS (\n  SELECT `customer` AS cvk_customer, …'
 */
export function rfmSummarySql(options: RfmSummarySqlOptions): string {
  const { source, ctes } = plan(options);
  const dialect = source.dialect;
  const q = (name: string): string => quoteIdentifier(dialect, name, 'column');
  return [
    `WITH ${ctes.join(',\n')}`,
    `SELECT c.cvk_customer AS ${q('customer')},`,
    `  ${dayDiff(dialect, 'MAX(c.cvk_day)', 'MAX(a.cvk_as_of_day)')} AS ${q('recency')},`,
    `  COUNT(*) AS ${q('frequency')},`,
    `  ${asDouble(dialect, 'SUM(c.cvk_amount)')} AS ${q('monetary')}`,
    'FROM cvk_clean c CROSS JOIN cvk_as_of a',
    'WHERE c.cvk_day <= a.cvk_as_of_day',
    'GROUP BY c.cvk_customer',
    'ORDER BY c.cvk_customer',
  ].join('\n');
}

/**
 * SQL for one row that says what `rfmSummarySql` left out: `rows`, `null_customer`,
 * `null_date`, `null_amount`, `incomplete_rows` (as in `customerSummaryCountsSql`),
 * `after_end_rows` (complete rows after `asOf`), `used_rows` and `customers`. Read it with
 * `checkSummaryCounts`.
 *
 * @param options the same options as `rfmSummarySql`
 * @returns the SQL text of a one-row query
 * @throws {InputError} as `rfmSummarySql`
 * @example rfmSummaryCountsSql({ table: 'orders', asOf: '2024-01-31' });
 * // => 'WITH cvk_clean AS (…' → one row: rows, null_customer, …, customers
 */
export function rfmSummaryCountsSql(options: RfmSummarySqlOptions): string {
  const { source, ctes } = plan(options);
  const q = (name: string): string => quoteIdentifier(source.dialect, name, 'column');
  return [
    `WITH ${[...ctes, rowCounts(source)].join(',\n')},`,
    'cvk_clean_counts AS (',
    '  SELECT COUNT(*) AS cvk_complete,',
    '    COUNT(CASE WHEN c.cvk_day <= a.cvk_as_of_day THEN 1 END) AS cvk_used,',
    '    COUNT(DISTINCT CASE WHEN c.cvk_day <= a.cvk_as_of_day THEN c.cvk_customer END) AS cvk_customers',
    '  FROM cvk_clean c CROSS JOIN cvk_as_of a',
    ')',
    `SELECT r.cvk_rows AS ${q('rows')},`,
    `  r.cvk_null_customer AS ${q('null_customer')},`,
    `  r.cvk_null_date AS ${q('null_date')},`,
    `  r.cvk_null_amount AS ${q('null_amount')},`,
    `  r.cvk_rows - c.cvk_complete AS ${q('incomplete_rows')},`,
    `  c.cvk_complete - c.cvk_used AS ${q('after_end_rows')},`,
    `  c.cvk_used AS ${q('used_rows')},`,
    `  c.cvk_customers AS ${q('customers')}`,
    'FROM cvk_row_counts r CROSS JOIN cvk_clean_counts c',
  ].join('\n');
}
