/**
 * The compressed customer summary as SQL: the database that holds the transactions sends back
 * only what the fits need — the distinct (x, t_x, T) rows with their counts for BG/NBD and
 * Pareto/NBD, and the distinct (x, monetary) pairs of repeat buyers with their counts for
 * Gamma-Gamma — a few hundred thousand rows for millions of customers.
 */
import { customerSummaryParts, type CustomerSummarySqlOptions } from './customer-summary-sql.ts';
import { quoteIdentifier } from './dialect.ts';

/** The value of the `part` column on rows for the purchase-process fits (`compressSummary`). */
export const PURCHASES_PART = 'purchases';
/** The value of the `part` column on rows for the Gamma-Gamma fit (`compressSpend`). */
export const SPEND_PART = 'spend';

/**
 * SQL whose result is, in one pass over the transactions, both compressed summaries of
 * `customerSummary`'s table for the same options, told apart by the column `part`:
 *
 * - `part = 'purchases'`: the distinct (x, t_x, T) with `count` customers each — the rows of
 *   `compressSummary(customerSummary(…))`; `monetary` is NULL;
 * - `part = 'spend'`: the repeat buyers' (x > 0) distinct (x, monetary) with `count` customers
 *   each — the rows of `compressSpend(customerSummary(…))`; `t_x` and `T` are NULL.
 *
 * Columns `part, x, t_x, T, monetary, count`, ordered by them. `splitCompressedSummary` turns
 * the result into the two tables `fitBgNbd`, `fitParetoNbd` and `fitGammaGamma` take. The query
 * is `customerSummarySql`'s (same rules, same checks and quoting) with one `GROUP BY GROUPING
 * SETS` over its rows, so the engine never returns one row per customer. `holdoutEnd`, if given,
 * is checked but does not change the result (the fits use the calibration period only), so the
 * same options serve both queries. t_x is 0 where x = 0, as in `compressSummary`.
 *
 * @param options as `customerSummarySql`
 * @returns the SQL text (one SELECT statement, no trailing semicolon)
 * @throws {InputError} as `customerSummarySql`
 * @example compressedSummarySql({ table: 'orders', calibrationEnd: '1997-09-30', dialect: 'postgres' }).includes('GROUPING SETS'); // => true
 */
export function compressedSummarySql(options: CustomerSummarySqlOptions): string {
  // Checks every option, the holdout end included; then builds without the holdout columns.
  customerSummaryParts(options);
  const { dialect, ctes, columns } = customerSummaryParts({ ...options, holdoutEnd: undefined });
  const expression = (name: string): string => columns.find((column) => column.name === name)!.expression;
  const q = (name: string): string => quoteIdentifier(dialect, name, 'column');
  const summary = [
    'cvk_summary AS (',
    '  -- one row per customer, as customerSummarySql returns it',
    `  SELECT ${expression('x')} AS cvk_x,`,
    `    ${expression('t_x')} AS cvk_t_x,`,
    `    ${expression('T')} AS cvk_age,`,
    `    ${expression('monetary')} AS cvk_monetary`,
    '  FROM cvk_customers',
    ')',
  ].join('\n');
  return [
    `WITH ${[...ctes, summary].join(',\n')}`,
    `SELECT CASE WHEN GROUPING(cvk_monetary) = 1 THEN '${PURCHASES_PART}' ELSE '${SPEND_PART}' END AS ${q('part')},`,
    `  cvk_x AS ${q('x')},`,
    `  cvk_t_x AS ${q('t_x')},`,
    `  cvk_age AS ${q('T')},`,
    `  cvk_monetary AS ${q('monetary')},`,
    `  COUNT(*) AS ${q('count')}`,
    'FROM cvk_summary',
    '-- one pass, two groupings: (x, t_x, T) for the purchase fits, (x, monetary) for Gamma-Gamma',
    'GROUP BY GROUPING SETS ((cvk_x, cvk_t_x, cvk_age), (cvk_x, cvk_monetary))',
    // Customers without repeat purchases carry no spend information (compressSpend drops them).
    'HAVING GROUPING(cvk_monetary) = 1 OR cvk_x > 0',
    `ORDER BY ${['part', 'x', 't_x', 'T', 'monetary'].map(q).join(', ')}`,
  ].join('\n');
}
