/** RFM summary SQL as text per dialect (DuckDB and PostgreSQL run live in engines.test.ts). */
import { rfmSummaryCountsSql, rfmSummarySql } from '../../../src/core/sql/rfm-summary-sql.ts';
import { errorOf } from '../error-of.ts';

describe('rfmSummarySql as text', () => {
  test('recency in whole days per dialect; asOf as a DATE literal or the table’s last day', () => {
    const options = { table: 'orders', asOf: '2024-01-31' };
    expect(rfmSummarySql({ ...options, dialect: 'spark' })).toContain('DATEDIFF(MAX(a.cvk_as_of_day), MAX(c.cvk_day)) AS `recency`');
    expect(rfmSummarySql({ ...options, dialect: 'bigquery' })).toContain(
      'DATE_DIFF(MAX(a.cvk_as_of_day), MAX(c.cvk_day), DAY) AS `recency`',
    );
    expect(rfmSummarySql({ ...options, dialect: 'snowflake' })).toContain(
      'DATEDIFF(day, MAX(c.cvk_day), MAX(a.cvk_as_of_day)) AS "recency"',
    );
    expect(rfmSummarySql({ ...options, dialect: 'postgres' })).toContain('CAST(SUM(c.cvk_amount) AS DOUBLE PRECISION) AS "monetary"');
    expect(rfmSummarySql(options)).toContain("SELECT DATE '2024-01-31' AS cvk_as_of_day");
    expect(rfmSummarySql({ table: 'orders' })).toContain('SELECT MAX(cvk_day) AS cvk_as_of_day FROM cvk_clean');
    expect(rfmSummarySql({ table: 'orders', asOf: '' })).toContain('SELECT MAX(cvk_day) AS cvk_as_of_day FROM cvk_clean');
    expect(rfmSummaryCountsSql({ ...options, dialect: 'bigquery' })).toContain('AS `after_end_rows`');
  });

  test('bad options name the option', () => {
    expect(errorOf(() => rfmSummarySql({ table: 'orders', asOf: 'yesterday' })).argument).toBe('asOf');
    expect(errorOf(() => rfmSummarySql({ table: 'o', customer: 'a`b', dialect: 'bigquery' })).argument).toBe('customer');
    expect(errorOf(() => rfmSummaryCountsSql({ table: '' })).argument).toBe('table');
    expect(errorOf(() => rfmSummarySql(undefined as never)).argument).toBe('options');
  });
});
