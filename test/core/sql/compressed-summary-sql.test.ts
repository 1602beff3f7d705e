/**
 * The compressed summary SQL as text per dialect (DuckDB and PostgreSQL also run it live in
 * engines.test.ts, against `compressSummary` and `compressSpend` of the core's summary).
 */
import { compressedSummarySql } from '../../../src/core/sql/compressed-summary-sql.ts';
import { customerSummarySql } from '../../../src/core/sql/customer-summary-sql.ts';
import { SQL_DIALECTS } from '../../../src/core/sql/dialect.ts';
import { errorOf } from '../error-of.ts';

const base = { table: ['shop', 'orders'], calibrationEnd: '1997-09-30' };

describe('compressedSummarySql as text', () => {
  test("the summary query's steps, then one GROUP BY GROUPING SETS over its rows", () => {
    const sql = compressedSummarySql(base);
    const summary = customerSummarySql(base);
    // Everything up to the per-customer step is the summary query's own text.
    const steps = summary.slice(0, summary.indexOf('\nSELECT cvk_customer AS'));
    expect(sql.startsWith(steps + ',\ncvk_summary AS (')).toBe(true);
    expect(sql).toContain("CAST(DATE_DIFF('day', cvk_first_day, DATE '1997-09-30') AS DOUBLE) / CAST(7 AS DOUBLE) AS cvk_age");
    expect(sql).toContain('GROUP BY GROUPING SETS ((cvk_x, cvk_t_x, cvk_age), (cvk_x, cvk_monetary))');
    expect(sql).toContain('HAVING GROUPING(cvk_monetary) = 1 OR cvk_x > 0');
    expect(sql).toContain(`SELECT CASE WHEN GROUPING(cvk_monetary) = 1 THEN 'purchases' ELSE 'spend' END AS "part"`);
    expect(sql).toContain('COUNT(*) AS "count"');
    expect(sql.endsWith('ORDER BY "part", "x", "t_x", "T", "monetary"')).toBe(true);
    expect(sql).not.toContain('cvk_customer AS "customer"');
  });

  test('per dialect: its quoting and date arithmetic, the same grouping', () => {
    const spark = compressedSummarySql({ ...base, dialect: 'spark' });
    expect(spark).toContain('FROM `shop`.`orders`');
    expect(spark).toContain("CAST(DATEDIFF(DATE '1997-09-30', cvk_first_day) AS DOUBLE) / CAST(7 AS DOUBLE) AS cvk_age");
    expect(spark).toContain('COUNT(*) AS `count`');
    const bigquery = compressedSummarySql({ ...base, dialect: 'bigquery', timeUnit: 'month' });
    expect(bigquery).toContain("CAST(DATE_DIFF(DATE '1997-09-30', cvk_first_day, DAY) AS FLOAT64) / CAST(30.4375 AS FLOAT64) AS cvk_age");
    expect(bigquery).toContain('ORDER BY `part`, `x`, `t_x`, `T`, `monetary`');
    const snowflake = compressedSummarySql({ ...base, dialect: 'snowflake', timeUnit: 'day' });
    expect(snowflake).toContain("CAST(DATEDIFF(day, cvk_first_day, DATE '1997-09-30') AS DOUBLE) AS cvk_age");
    const postgres = compressedSummarySql({ ...base, dialect: 'postgres' });
    expect(postgres).toContain('(ARRAY_AGG(cvk_value ORDER BY cvk_day))[1]');
    for (const dialect of SQL_DIALECTS) {
      expect(compressedSummarySql({ ...base, dialect })).toContain('GROUP BY GROUPING SETS ((cvk_x, cvk_t_x, cvk_age), (cvk_x, cvk_monetary))');
    }
  });

  test('holdoutEnd is checked but changes nothing; nonPositive drop is kept', () => {
    expect(compressedSummarySql({ ...base, holdoutEnd: '1998-06-30' })).toBe(compressedSummarySql(base));
    expect(compressedSummarySql(base)).toContain("WHERE cvk_day <= DATE '1997-09-30'\n  GROUP BY cvk_customer, cvk_day");
    expect(errorOf(() => compressedSummarySql({ ...base, holdoutEnd: '1997-01-01' })).message).toBe(
      'holdoutEnd must be after calibrationEnd',
    );
    expect(errorOf(() => compressedSummarySql({ ...base, holdoutEnd: 'later' })).argument).toBe('holdoutEnd');
    expect(compressedSummarySql({ ...base, nonPositive: 'drop' })).toContain('HAVING SUM(cvk_amount) > 0');
  });

  test('a hostile name appears only quoted, every dialect', () => {
    for (const dialect of SQL_DIALECTS) {
      const q = dialect === 'spark' || dialect === 'bigquery' ? '`' : '"';
      const name = `x${q === '"' ? '"' : ''}; DROP TABLE t; --`;
      const quoted = q + name.split(q).join(q + q) + q;
      const sql = compressedSummarySql({ table: name, customer: name, date: name, amount: name, calibrationEnd: '1997-09-30', dialect });
      expect(sql.split(quoted).join('')).not.toContain('DROP TABLE');
    }
  });

  test('bad options name the option', () => {
    expect(errorOf(() => compressedSummarySql({ table: 'orders' } as never)).argument).toBe('calibrationEnd');
    expect(errorOf(() => compressedSummarySql({ ...base, timeUnit: 'year' as never })).argument).toBe('timeUnit');
    expect(errorOf(() => compressedSummarySql({ ...base, dialect: 'oracle' as never })).argument).toBe('dialect');
    expect(errorOf(() => compressedSummarySql({ ...base, amount: '' })).argument).toBe('amount');
    expect(errorOf(() => compressedSummarySql(null as never)).argument).toBe('options');
  });
});
