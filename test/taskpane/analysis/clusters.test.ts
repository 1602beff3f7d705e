/**
 * k-means in the Segments view on degenerate data (issue 9, item 5): fewer customers than k made
 * the whole view fail after RFM was computed; 50 identical customers gave sizes [50, 0, 0, 0]. Now
 * the k-means part says what is wrong with k (naming the field) and the rest of the view stands.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as aq from 'arquero';
import { parseCdnow } from '../../../src/core/index.ts';
import { clusterCustomers, runSegments } from '../../../src/taskpane/analysis/segments.ts';

const mapping = { customer: 'customer', date: 'date', amount: 'amount' };
const TODAY = '2026-12-01';

test('three customers and k = 4: RFM is there, k-means says k is too large for 3 customers', () => {
  const table = aq.table({ customer: ['a', 'b', 'c'], date: ['2024-01-01', '2024-02-01', '2024-03-01'], amount: [10, 20, 30] });
  const result = runSegments(table, mapping, { bins: 5, ties: 'quantile', today: TODAY });
  expect(result.customers.numRows()).toBe(3);
  const clusters = clusterCustomers(result.customers, { k: 4, log: true });
  expect(clusters.clusters).toBeNull();
  expect(clusters.problem).toBe('k-means clusters (k) is 4, but only 3 customers are scored: choose k from 1 to 3.');
});

test('50 identical customers: no empty clusters, a message with the number of distinct profiles', () => {
  const customer = Array.from({ length: 50 }, (_, i) => `c${i}`);
  const table = aq.table({ customer, date: customer.map(() => '2024-01-01'), amount: customer.map(() => 25) });
  const result = runSegments(table, mapping, { bins: 5, ties: 'quantile', today: TODAY });
  const clusters = clusterCustomers(result.customers, { k: 4, log: false });
  expect(clusters.clusters).toBeNull();
  expect(clusters.problem).toBe(
    'k-means clusters (k) is 4, but the 50 scored customers have only 1 distinct recency, frequency and monetary profile: choose k from 1 to 1.',
  );
  expect(clusterCustomers(result.customers, { k: 1, log: false }).clusters!.sizes).toEqual([50]);
});

test('k outside the field range is a message naming the field, not a stack overflow', () => {
  const table = aq.table({ customer: ['a', 'b'], date: ['2024-01-01', '2024-02-01'], amount: [10, 20] });
  const result = runSegments(table, mapping, { bins: 5, ties: 'quantile', today: TODAY });
  expect(clusterCustomers(result.customers, { k: 2000, log: true }).problem).toBe(
    'k-means clusters (k) must be a whole number from 1 to 12 (it is 2000).',
  );
});

test('log scaling (the pane default) on CDNOW with k = 4: no one-customer cluster; without it there is one', () => {
  const rows = parseCdnow(fs.readFileSync(path.join(__dirname, '../../../data/CDNOW_sample.txt'), 'utf8'));
  const table = aq.table({ customer: rows.map((r) => r.customer), date: rows.map((r) => r.date), amount: rows.map((r) => r.amount) });
  const result = runSegments(table, mapping, { bins: 5, ties: 'quantile', today: TODAY });
  const logged = clusterCustomers(result.customers, { k: 4, log: true }).clusters!;
  const raw = clusterCustomers(result.customers, { k: 4, log: false }).clusters!;
  expect(Math.min(...logged.sizes)).toBeGreaterThan(100);
  expect(Math.min(...raw.sizes)).toBe(1);
  expect(logged.transform).toEqual(['none', 'log', 'log']);
});
