/**
 * A warehouse-sized seeded transaction log as Parquet: CDNOW-like customers
 * (`generateCdnowLike`, simulated from the BG/NBD and Gamma-Gamma estimates) generated in chunks
 * of 250,000 customers (each chunk its own seed, ids continuing), streamed to a temporary CSV and
 * turned into Parquet by DuckDB (`customer INTEGER, date DATE, amount DOUBLE`), cut at exactly
 * `transactions` rows. Memory stays at one chunk whatever the size. Used by the warehouse
 * benchmark and notebooks/06-warehouse.ipynb.
 *
 * Run `npx tsx bench/generate/warehouse-parquet.ts [transactions]` to write
 * `bench/raw/warehouse-<transactions>.parquet` (and a CSV copy for pandas with `--csv`).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateCdnowLike } from './cdnow-like.ts';

const CHUNK_CUSTOMERS = 250_000;

/** A file path as an SQL string literal (our own paths; quotes doubled all the same). */
export function pathLiteral(file: string): string {
  return `'${file.replaceAll("'", "''")}'`;
}

/**
 * Writes `transactions` seeded rows to `file` as Parquet.
 *
 * @returns the number of rows and customers written
 */
export async function writeWarehouseParquet(
  connection: DuckDBConnection,
  file: string,
  transactions: number,
  seed = 1997,
): Promise<{ transactions: number; customers: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cvk-warehouse-'));
  const csv = path.join(dir, 'log.csv');
  try {
    writeFileSync(csv, 'customer,date,amount\n');
    let rows = 0;
    let customers = 0;
    for (let chunk = 0; rows < transactions; chunk++) {
      const log = generateCdnowLike(CHUNK_CUSTOMERS, seed + chunk);
      const take = Math.min(log.customer.length, transactions - rows);
      const lines: string[] = new Array<string>(take);
      for (let i = 0; i < take; i++) lines[i] = `${log.customer[i] + customers},${log.date[i]},${log.amount[i]}`;
      appendFileSync(csv, lines.join('\n') + '\n');
      rows += take;
      customers += take === log.customer.length ? CHUNK_CUSTOMERS : log.customer[take - 1] + 1;
    }
    await connection.run(
      `COPY (SELECT * FROM read_csv(${pathLiteral(csv)}, header = true, ` +
        `columns = {'customer': 'INTEGER', 'date': 'DATE', 'amount': 'DOUBLE'})) ` +
        `TO ${pathLiteral(file)} (FORMAT parquet)`,
    );
    return { transactions: rows, customers };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (typeof require !== 'undefined' && require.main === module) {
  void (async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const { rawPath } = await import('../harness.ts');
    const transactions = Number(process.argv[2] ?? 10_000_000);
    const file = rawPath(`warehouse-${transactions}.parquet`);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const written = await writeWarehouseParquet(connection, file, transactions);
    if (process.argv.includes('--csv')) {
      await connection.run(`COPY (SELECT * FROM read_parquet(${pathLiteral(file)})) TO ${pathLiteral(file.replace(/\.parquet$/, '.csv'))} (HEADER)`);
    }
    console.log(`${file}: ${written.transactions} transactions, ${written.customers} customers`);
  })();
}
