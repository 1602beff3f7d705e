/**
 * Seeded transaction log for the segmentation benchmarks: 1,000,000 transactions over 100,000
 * customers and two years (2023-01-01 .. 2024-12-30). Every customer buys at least once (rows
 * 0..customers−1); the other rows pick customer ⌊customers · u⁴⌋, so purchase counts are skewed
 * like real logs (a few heavy buyers, many with 1–3 purchases). Amounts are log-normal
 * (median ≈ 20, in cents). Dates are ISO strings `yyyy-mm-dd`, as a CSV reader leaves them; the
 * 730 distinct strings are shared between rows.
 *
 * Run `npx tsx bench/generate/transactions.ts` to write `bench/raw/transactions-1m.csv` for the
 * Python side.
 */
import { writeFileSync } from 'node:fs';
import { seededNormal, seededRandom } from '../../src/core/math/random.ts';
import { isoDate } from '../../src/core/time/day-number.ts';
import { rawPath } from '../harness.ts';

export interface Transactions {
  customer: Int32Array;
  date: string[];
  amount: Float64Array;
}

/** Day 0 of the log, 2023-01-01 (days since 1970-01-01). */
export const FIRST_DAY = 19358;
export const DAYS = 730;
/** The analysis date of the benchmarks: the day after the last possible transaction. */
export const AS_OF = '2024-12-31';
export const TRANSACTIONS_CSV = 'transactions-1m.csv';

export function generateTransactions(transactions = 1_000_000, customers = 100_000, seed = 2024): Transactions {
  const random = seededRandom(seed);
  const normal = seededNormal(random);
  const days = Array.from({ length: DAYS }, (_, d) => isoDate(FIRST_DAY + d));
  const customer = new Int32Array(transactions);
  const date = new Array<string>(transactions);
  const amount = new Float64Array(transactions);
  for (let i = 0; i < transactions; i++) {
    customer[i] = i < customers ? i : Math.floor(customers * random() ** 4);
    date[i] = days[Math.floor(random() * DAYS)];
    amount[i] = Math.round(Math.exp(3 + 0.8 * normal()) * 100) / 100;
  }
  return { customer, date, amount };
}

/** Writes the log as CSV (`customer,date,amount`). */
export function writeTransactionsCsv(path: string, data: Transactions): void {
  const lines: string[] = ['customer,date,amount'];
  for (let i = 0; i < data.customer.length; i++) lines.push(`${data.customer[i]},${data.date[i]},${data.amount[i]}`);
  writeFileSync(path, lines.join('\n') + '\n');
}

if (require.main === module) {
  const path = rawPath(TRANSACTIONS_CSV);
  writeTransactionsCsv(path, generateTransactions());
  process.stdout.write(`${path}\n`);
}
