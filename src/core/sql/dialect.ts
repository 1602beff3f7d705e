/**
 * What differs between SQL engines for the summary queries: how identifiers are quoted, how the
 * days between two dates are counted, and the names of the double and exact decimal types. Every
 * name that reaches a query goes through `quoteIdentifier` and every value through a typed
 * literal built here from a checked number or date, so a column or table name cannot change the
 * query's structure.
 */
import { got, invalid, mustBe, notFinite, notOneOf, type Where } from '../messages.ts';
import { dayNumber, isoDate } from '../time/day-number.ts';

export type SqlDialect = 'duckdb' | 'postgres' | 'spark' | 'bigquery' | 'snowflake';

/** The dialects the generators write, in the order the pane lists them. */
export const SQL_DIALECTS: readonly SqlDialect[] = ['duckdb', 'postgres', 'spark', 'bigquery', 'snowflake'];

interface DialectRules {
  /** The identifier quote character; inside a name it is written twice. */
  quote: '"' | '`';
  /** Characters a name may not contain in this dialect (BigQuery has no doubled-quote escape). */
  forbidden: RegExp | undefined;
  /** Whole days from `start` to `end` (both DATE expressions), as an integer expression. */
  dayDiff: (start: string, end: string) => string;
  /** Aggregate: `value` on the row where `key` is smallest (keys distinct within a group). */
  valueAtMin: (value: string, key: string) => string;
  double: string;
  /** An exact decimal wide enough for money totals (38 digits, 9 after the point). */
  decimal: string;
}

const RULES: Readonly<Record<SqlDialect, DialectRules>> = {
  duckdb: {
    quote: '"',
    forbidden: undefined,
    dayDiff: (start, end) => `DATE_DIFF('day', ${start}, ${end})`,
    valueAtMin: (value, key) => `ARG_MIN(${value}, ${key})`,
    double: 'DOUBLE',
    decimal: 'DECIMAL(38, 9)',
  },
  postgres: {
    quote: '"',
    forbidden: undefined,
    // DATE − DATE is an integer number of days in PostgreSQL.
    dayDiff: (start, end) => `(${end} - ${start})`,
    valueAtMin: (value, key) => `(ARRAY_AGG(${value} ORDER BY ${key}))[1]`,
    double: 'DOUBLE PRECISION',
    decimal: 'NUMERIC(38, 9)',
  },
  spark: {
    quote: '`',
    forbidden: undefined,
    dayDiff: (start, end) => `DATEDIFF(${end}, ${start})`,
    valueAtMin: (value, key) => `MIN_BY(${value}, ${key})`,
    double: 'DOUBLE',
    decimal: 'DECIMAL(38, 9)',
  },
  bigquery: {
    quote: '`',
    // BigQuery escapes inside backticks with a backslash, not by doubling: refuse both.
    forbidden: /[`\\]/,
    dayDiff: (start, end) => `DATE_DIFF(${end}, ${start}, DAY)`,
    valueAtMin: (value, key) => `ANY_VALUE(${value} HAVING MIN ${key})`,
    double: 'FLOAT64',
    decimal: 'NUMERIC',
  },
  snowflake: {
    quote: '"',
    forbidden: undefined,
    dayDiff: (start, end) => `DATEDIFF(day, ${start}, ${end})`,
    valueAtMin: (value, key) => `MIN_BY(${value}, ${key})`,
    double: 'DOUBLE',
    decimal: 'NUMBER(38, 9)',
  },
};

/** The longest name accepted (Snowflake and BigQuery allow more, PostgreSQL truncates at 63 bytes). */
const MAX_NAME_LENGTH = 255;

/**
 * The dialect named by `value` (default `'duckdb'`).
 *
 * @throws {InputError} for anything but one of `SQL_DIALECTS`
 * @example sqlDialect('postgres'); // => 'postgres'
 */
export function sqlDialect(value: unknown): SqlDialect {
  if (value === undefined) return 'duckdb';
  if (typeof value === 'string' && (SQL_DIALECTS as readonly string[]).includes(value)) return value as SqlDialect;
  throw notOneOf('dialect', SQL_DIALECTS, value);
}

/**
 * A name quoted for the dialect: the quote character around it, any quote character inside it
 * doubled. Names are data: `a"; DROP TABLE t; --` stays one identifier.
 *
 * @param name the column or table name as stored in the database (case matters once quoted)
 * @param argument the option the name came from, for the message
 * @throws {InputError} for a non-string, an empty name, a control character, a name longer than
 *   255 characters, or a backtick or backslash in a BigQuery name
 * @example quoteIdentifier('duckdb', 'my "col"', 'amount'); // => '"my ""col"""'
 */
export function quoteIdentifier(dialect: SqlDialect, name: unknown, argument: Where): string {
  if (typeof name !== 'string' || name.length === 0) throw mustBe(argument, 'a non-empty name', { value: name });
  if (name.length > MAX_NAME_LENGTH) throw invalid(argument, `is longer than ${MAX_NAME_LENGTH} characters (got ${name.length})`);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) throw invalid(argument, `contains a control character${got(name)}`);
  const rules = RULES[dialect];
  if (rules.forbidden && rules.forbidden.test(name)) {
    throw invalid(argument, `contains a backtick or backslash, which ${dialect} names cannot contain${got(name)}`);
  }
  return rules.quote + name.split(rules.quote).join(rules.quote + rules.quote) + rules.quote;
}

/**
 * A table reference: one name, or the parts of a qualified name (`['sales', 'orders']` →
 * `"sales"."orders"`). A string is always one name, dots included, so that a name cannot reach
 * into another schema.
 *
 * @throws {InputError} as `quoteIdentifier` for each part; for an empty list or more than 3 parts
 * @example quoteTable('bigquery', ['project', 'shop', 'orders']); // => '`project`.`shop`.`orders`'
 */
export function quoteTable(dialect: SqlDialect, table: unknown): string {
  const parts = Array.isArray(table) ? table : [table];
  if (parts.length === 0 || parts.length > 3) {
    throw invalid('table', `must be a name or a list of 1 to 3 name parts (catalog, schema, table) (got ${parts.length} parts)`);
  }
  return parts.map((part, i) => quoteIdentifier(dialect, part, parts.length > 1 ? { argument: 'table', item: i + 1 } : 'table')).join('.');
}

/**
 * A typed date literal, `DATE 'yyyy-mm-dd'`, of anything `dayNumber` reads; the text comes from
 * the parsed day number, never from the input.
 *
 * @throws {InputError} for a value that is not a date, or a year outside 1..9999
 * @example dateLiteral('1997-09-30', 'calibrationEnd'); // => "DATE '1997-09-30'"
 */
export function dateLiteral(value: unknown, argument: string): string {
  const iso = isoDate(dayNumber(value, argument));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || iso.startsWith('0000')) {
    throw mustBe(argument, 'a date in the years 1 to 9999', { value: iso });
  }
  return `DATE '${iso}'`;
}

/** Whole days from `start` to `end` (DATE expressions) in the dialect. */
export function dayDiff(dialect: SqlDialect, start: string, end: string): string {
  return RULES[dialect].dayDiff(start, end);
}

/** Aggregate: `value` on the row of the group where `key` is smallest (keys distinct in a group). */
export function valueAtMin(dialect: SqlDialect, value: string, key: string): string {
  return RULES[dialect].valueAtMin(value, key);
}

/** `expression` as the dialect's double-precision type. */
export function asDouble(dialect: SqlDialect, expression: string): string {
  return `CAST(${expression} AS ${RULES[dialect].double})`;
}

/** `expression` as an exact decimal (38, 9): sums of it are exact, in any order, on every engine. */
export function asDecimal(dialect: SqlDialect, expression: string): string {
  return `CAST(${expression} AS ${RULES[dialect].decimal})`;
}

/**
 * A finite number as a double literal, e.g. the days in a time unit (30.4375).
 *
 * @throws {InputError} for anything else
 */
export function doubleLiteral(dialect: SqlDialect, value: number, argument: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw notFinite(argument, value);
  }
  return asDouble(dialect, String(value));
}
