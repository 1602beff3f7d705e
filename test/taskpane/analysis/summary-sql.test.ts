import { customerSummarySql, rfmSummarySql } from '../../../src/core/index.ts';
import { DIALECT_OPTIONS, summarySqlFor } from '../../../src/taskpane/analysis/summary-sql.ts';

const mapping = { customer: 'Customer ID', date: 'Order "Date"', amount: 'Amount' };

describe('summarySqlFor (the pane\'s "Get the SQL")', () => {
  test('the core query with the mapping\'s columns and a dotted table name as schema.table', () => {
    const result = summarySqlFor({ kind: 'customer-summary', dialect: 'postgres', table: ' sales.orders ', mapping, date: '1997-09-30' });
    expect(result.sql).toBe(
      customerSummarySql({
        table: ['sales', 'orders'],
        customer: 'Customer ID',
        date: 'Order "Date"',
        amount: 'Amount',
        calibrationEnd: '1997-09-30',
        timeUnit: 'week',
        dialect: 'postgres',
      }),
    );
    expect(result.sql).toContain('FROM "sales"."orders"');
    expect(result.sql).toContain('CAST("Order ""Date""" AS DATE)');
    const rfm = summarySqlFor({ kind: 'rfm-summary', dialect: 'bigquery', table: 'p.s.t', mapping, date: '' });
    expect(rfm.sql).toBe(rfmSummarySql({ table: ['p', 's', 't'], customer: 'Customer ID', date: 'Order "Date"', amount: 'Amount', dialect: 'bigquery' }));
  });

  test('what to fix first, in words', () => {
    const base = { kind: 'customer-summary' as const, dialect: 'duckdb' as const, table: 'orders', mapping, date: '1997-09-30' };
    expect(summarySqlFor({ ...base, table: '  ' }).problem).toBe('Type the name of the table that holds the transactions.');
    expect(summarySqlFor({ ...base, mapping: { ...mapping, amount: null } }).problem).toBe('Choose the amount column above.');
    expect(summarySqlFor({ ...base, date: '' }).problem).toBe(
      'Type the calibration end above (yyyy-mm-dd): the query counts purchases up to it.',
    );
    expect(summarySqlFor({ ...base, date: 'soon' }).problem).toMatch(/^calibrationEnd is not a date \(got "soon"\)/);
    expect(summarySqlFor({ ...base, table: 'sales..orders' }).problem).toBe('table: item 2 must be a non-empty name (got "")');
    expect(summarySqlFor({ ...base, dialect: 'bigquery', mapping: { ...mapping, customer: 'a`b' } }).problem).toBe(
      'customer contains a backtick or backslash, which bigquery names cannot contain (got "a`b")',
    );
  });

  test('the picker lists every dialect the core writes', () => {
    expect(DIALECT_OPTIONS.map((o) => o.value)).toEqual(['duckdb', 'postgres', 'spark', 'bigquery', 'snowflake']);
  });
});
