import { checkSummaryCounts } from '../../../src/core/sql/summary-counts.ts';
import { errorOf } from '../error-of.ts';

const row = {
  rows: 10n,
  null_customer: 1n,
  null_date: 0n,
  null_amount: 1n,
  incomplete_rows: 1n,
  after_end_rows: 2n,
  used_rows: 7n,
  customers: 3n,
  late_customers: 1n,
};

describe('checkSummaryCounts', () => {
  test('counts from DuckDB (bigint), pg (decimal strings) or numbers; one note per exclusion', () => {
    const asText = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v)]));
    for (const input of [row, asText]) {
      const report = checkSummaryCounts(input, 'orders');
      expect(report.counts).toEqual({
        rows: 10,
        nullCustomer: 1,
        nullDate: 0,
        nullAmount: 1,
        incompleteRows: 1,
        afterEndRows: 2,
        usedRows: 7,
        customers: 3,
        lateCustomers: 1,
      });
      expect(report.notes).toEqual([
        '1 row with a NULL customer, date or amount was left out (customer 1, date 0, amount 1)',
        '2 rows dated after the end date were ignored',
        '1 customer whose first purchase is after calibrationEnd is not in the summary',
      ]);
    }
    const { late_customers: _late, ...rfm } = { ...row, incomplete_rows: 0n, after_end_rows: 0n };
    expect(checkSummaryCounts(rfm).notes).toEqual([]);
  });

  test('an empty table, nothing to summarise, or not a counts row: a clear error', () => {
    const empty = Object.fromEntries(Object.keys(row).map((k) => [k, 0]));
    expect(errorOf(() => checkSummaryCounts(empty, 'orders')).message).toBe(
      'table "orders" is empty: there are no transactions to summarise',
    );
    expect(errorOf(() => checkSummaryCounts(empty)).message).toBe('the table is empty: there are no transactions to summarise');
    expect(errorOf(() => checkSummaryCounts({ ...row, used_rows: 0, customers: 0 }, 'orders')).message).toBe(
      'table "orders" has 10 rows but none to summarise: 1 row with a NULL customer, date or amount, 2 rows after the end date',
    );
    expect(errorOf(() => checkSummaryCounts({ ...row, rows: undefined })).message).toBe(
      'counts: column "rows" must be a count (got undefined); pass the row the counts query returned',
    );
    expect(errorOf(() => checkSummaryCounts({ ...row, customers: -1 })).location).toEqual({ argument: 'counts', column: 'customers' });
    expect(errorOf(() => checkSummaryCounts(null)).argument).toBe('counts');
  });
});
