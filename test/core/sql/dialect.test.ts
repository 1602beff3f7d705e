import {
  asDecimal,
  asDouble,
  dateLiteral,
  dayDiff,
  quoteIdentifier,
  quoteTable,
  SQL_DIALECTS,
  sqlDialect,
  valueAtMin,
} from '../../../src/core/sql/dialect.ts';
import { errorOf } from '../error-of.ts';

describe('quoteIdentifier', () => {
  test('double-quote dialects double the double quote; backtick ones double the backtick', () => {
    for (const dialect of ['duckdb', 'postgres', 'snowflake'] as const) {
      expect(quoteIdentifier(dialect, 'customer', 'customer')).toBe('"customer"');
      expect(quoteIdentifier(dialect, 'a"; DROP TABLE t; --', 'customer')).toBe('"a""; DROP TABLE t; --"');
      expect(quoteIdentifier(dialect, 'we`ird /* x', 'customer')).toBe('"we`ird /* x"');
    }
    expect(quoteIdentifier('spark', 'a`; DROP TABLE t; --', 'customer')).toBe('`a``; DROP TABLE t; --`');
    expect(quoteIdentifier('spark', 'say "hi"', 'customer')).toBe('`say "hi"`');
    expect(quoteIdentifier('bigquery', 'order date', 'date')).toBe('`order date`');
  });

  test('a quoted name never closes early: stripping doubled quotes leaves no quote inside', () => {
    const names = ['"', '""', 'a"b', '`', 'x`; --', "it's", '/* */', '--', ';', '__proto__', 'constructor'];
    for (const dialect of SQL_DIALECTS) {
      for (const name of names) {
        if (dialect === 'bigquery' && name.includes('`')) continue;
        const quoted = quoteIdentifier(dialect, name, 'customer');
        const q = quoted[0];
        const inside = quoted.slice(1, -1);
        expect(quoted.at(-1)).toBe(q);
        expect(inside.split(q + q).join('')).not.toContain(q);
        expect(inside.split(q + q).join(q)).toBe(name);
      }
    }
  });

  test('bad names are refused with the option named', () => {
    expect(errorOf(() => quoteIdentifier('duckdb', '', 'amount')).message).toBe('amount must be a non-empty name (got "")');
    expect(errorOf(() => quoteIdentifier('duckdb', 42, 'amount')).message).toBe('amount must be a non-empty name (got 42)');
    expect(errorOf(() => quoteIdentifier('postgres', 'a\u0000b', 'date')).message).toBe(
      'date contains a control character (got "a\\u0000b")',
    );
    expect(errorOf(() => quoteIdentifier('postgres', 'a\nb', 'date')).argument).toBe('date');
    expect(errorOf(() => quoteIdentifier('duckdb', 'x'.repeat(256), 'customer')).message).toBe(
      'customer is longer than 255 characters (got 256)',
    );
    expect(errorOf(() => quoteIdentifier('bigquery', 'a`b', 'customer')).message).toBe(
      'customer contains a backtick or backslash, which bigquery names cannot contain (got "a`b")',
    );
    expect(errorOf(() => quoteIdentifier('bigquery', 'a\\b', 'customer')).argument).toBe('customer');
  });
});

describe('quoteTable', () => {
  test('a string is one name, dots included; a list is a qualified name', () => {
    expect(quoteTable('postgres', 'sales.orders')).toBe('"sales.orders"');
    expect(quoteTable('postgres', ['sales', 'orders'])).toBe('"sales"."orders"');
    expect(quoteTable('bigquery', ['project', 'shop', 'orders'])).toBe('`project`.`shop`.`orders`');
    expect(errorOf(() => quoteTable('duckdb', [])).message).toBe(
      'table must be a name or a list of 1 to 3 name parts (catalog, schema, table) (got 0 parts)',
    );
    expect(errorOf(() => quoteTable('duckdb', ['a', 'b', 'c', 'd'])).argument).toBe('table');
    const part = errorOf(() => quoteTable('duckdb', ['a', '']));
    expect(part.message).toBe('table: item 2 must be a non-empty name (got "")');
    expect(part.location).toEqual({ argument: 'table', item: 2 });
    expect(errorOf(() => quoteTable('duckdb', undefined)).message).toBe('table must be a non-empty name (got undefined)');
  });
});

describe('literals and date arithmetic', () => {
  test('dates become typed literals from the parsed day, whatever form they came in', () => {
    for (const value of ['1997-09-30', 19970930, '19970930', 35703, new Date('1997-09-30')]) {
      expect(dateLiteral(value, 'calibrationEnd')).toBe("DATE '1997-09-30'");
    }
    expect(errorOf(() => dateLiteral("1997-09-30'; DROP TABLE t; --", 'calibrationEnd')).argument).toBe('calibrationEnd');
    expect(errorOf(() => dateLiteral('1997-02-30', 'asOf')).message).toMatch(/^asOf is not a date \(got "1997-02-30"\)/);
  });

  test('days between dates and the types, per dialect', () => {
    expect(dayDiff('duckdb', 'a', 'b')).toBe("DATE_DIFF('day', a, b)");
    expect(dayDiff('postgres', 'a', 'b')).toBe('(b - a)');
    expect(dayDiff('spark', 'a', 'b')).toBe('DATEDIFF(b, a)');
    expect(dayDiff('bigquery', 'a', 'b')).toBe('DATE_DIFF(b, a, DAY)');
    expect(dayDiff('snowflake', 'a', 'b')).toBe('DATEDIFF(day, a, b)');
    expect(SQL_DIALECTS.map((d) => valueAtMin(d, 'v', 'k'))).toEqual([
      'ARG_MIN(v, k)',
      '(ARRAY_AGG(v ORDER BY k))[1]',
      'MIN_BY(v, k)',
      'ANY_VALUE(v HAVING MIN k)',
      'MIN_BY(v, k)',
    ]);
    expect(SQL_DIALECTS.map((d) => asDouble(d, 'v'))).toEqual([
      'CAST(v AS DOUBLE)',
      'CAST(v AS DOUBLE PRECISION)',
      'CAST(v AS DOUBLE)',
      'CAST(v AS FLOAT64)',
      'CAST(v AS DOUBLE)',
    ]);
    expect(SQL_DIALECTS.map((d) => asDecimal(d, 'v'))).toEqual([
      'CAST(v AS DECIMAL(38, 9))',
      'CAST(v AS NUMERIC(38, 9))',
      'CAST(v AS DECIMAL(38, 9))',
      'CAST(v AS NUMERIC)',
      'CAST(v AS NUMBER(38, 9))',
    ]);
  });

  test('sqlDialect defaults to duckdb and names the choices', () => {
    expect(sqlDialect(undefined)).toBe('duckdb');
    expect(sqlDialect('snowflake')).toBe('snowflake');
    expect(errorOf(() => sqlDialect('mysql')).message).toBe(
      "dialect must be 'duckdb', 'postgres', 'spark', 'bigquery' or 'snowflake' (got \"mysql\")",
    );
  });
});
