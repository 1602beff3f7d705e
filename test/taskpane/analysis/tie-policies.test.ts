/**
 * Segment shares per tie policy on the CDNOW sample (Fader, Hardie & Lee 2005; 2,349 customers
 * with a positive spend): each policy's shares are its own run's coverage, and the policy moves
 * "Lost" a lot, as the new-user review of issue 14 found in the pane (it saw 13.7% against 58.9%).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as aq from 'arquero';
import { parseCdnow } from '../../../src/core/index.ts';
import { runSegments } from '../../../src/taskpane/analysis/segments.ts';
import { sharesByTiePolicy, TIE_POLICIES } from '../../../src/taskpane/analysis/tie-policies.ts';

function cdnow() {
  const rows = parseCdnow(fs.readFileSync(path.join(__dirname, '../../../data/CDNOW_sample.txt'), 'utf8'));
  return aq.table({
    customer: rows.map((r) => r.customer),
    date: rows.map((r) => `${String(r.date).slice(0, 4)}-${String(r.date).slice(4, 6)}-${String(r.date).slice(6)}`),
    amount: rows.map((r) => r.amount),
  });
}

test('shares per tie policy equal each policy\'s own segment coverage, add up to 1, and name the largest move', () => {
  const table = cdnow();
  const mapping = { customer: 'customer', date: 'date', amount: 'amount' };
  const quantile = runSegments(table, mapping, { bins: 5, ties: 'quantile' });
  const comparison = sharesByTiePolicy(quantile.customers);
  for (const ties of TIE_POLICIES) {
    const own = runSegments(table, mapping, { bins: 5, ties }).segments!.coverage;
    for (const line of own) expect(comparison.rows.find((r) => r.segment === line.segment)?.shares.get(ties)).toBe(line.share);
    expect(comparison.rows.reduce((s, r) => s + (r.shares.get(ties) ?? 0), 0)).toBeCloseTo(1, 12);
  }
  const lost = comparison.rows.find((r) => r.segment === 'Lost')!;
  // 321 and 1,381 of the 2,349 customers: 13.7% with quantile breaks, 58.8% with quantiles of
  // distinct values.
  expect(lost.shares.get('quantile')! * 2349).toBeCloseTo(321, 9);
  expect(lost.shares.get('dense')! * 2349).toBeCloseTo(1381, 9);
  expect(comparison.largestMove.segment).toBe('Lost');
});
