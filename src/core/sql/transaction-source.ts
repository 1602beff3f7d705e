/**
 * The transaction table a summary query reads, and its first step shared by every generator:
 * the complete rows (customer, date and amount all present) with the date as a DATE and the
 * amount as an exact decimal.
 */
import { asDecimal, quoteIdentifier, quoteTable, sqlDialect, type SqlDialect } from './dialect.ts';

/** Where the transactions are: the table and its column names (defaults as the core's). */
export interface TransactionSourceOptions {
  /** Table name, or its parts (`['sales', 'orders']`); a string is one name, dots included. */
  table: string | readonly string[];
  /** Customer id column. Default `'customer'`. */
  customer?: string;
  /** Date column (DATE, TIMESTAMP or ISO `yyyy-mm-dd` text). Default `'date'`. */
  date?: string;
  /** Amount column (any number type). Default `'amount'`. */
  amount?: string;
  /** The engine the SQL is for. Default `'duckdb'`. */
  dialect?: SqlDialect;
}

/** The source with every name checked and quoted for the dialect. */
export interface QuotedSource {
  dialect: SqlDialect;
  table: string;
  customer: string;
  date: string;
  amount: string;
}

/** Checks and quotes the table and column names. @throws {InputError} naming the bad option */
export function quotedSource(options: TransactionSourceOptions): QuotedSource {
  const dialect = sqlDialect(options.dialect);
  return {
    dialect,
    table: quoteTable(dialect, options.table),
    customer: quoteIdentifier(dialect, options.customer ?? 'customer', 'customer'),
    date: quoteIdentifier(dialect, options.date ?? 'date', 'date'),
    amount: quoteIdentifier(dialect, options.amount ?? 'amount', 'amount'),
  };
}

/**
 * The `cvk_clean` common table expression: complete rows as (cvk_customer, cvk_day DATE,
 * cvk_amount DECIMAL(38, 9)). A row with a NULL customer, date or amount is left out (the counts
 * query reports how many). Summing decimals makes totals exact and the same on every engine,
 * whatever order the engine adds in; amounts are kept to 9 decimal places.
 */
export function cleanTransactions(source: QuotedSource): string {
  return [
    'cvk_clean AS (',
    `  SELECT ${source.customer} AS cvk_customer,`,
    `    CAST(${source.date} AS DATE) AS cvk_day,`,
    `    ${asDecimal(source.dialect, source.amount)} AS cvk_amount`,
    `  FROM ${source.table}`,
    `  WHERE ${source.customer} IS NOT NULL AND ${source.date} IS NOT NULL AND ${source.amount} IS NOT NULL`,
    ')',
  ].join('\n');
}

/**
 * The `cvk_row_counts` common table expression: one row with the table's row count and the
 * NULLs per column (`rows`, `null_customer`, `null_date`, `null_amount`).
 */
export function rowCounts(source: QuotedSource): string {
  return [
    'cvk_row_counts AS (',
    '  SELECT COUNT(*) AS cvk_rows,',
    `    COUNT(*) - COUNT(${source.customer}) AS cvk_null_customer,`,
    `    COUNT(*) - COUNT(${source.date}) AS cvk_null_date,`,
    `    COUNT(*) - COUNT(${source.amount}) AS cvk_null_amount`,
    `  FROM ${source.table}`,
    ')',
  ].join('\n');
}
