/**
 * "Get the SQL": the summary query a view computes, written for the user's database engine, with
 * the table they name and the columns of their mapping — for logs too big for a sheet.
 */
import {
  customerSummarySql,
  isInputError,
  rfmSummarySql,
  SQL_DIALECTS,
  type SqlDialect,
} from '../../core/index.ts';
import type { Mapping } from '../mapping/roles.ts';

export type SummaryKind = 'customer-summary' | 'rfm-summary';

/** The engines in the picker, in the order of `SQL_DIALECTS`. */
export const DIALECT_NAMES: Readonly<Record<SqlDialect, string>> = {
  duckdb: 'DuckDB',
  postgres: 'PostgreSQL',
  spark: 'Spark SQL (Databricks)',
  bigquery: 'BigQuery',
  snowflake: 'Snowflake',
};

export const DIALECT_OPTIONS = SQL_DIALECTS.map((value) => ({ value, text: DIALECT_NAMES[value] }));

export interface SummarySqlRequest {
  kind: SummaryKind;
  dialect: SqlDialect;
  /** As typed: `orders`, `sales.orders` or `project.sales.orders` (split at the dots). */
  table: string;
  mapping: Mapping;
  /** The view's date: the calibration end (customer summary) or the recency date (RFM); may be blank. */
  date: string;
}

export type SummarySqlResult = { sql: string; problem?: undefined } | { sql?: undefined; problem: string };

/**
 * The query for a request, or what to fix first (a missing table name, column or calibration
 * end; a name or date the generator refuses).
 *
 * @example summarySqlFor({ kind: 'rfm-summary', dialect: 'postgres', table: 'sales.orders',
 *   mapping: { customer: 'Customer', date: 'Date', amount: 'Amount' }, date: '' }).sql
 * // => 'WITH cvk_clean AS (\n  SELECT "Customer" AS cvk_customer, …'
 */
export function summarySqlFor(request: SummarySqlRequest): SummarySqlResult {
  const table = request.table.trim();
  if (table === '') return { problem: 'Type the name of the table that holds the transactions.' };
  const parts = table.split('.').map((part) => part.trim());
  for (const role of ['customer', 'date', 'amount']) {
    if (!request.mapping[role]) return { problem: `Choose the ${role} column above.` };
  }
  const columns = {
    table: parts,
    customer: request.mapping.customer!,
    date: request.mapping.date!,
    amount: request.mapping.amount!,
    dialect: request.dialect,
  };
  const date = request.date.trim();
  try {
    if (request.kind === 'rfm-summary') return { sql: rfmSummarySql({ ...columns, asOf: date || undefined }) };
    if (date === '') return { problem: 'Type the calibration end above (yyyy-mm-dd): the query counts purchases up to it.' };
    return { sql: customerSummarySql({ ...columns, calibrationEnd: date, timeUnit: 'week' }) };
  } catch (error) {
    if (isInputError(error)) return { problem: error.message };
    throw error;
  }
}
