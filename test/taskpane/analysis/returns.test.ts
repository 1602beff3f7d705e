/**
 * Returns and negative amounts (issue 9, item 5): one customer with a negative net amount made
 * the whole Segments analysis fail with "values must be non-negative (item 22 is -8.77)", item 22
 * being the 22nd customer. Customers whose amounts net to zero or less are now left out of the
 * RFM scores, segments, ABC classes and k-means, counted and named with their sheet rows.
 */
import * as aq from 'arquero';
import { excludedCustomersNote } from '../../../src/taskpane/analysis/data-notes.ts';
import { runKMeans, runSegments } from '../../../src/taskpane/analysis/segments.ts';

const mapping = { customer: 'Customer', date: 'Order date', amount: 'Net amount' };
const TODAY = '2026-12-01';

/** 30 customers with purchases; customer "R-22" bought 10.00 and returned 18.77 (net −8.77). */
function log() {
  const customer: string[] = [];
  const date: string[] = [];
  const amount: number[] = [];
  for (let c = 1; c <= 30; c++) {
    for (let j = 0; j <= c % 4; j++) {
      customer.push(`C-${c}`);
      date.push(`2024-0${1 + j}-${String(c % 28 + 1).padStart(2, '0')}`);
      amount.push(10 + c * (j + 1));
    }
  }
  customer.push('R-22', 'R-22', 'Z-0');
  date.push('2024-02-01', '2024-02-03', '2024-03-01');
  amount.push(10, -18.77, 0);
  return aq.table({ Customer: customer, 'Order date': date, 'Net amount': amount });
}

test('a customer with a negative net amount no longer rejects the analysis: scored customers exclude it', () => {
  const table = log();
  const result = runSegments(table, mapping, { bins: 5, ties: 'quantile', today: TODAY });
  expect(result.allCustomers).toBe(32);
  expect(result.customers.numRows()).toBe(30);
  expect(result.customers.array('customer')).not.toContain('R-22');
  expect(result.abc.summary.reduce((s, c) => s + c.customers, 0)).toBe(30);
  expect(result.excluded.map((e) => e.customer)).toEqual(['R-22', 'Z-0']);
  expect(result.excluded[0].monetary).toBeCloseTo(-8.77, 10);
  // 0-based rows of the table, for the note to turn into sheet rows.
  const n = table.numRows();
  expect(result.excluded[0].rows).toEqual([n - 3, n - 2]);
  expect(result.excluded[1].rows).toEqual([n - 1]);
  // k-means runs on the scored customers.
  expect(runKMeans(result.customers, { k: 3, log: true }).sizes.reduce((a, b) => a + b, 0)).toBe(30);
});

test('the note names the amount column, the customers, their net amounts and sheet rows', () => {
  const table = log();
  const result = runSegments(table, mapping, { bins: 5, ties: 'quantile', today: TODAY });
  const n = table.numRows();
  expect(excludedCustomersNote(result.excluded, 'Net amount', 'Customer', (i) => i + 2)).toBe(
    `Column "Net amount": 2 customers whose amounts net to zero or less (returns) are left out of the RFM scores, ` +
      `segments, ABC classes and k-means: Customer "R-22" (net -8.77; rows ${n - 1}, ${n}), Customer "Z-0" (net 0.00; row ${n + 1}).`,
  );
  expect(excludedCustomersNote([], 'Net amount', 'Customer', (i) => i + 2)).toBeNull();
});

test('no customer with a positive net amount: a clear error naming the column', () => {
  const table = aq.table({ Customer: ['a', 'b'], 'Order date': ['2024-01-01', '2024-01-02'], 'Net amount': [-1, 0] });
  expect(() => runSegments(table, mapping, { bins: 5, ties: 'quantile', today: TODAY })).toThrow(
    'Column "Net amount": no customer has a positive net amount, so there is nothing to score or rank.',
  );
});
