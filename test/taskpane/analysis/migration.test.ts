/** The Segments view's migration panel on the CDNOW sample as the pane holds it (ISO date strings). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as aq from 'arquero';
import { parseCdnow, segmentMigration } from '../../../src/core/index.ts';
import { defaultMigrationDates, runMigration } from '../../../src/taskpane/analysis/migration.ts';

const rows = parseCdnow(fs.readFileSync(path.join(__dirname, '../../../data/CDNOW_sample.txt'), 'utf8'));
const table = aq.table({
  customer: rows.map((r) => r.customer),
  date: rows.map((r) => `${String(r.date).slice(0, 4)}-${String(r.date).slice(4, 6)}-${String(r.date).slice(6)}`),
  amount: rows.map((r) => r.amount),
});
const mapping = { customer: 'customer', date: 'date', amount: 'amount' };

test('default dates: the middle of the data (CDNOW: 1997-09-30, the calibration end) and its last day', () => {
  expect(defaultMigrationDates(table, 'date')).toEqual({ from: '1997-09-30', to: '1998-06-30' });
});

test('the matrix is segmentMigration’s; the slipping customers went from valuable to at-risk segments', () => {
  const { migration, slipping } = runMigration(table, mapping, '1997-09-30', '1998-06-30');
  expect(migration.matrix.objects()).toEqual(segmentMigration(rows, { from: '1997-09-30', to: '1998-06-30' }).matrix.objects());
  const all = migration.customers.objects() as { fromSegment: string; toSegment: string }[];
  const expected = all.filter(
    (c) => ['Champions', 'Loyal Customers', 'Potential Loyalist'].includes(c.fromSegment) && ['At Risk', "Can't Lose Them", 'About To Sleep', 'Lost'].includes(c.toSegment),
  );
  expect(slipping.length).toBe(expected.length);
  expect(slipping.length).toBe(50);
});
