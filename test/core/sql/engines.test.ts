/**
 * The generated SQL on two real engines, DuckDB (embedded) and PostgreSQL (a server started for
 * this file): both give identical results, and those equal the core's `customerSummary` and
 * `rfmSummary` on the same seeded log. Hostile table and column names run as plain names.
 */
import { fitBgNbd } from '../../../src/core/lifetime/bg-nbd-fit.ts';
import { compressSpend, compressSummary } from '../../../src/core/lifetime/compress-summary.ts';
import { customerSummary } from '../../../src/core/lifetime/customer-summary.ts';
import { fitGammaGamma } from '../../../src/core/lifetime/gamma-gamma.ts';
import { fitParetoNbd } from '../../../src/core/lifetime/pareto-nbd-fit.ts';
import { rfmSummary } from '../../../src/core/segments/rfm-summary.ts';
import { splitCompressedSummary } from '../../../src/core/sql/compressed-summary-result.ts';
import { compressedSummarySql } from '../../../src/core/sql/compressed-summary-sql.ts';
import { customerSummaryCountsSql, customerSummarySql } from '../../../src/core/sql/customer-summary-sql.ts';
import { quoteIdentifier, quoteTable } from '../../../src/core/sql/dialect.ts';
import { rfmSummaryCountsSql, rfmSummarySql } from '../../../src/core/sql/rfm-summary-sql.ts';
import { checkSummaryCounts } from '../../../src/core/sql/summary-counts.ts';
import type { TimeUnit } from '../../../src/core/time/time-unit.ts';
import { openDuckDb, startPostgres, type Engine, type Row } from './engines.ts';
import { CALIBRATION_END, HOLDOUT_END, seededLog, type LogRow } from './seeded-log.ts';
import { generateCdnowLike } from '../../../bench/generate/cdnow-like.ts';

jest.setTimeout(60_000);

const byCustomer = (a: Row, b: Row): number => String(a.customer).localeCompare(String(b.customer));

/** The core's result as plain rows sorted by customer (the SQL orders by customer). */
function coreRows(table: { objects(): object[] }): Row[] {
  return (table.objects() as Row[]).map((row) => ({ ...row })).sort(byCustomer);
}

/**
 * Money: the SQL sums the decimal amounts exactly (12.34 is 12.34), the core sums their binary
 * doubles (12.339999999999999857…) with Neumaier's compensated sum; the two totals differ by a
 * few units in the last place (exact equality fails on this log), so allow 4e-15 relative and
 * nothing more. Every other column must be equal; between the two engines everything is equal.
 */
function expectSameSummary(sqlRows: Row[], expected: Row[], money: string[]): void {
  expect(sqlRows.map((row) => row.customer)).toEqual(expected.map((row) => row.customer));
  for (let i = 0; i < expected.length; i++) {
    const { ...want } = expected[i];
    const got = sqlRows[i];
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    for (const key of Object.keys(want)) {
      if (money.includes(key)) {
        const scale = Math.max(1, Math.abs(want[key] as number));
        expect(Math.abs((got[key] as number) - (want[key] as number))).toBeLessThanOrEqual(4e-15 * scale);
      } else {
        expect([key, got[key]]).toEqual([key, want[key]]);
      }
    }
  }
}

const seeded = seededLog(20261201, 400);
const columns: [string, string, string] = ['customer', 'date', 'amount'];
// Names that would end, comment out or escape the query if they were pasted in unquoted.
const hostileTable = 'tx"; DROP TABLE canary; --';
const hostileColumns: [string, string, string] = ['cust`omer /* x', "da'te; --", 'amo""unt\\'];

let engines: Engine[] = [];

beforeAll(async () => {
  engines = [await openDuckDb(), await startPostgres()];
  for (const engine of engines) {
    const q = (name: string) => quoteIdentifier('postgres', name, 'test');
    await engine.load(q('tx'), columns.map(q) as [string, string, string], seeded.rows);
    await engine.load(q(hostileTable), hostileColumns.map(q) as [string, string, string], seeded.rows);
    await engine.load(q('empty'), columns.map(q) as [string, string, string], []);
    await engine.query('CREATE TABLE canary (id INTEGER)');
  }
});

afterAll(async () => {
  for (const engine of engines) await engine.close();
});

describe('customerSummarySql on DuckDB and PostgreSQL', () => {
  test('the log has what it must exercise', () => {
    const days = new Map<string, number>();
    for (const row of seeded.complete) days.set(`${row.customer} ${row.date}`, (days.get(`${row.customer} ${row.date}`) ?? 0) + 1);
    expect([...days.values()].filter((n) => n > 1).length).toBeGreaterThan(50); // same-day rows
    expect(seeded.complete.filter((r) => r.date! > CALIBRATION_END && r.date! <= HOLDOUT_END).length).toBeGreaterThan(100);
    expect(seeded.complete.filter((r) => r.date! > HOLDOUT_END).length).toBeGreaterThan(10);
    expect(seeded.complete.some((r) => r.amount! < 0)).toBe(true);
    expect(seeded.rows.length - seeded.complete.length).toBe(4);
  });

  const cases: Array<{ timeUnit: TimeUnit; holdout: boolean; nonPositive: 'count' | 'drop' }> = [
    { timeUnit: 'week', holdout: true, nonPositive: 'count' },
    { timeUnit: 'week', holdout: false, nonPositive: 'count' },
    { timeUnit: 'day', holdout: true, nonPositive: 'count' },
    { timeUnit: 'month', holdout: true, nonPositive: 'drop' },
  ];
  test.each(cases)('$timeUnit, holdout $holdout, nonPositive $nonPositive: both engines equal the core', async (c) => {
    const options = {
      calibrationEnd: CALIBRATION_END,
      holdoutEnd: c.holdout ? HOLDOUT_END : undefined,
      timeUnit: c.timeUnit,
      nonPositive: c.nonPositive,
    };
    const expected = coreRows(customerSummary(seeded.complete, options));
    expect(expected.length).toBeGreaterThan(300);
    expect(expected.filter((row) => row.x === 0).length).toBeGreaterThan(100); // one-time buyers
    const results: Row[][] = [];
    for (const engine of engines) {
      const rows = await engine.query(customerSummarySql({ ...options, table: 'tx', dialect: engine.name as 'duckdb' }));
      expectSameSummary(rows, expected, ['monetary', 'monetary_holdout']);
      results.push(rows);
    }
    expect(results[1]).toEqual(results[0]);
  });

  test('hostile table and column names are names: same result, the canary table survives', async () => {
    const expected = coreRows(customerSummary(seeded.complete, { calibrationEnd: CALIBRATION_END, holdoutEnd: HOLDOUT_END }));
    const [customer, date, amount] = hostileColumns;
    for (const engine of engines) {
      const dialect = engine.name as 'duckdb';
      const sql = customerSummarySql({ table: hostileTable, customer, date, amount, calibrationEnd: CALIBRATION_END, holdoutEnd: HOLDOUT_END, dialect });
      expect(sql).toContain(quoteTable(dialect, hostileTable));
      expectSameSummary(await engine.query(sql), expected, ['monetary', 'monetary_holdout']);
      expect(await engine.query('SELECT COUNT(*) AS n FROM canary')).toEqual([{ n: 0 }]);
    }
  });

  test('a TIMESTAMP or ISO text date column gives the same summary as a DATE column', async () => {
    const options = { calibrationEnd: CALIBRATION_END, holdoutEnd: HOLDOUT_END };
    for (const engine of engines) {
      const dialect = engine.name as 'duckdb';
      const dated = await engine.query(customerSummarySql({ ...options, table: 'tx', dialect }));
      await engine.query(
        "CREATE TABLE tx_stamped AS SELECT customer, CAST(date AS TIMESTAMP) + INTERVAL '13 hours' AS date, amount FROM tx",
      );
      await engine.query('CREATE TABLE tx_text AS SELECT customer, CAST(date AS VARCHAR) AS date, amount FROM tx');
      expect(await engine.query(customerSummarySql({ ...options, table: 'tx_stamped', dialect }))).toEqual(dated);
      expect(await engine.query(customerSummarySql({ ...options, table: 'tx_text', dialect }))).toEqual(dated);
    }
  });

  test('the counts query reports NULL rows, rows after the end and late customers, the same on both', async () => {
    const options = { table: 'tx', calibrationEnd: CALIBRATION_END, holdoutEnd: HOLDOUT_END };
    const late = seeded.complete.filter((r) => r.date! > HOLDOUT_END).length;
    const firsts = new Map<string, string>();
    for (const row of seeded.complete) {
      if (row.date! > HOLDOUT_END) continue;
      const seen = firsts.get(row.customer!);
      if (seen === undefined || row.date! < seen) firsts.set(row.customer!, row.date!);
    }
    const lateCustomers = [...firsts.values()].filter((d) => d > CALIBRATION_END).length;
    expect(lateCustomers).toBeGreaterThan(5);
    const counts: Row[] = [];
    for (const engine of engines) {
      const [row] = await engine.query(customerSummaryCountsSql({ ...options, dialect: engine.name as 'duckdb' }));
      counts.push(row);
      const { counts: read, notes } = checkSummaryCounts(row, 'tx');
      expect(read).toEqual({
        rows: seeded.rows.length,
        nullCustomer: 2,
        nullDate: 2,
        nullAmount: 2,
        incompleteRows: 4,
        afterEndRows: late,
        usedRows: seeded.complete.length - late,
        customers: firsts.size - lateCustomers,
        lateCustomers,
      });
      expect(notes).toEqual([
        '4 rows with a NULL customer, date or amount were left out (customer 2, date 2, amount 2)',
        `${late} rows dated after the end date were ignored`,
        `${lateCustomers} customers whose first purchase is after calibrationEnd are not in the summary`,
      ]);
    }
    expect(counts[1]).toEqual(counts[0]);
  });

  test('an empty table gives no rows and a clear message from the counts', async () => {
    for (const engine of engines) {
      const dialect = engine.name as 'duckdb';
      expect(await engine.query(customerSummarySql({ table: 'empty', calibrationEnd: CALIBRATION_END, dialect }))).toEqual([]);
      const [row] = await engine.query(customerSummaryCountsSql({ table: 'empty', calibrationEnd: CALIBRATION_END, dialect }));
      expect(() => checkSummaryCounts(row, 'empty')).toThrow('table "empty" is empty: there are no transactions to summarise');
    }
  });

  test('a calibration end before every purchase: no customers, and the counts say why', async () => {
    for (const engine of engines) {
      const dialect = engine.name as 'duckdb';
      const options = { table: 'tx', calibrationEnd: '1990-01-01', dialect };
      expect(await engine.query(customerSummarySql(options))).toEqual([]);
      const [row] = await engine.query(customerSummaryCountsSql(options));
      expect(() => checkSummaryCounts(row, 'tx')).toThrow(/table "tx" has 1,\d{3} rows but none to summarise/);
    }
  });
});

describe('rfmSummarySql on DuckDB and PostgreSQL', () => {
  test.each([{ asOf: '1998-12-31' }, { asOf: undefined }])('asOf $asOf: both engines equal the core', async ({ asOf }) => {
    const expected = coreRows(rfmSummary(seeded.complete, { asOf }));
    const results: Row[][] = [];
    for (const engine of engines) {
      const rows = await engine.query(rfmSummarySql({ table: 'tx', asOf, dialect: engine.name as 'duckdb' }));
      expectSameSummary(rows, expected, ['monetary']);
      results.push(rows);
    }
    expect(results[1]).toEqual(results[0]);
  });

  test('rows after asOf are left out (the core refuses them) and counted', async () => {
    const asOf = CALIBRATION_END;
    const kept: LogRow[] = seeded.complete.filter((r) => r.date! <= asOf);
    const expected = coreRows(rfmSummary(kept, { asOf }));
    for (const engine of engines) {
      const dialect = engine.name as 'duckdb';
      expectSameSummary(await engine.query(rfmSummarySql({ table: 'tx', asOf, dialect })), expected, ['monetary']);
      const [row] = await engine.query(rfmSummaryCountsSql({ table: 'tx', asOf, dialect }));
      expect(checkSummaryCounts(row, 'tx').counts).toEqual({
        rows: seeded.rows.length,
        nullCustomer: 2,
        nullDate: 2,
        nullAmount: 2,
        incompleteRows: 4,
        afterEndRows: seeded.complete.length - kept.length,
        usedRows: kept.length,
        customers: expected.length,
        lateCustomers: 0,
      });
    }
  });

  test('hostile names and an empty table', async () => {
    const expected = coreRows(rfmSummary(seeded.complete, { asOf: '1998-12-31' }));
    const [customer, date, amount] = hostileColumns;
    for (const engine of engines) {
      const dialect = engine.name as 'duckdb';
      const rows = await engine.query(rfmSummarySql({ table: hostileTable, customer, date, amount, asOf: '1998-12-31', dialect }));
      expectSameSummary(rows, expected, ['monetary']);
      expect(await engine.query('SELECT COUNT(*) AS n FROM canary')).toEqual([{ n: 0 }]);
      expect(await engine.query(rfmSummarySql({ table: 'empty', dialect }))).toEqual([]);
      const [row] = await engine.query(rfmSummaryCountsSql({ table: 'empty', dialect }));
      expect(() => checkSummaryCounts(row, 'empty')).toThrow('table "empty" is empty');
    }
  });
});

describe('compressedSummarySql on DuckDB and PostgreSQL', () => {
  /** A table's rows as plain objects sorted by their columns in order (the SQL orders so). */
  const sortedRows = (table: { objects(): object[] }, columns: string[]): Row[] =>
    (table.objects() as Row[])
      .map((row) => ({ ...row }))
      .sort((a, b) => {
        for (const c of columns) if (a[c] !== b[c]) return (a[c] as number) - (b[c] as number);
        return 0;
      });
  const relative = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

  test.each([
    { timeUnit: 'week' as TimeUnit, nonPositive: 'count' as const },
    { timeUnit: 'day' as TimeUnit, nonPositive: 'drop' as const },
  ])('$timeUnit, nonPositive $nonPositive: exactly compressSummary and compressSpend of the core summary', async (c) => {
    const options = { calibrationEnd: CALIBRATION_END, holdoutEnd: HOLDOUT_END, ...c };
    const full = customerSummary(seeded.complete, options);
    const wantPurchases = sortedRows(compressSummary(full), ['x', 't_x', 'T']);
    const wantSpend = sortedRows(compressSpend(full), ['x', 'monetary']);
    // The seeded log compresses: customers share (x, t_x, T) rows (one-time buyers on one day).
    expect(wantPurchases.length).toBeLessThan(full.numRows() - 50);
    const results: Row[][] = [];
    for (const engine of engines) {
      const rows = await engine.query(compressedSummarySql({ ...options, table: 'tx', dialect: engine.name as 'duckdb' }));
      results.push(rows);
      expect(Object.keys(rows[0])).toEqual(['part', 'x', 't_x', 'T', 'monetary', 'count']);
      const { purchases, spend } = splitCompressedSummary(rows);
      // (x, t_x, T) and the counts: equal, value for value, in the SQL's order.
      expect(purchases.objects()).toEqual(wantPurchases);
      // (x, monetary): the same groups and counts; the mean values as exact decimal sums
      // against the core's compensated double sums (a few units in the last place).
      const gotSpend = spend.objects() as Row[];
      expect(gotSpend.map((r) => [r.x, r.count])).toEqual(wantSpend.map((r) => [r.x, r.count]));
      gotSpend.forEach((r, i) => {
        expect(relative(r.monetary as number, wantSpend[i].monetary as number)).toBeLessThanOrEqual(4e-15);
      });
      // And exactly what the core compresses from the engine's own one-row-per-customer summary.
      const sqlSummary = await engine.query(customerSummarySql({ ...options, table: 'tx', dialect: engine.name as 'duckdb' }));
      expect(gotSpend).toEqual(sortedRows(compressSpend(sqlSummary), ['x', 'monetary']));
      const counts = purchases.array('count') as ArrayLike<number>;
      let customers = 0;
      for (let i = 0; i < counts.length; i++) customers += counts[i];
      expect(customers).toBe(full.numRows());
    }
    expect(results[1]).toEqual(results[0]);
  });

  test('the fits on the two parts equal the fits on the full core summary to 1e-9 relative', async () => {
    // A log simulated from BG/NBD and Gamma-Gamma (CDNOW estimates), so that the fits converge.
    const log = generateCdnowLike(3000, 15);
    const rows: LogRow[] = Array.from(log.customer, (c, i) => ({ customer: String(c), date: log.date[i], amount: log.amount[i] }));
    const options = { calibrationEnd: CALIBRATION_END, timeUnit: 'week' as TimeUnit };
    const full = customerSummary(rows, options);
    for (const engine of engines) {
      await engine.load('"simulated"', ['"customer"', '"date"', '"amount"'], rows);
      const dialect = engine.name as 'duckdb';
      const result = await engine.query(compressedSummarySql({ ...options, table: 'simulated', dialect }));
      const { purchases, spend } = splitCompressedSummary(result);
      expect(purchases.numRows()).toBeLessThan(full.numRows() / 2);
      expectSameFits(purchases, spend, full);
    }
  });

  function expectSameFits(purchases: object, spend: object, full: object): void {
    const numbers = (fit: object, names: string[]): number[] => names.map((name) => (fit as Record<string, number>)[name]);
    const pairs: Array<[{ converged: boolean }, object, string[]]> = [
      [fitBgNbd(purchases), fitBgNbd(full), ['r', 'alpha', 'a', 'b', 'logLikelihood']],
      [fitParetoNbd(purchases), fitParetoNbd(full), ['r', 'alpha', 's', 'beta', 'logLikelihood']],
      [fitGammaGamma(spend), fitGammaGamma(full), ['p', 'q', 'gamma', 'logLikelihood']],
    ];
    for (const [compressed, whole, names] of pairs) {
      expect(compressed.converged).toBe(true);
      const got = numbers(compressed, names);
      const want = numbers(whole, names);
      names.forEach((name, i) => expect([name, relative(got[i], want[i]) <= 1e-9]).toEqual([name, true]));
    }
  }

  test('NULL rows are left out, an empty table or an early calibration end gives no rows, hostile names stay names', async () => {
    const [customer, date, amount] = hostileColumns;
    const options = { calibrationEnd: CALIBRATION_END, timeUnit: 'week' as TimeUnit };
    for (const engine of engines) {
      const dialect = engine.name as 'duckdb';
      // seeded.rows has four rows with a NULL: the result is the core's on the complete rows.
      const plain = await engine.query(compressedSummarySql({ ...options, table: 'tx', dialect }));
      const hostile = await engine.query(compressedSummarySql({ ...options, table: hostileTable, customer, date, amount, dialect }));
      expect(hostile).toEqual(plain);
      expect(splitCompressedSummary(plain).purchases.objects()).toEqual(
        sortedRows(compressSummary(customerSummary(seeded.complete, options)), ['x', 't_x', 'T']),
      );
      expect(await engine.query('SELECT COUNT(*) AS n FROM canary')).toEqual([{ n: 0 }]);
      const empty = await engine.query(compressedSummarySql({ ...options, table: 'empty', dialect }));
      expect(empty).toEqual([]);
      const parts = splitCompressedSummary(empty);
      expect([parts.purchases.numRows(), parts.spend.numRows()]).toEqual([0, 0]);
      // The counts query with the same options says why: an empty table, or no purchase by calibrationEnd.
      const [emptyCounts] = await engine.query(customerSummaryCountsSql({ ...options, table: 'empty', dialect }));
      expect(() => checkSummaryCounts(emptyCounts, 'empty')).toThrow('table "empty" is empty: there are no transactions to summarise');
      const early = { ...options, table: 'tx', calibrationEnd: '1990-01-01', dialect };
      expect(await engine.query(compressedSummarySql(early))).toEqual([]);
      const [earlyCounts] = await engine.query(customerSummaryCountsSql(early));
      expect(() => checkSummaryCounts(earlyCounts, 'tx')).toThrow(/table "tx" has 1,\d{3} rows but none to summarise/);
    }
  });
});
