/**
 * The SQL text per dialect (DuckDB and PostgreSQL also run live in engines.test.ts; Spark,
 * BigQuery and Snowflake are checked here as text: their quoting, date arithmetic and types).
 */
import { customerSummaryCountsSql, customerSummarySql } from '../../../src/core/sql/customer-summary-sql.ts';
import { SQL_DIALECTS } from '../../../src/core/sql/dialect.ts';
import { errorOf } from '../error-of.ts';

const base = { table: ['shop', 'orders'], calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30' };

describe('customerSummarySql as text', () => {
  test('Spark: backticks, DATEDIFF(end, start), DOUBLE and DECIMAL(38, 9)', () => {
    const sql = customerSummarySql({ ...base, customer: 'cust id', dialect: 'spark' });
    expect(sql).toContain('FROM `shop`.`orders`');
    expect(sql).toContain('SELECT `cust id` AS cvk_customer');
    expect(sql).toContain('CAST(`amount` AS DECIMAL(38, 9)) AS cvk_amount');
    expect(sql).toContain("CAST(DATEDIFF(DATE '1997-09-30', cvk_first_day) AS DOUBLE) / CAST(7 AS DOUBLE) AS `T`");
    expect(sql).toContain('CAST(DATEDIFF(cvk_last_day, cvk_first_day) AS DOUBLE) / CAST(7 AS DOUBLE) AS `t_x`');
    expect(sql).toContain("WHERE cvk_day <= DATE '1998-06-30'");
    expect(sql).toContain('AS `monetary_holdout`');
    expect(sql).toContain('MIN_BY(cvk_value, cvk_day) AS cvk_repeat_value');
  });

  test('BigQuery: backticks, DATE_DIFF(end, start, DAY), FLOAT64 and NUMERIC', () => {
    const sql = customerSummarySql({ ...base, table: ['project', 'shop', 'orders'], dialect: 'bigquery', timeUnit: 'month' });
    expect(sql).toContain('FROM `project`.`shop`.`orders`');
    expect(sql).toContain("CAST(DATE_DIFF(DATE '1997-09-30', cvk_first_day, DAY) AS FLOAT64) / CAST(30.4375 AS FLOAT64) AS `T`");
    expect(sql).toContain('CAST(`amount` AS NUMERIC) AS cvk_amount');
    expect(sql).toContain('ANY_VALUE(cvk_value HAVING MIN cvk_day) AS cvk_repeat_value');
    expect(sql).toContain('CASE WHEN cvk_x > 0 THEN CAST(cvk_repeat_value AS FLOAT64) / cvk_x ELSE 0 END AS `monetary`');
  });

  test('Snowflake: double quotes (case-sensitive), DATEDIFF(day, start, end), NUMBER(38, 9)', () => {
    const sql = customerSummarySql({ ...base, customer: 'CUSTOMER_ID', dialect: 'snowflake', timeUnit: 'day' });
    expect(sql).toContain('FROM "shop"."orders"');
    expect(sql).toContain('SELECT "CUSTOMER_ID" AS cvk_customer');
    expect(sql).toContain("CAST(DATEDIFF(day, cvk_first_day, DATE '1997-09-30') AS DOUBLE) AS \"T\"");
    expect(sql).toContain('CAST("amount" AS NUMBER(38, 9))');
    expect(sql).toContain('MIN_BY(cvk_value, cvk_day) AS cvk_repeat_value');
  });

  test('PostgreSQL and DuckDB differ only in date arithmetic and type names', () => {
    const pg = customerSummarySql({ ...base, dialect: 'postgres' });
    const duck = customerSummarySql({ ...base, dialect: 'duckdb' });
    expect(pg).toContain("CAST((DATE '1997-09-30' - cvk_first_day) AS DOUBLE PRECISION) / CAST(7 AS DOUBLE PRECISION) AS \"T\"");
    expect(duck).toContain("CAST(DATE_DIFF('day', cvk_first_day, DATE '1997-09-30') AS DOUBLE) / CAST(7 AS DOUBLE) AS \"T\"");
    expect(customerSummarySql(base)).toBe(duck);
  });

  test('without a holdout: no holdout columns, rows after calibrationEnd ignored; drop adds the HAVING', () => {
    const sql = customerSummarySql({ table: 'orders', calibrationEnd: '1997-09-30' });
    expect(sql).not.toContain('holdout');
    expect(sql).toContain("WHERE cvk_day <= DATE '1997-09-30'\n  GROUP BY cvk_customer, cvk_day");
    expect(sql).not.toContain('HAVING SUM');
    expect(customerSummarySql({ table: 'orders', calibrationEnd: '1997-09-30', nonPositive: 'drop' })).toContain(
      'HAVING SUM(cvk_amount) > 0',
    );
  });

  test('a hostile name appears only quoted, every dialect', () => {
    for (const dialect of SQL_DIALECTS) {
      const q = dialect === 'spark' || dialect === 'bigquery' ? '`' : '"';
      const name = `x${q === '"' ? '"' : ''}; DROP TABLE t; --`;
      const quoted = q + name.split(q).join(q + q) + q;
      const sql = customerSummarySql({ table: name, amount: name, calibrationEnd: '1997-09-30', dialect });
      expect(sql.split(quoted).join('')).not.toContain('DROP TABLE');
      expect(customerSummaryCountsSql({ table: name, calibrationEnd: '1997-09-30', dialect }).split(quoted).join('')).not.toContain(
        'DROP TABLE',
      );
    }
  });

  test('bad options name the option', () => {
    expect(errorOf(() => customerSummarySql({ table: 'orders' } as never)).message).toBe(
      'calibrationEnd is required (the last day of the calibration period)',
    );
    expect(errorOf(() => customerSummarySql({ table: 'orders', calibrationEnd: 'soon' })).argument).toBe('calibrationEnd');
    expect(errorOf(() => customerSummarySql({ ...base, holdoutEnd: '1997-09-30' })).message).toBe(
      'holdoutEnd must be after calibrationEnd',
    );
    expect(errorOf(() => customerSummarySql({ ...base, timeUnit: 'year' as never })).argument).toBe('timeUnit');
    expect(errorOf(() => customerSummaryCountsSql({ ...base, timeUnit: 'year' as never })).argument).toBe('timeUnit');
    expect(errorOf(() => customerSummarySql({ ...base, nonPositive: 'keep' as never })).argument).toBe('nonPositive');
    expect(errorOf(() => customerSummarySql({ ...base, dialect: 'oracle' as never })).argument).toBe('dialect');
    expect(errorOf(() => customerSummarySql({ ...base, date: '' })).message).toBe('date must be a non-empty name (got "")');
    expect(errorOf(() => customerSummarySql(null as never)).argument).toBe('options');
  });
});
