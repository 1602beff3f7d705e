/**
 * An RFM summary as the Segments view's input (issue 15): CDNOW's summary (what the SQL panel's
 * RFM query returns) pasted as a sheet gives the same scores, segments and ABC classes as the
 * transactions; customers without value and bad rows are named by sheet row.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as aq from 'arquero';
import { parseCdnow, rfmSummary } from '../../../src/core/index.ts';
import { runSegments } from '../../../src/taskpane/analysis/segments.ts';
import { looksLikeRfmSummary, RFM_SUMMARY_ROLES, rfmSummaryProblems, runSegmentsFromSummary } from '../../../src/taskpane/analysis/segments-summary-input.ts';
import { sheetValuesToTable } from '../../../src/taskpane/excel/cell-values.ts';
import { guessMapping } from '../../../src/taskpane/mapping/guess.ts';

const rows = parseCdnow(fs.readFileSync(path.join(__dirname, '../../../data/CDNOW_sample.txt'), 'utf8'));
const log = aq.table({
  customer: rows.map((r) => r.customer),
  date: rows.map((r) => `${String(r.date).slice(0, 4)}-${String(r.date).slice(4, 6)}-${String(r.date).slice(6)}`),
  amount: rows.map((r) => r.amount),
});
const header = ['customer', 'recency', 'frequency', 'monetary'];
const options = { bins: 5, ties: 'quantile' as const, asOf: '1998-06-30' };
const sheetRow = (i: number) => i + 2;

function pasted(edit: (row: unknown[], i: number) => void = () => undefined) {
  const summary = rfmSummary(log, { asOf: '1998-06-30' });
  const values: unknown[][] = [header];
  (summary.objects() as Record<string, unknown>[]).forEach((r, i) => {
    const row = header.map((h) => r[h]);
    edit(row, i);
    values.push(row);
  });
  return sheetValuesToTable(values).table;
}

test('the SQL RFM summary\'s header is recognised and mapped', () => {
  expect(looksLikeRfmSummary(header)).toBe(true);
  expect(looksLikeRfmSummary(['customer', 'date', 'amount'])).toBe(false);
  expect(guessMapping(header, RFM_SUMMARY_ROLES)).toEqual({ customer: 'customer', recency: 'recency', frequency: 'frequency', monetary: 'monetary' });
});

test('pasted CDNOW RFM summary: the same scores, segments and ABC classes as from the transactions', () => {
  const table = pasted();
  const mapping = guessMapping(header, RFM_SUMMARY_ROLES);
  expect(rfmSummaryProblems(table, mapping, sheetRow)).toEqual([]);
  const fromSummary = runSegmentsFromSummary(table, mapping, options);
  const fromLog = runSegments(log, { customer: 'customer', date: 'date', amount: 'amount' }, options);
  expect(fromSummary.input).toBe('summary');
  expect(fromSummary.allCustomers).toBe(2357);
  expect(fromSummary.customers.objects()).toEqual(fromLog.customers.objects());
  expect(fromSummary.breaks).toEqual(fromLog.breaks);
  expect(fromSummary.segments!.coverage).toEqual(fromLog.segments!.coverage);
  expect(fromSummary.abc.summary).toEqual(fromLog.abc.summary);
  // The eight one-time buyers of a $0 order (README), named by their row of the pasted sheet.
  expect(fromSummary.excluded.map((e) => e.customer)).toEqual(fromLog.excluded.map((e) => e.customer));
  expect(fromSummary.excluded).toHaveLength(8);
  const ids = table.array('customer') as ArrayLike<unknown>;
  for (const e of fromSummary.excluded) expect(ids[e.rows[0]]).toBe(e.customer);
});

test('bad rows are named by sheet row: negative recency, a fractional frequency', () => {
  const mapping = guessMapping(header, RFM_SUMMARY_ROLES);
  const negative = pasted((row, i) => {
    if (i === 2) row[1] = -3;
  });
  expect(rfmSummaryProblems(negative, mapping, sheetRow)).toEqual(['Column "recency", row 4: recency must be a number of days ≥ 0 (it is -3).']);
  const fraction = pasted((row, i) => {
    if (i === 6) row[2] = 2.5;
  });
  expect(rfmSummaryProblems(fraction, mapping, sheetRow)).toEqual(['Column "frequency", row 8: frequency must be a whole number ≥ 1 (it is 2.5).']);
  const none = pasted((row) => {
    row[3] = 0;
  });
  expect(() => runSegmentsFromSummary(none, mapping, options)).toThrow('Column "monetary": no customer has a positive total, so there is nothing to score or rank.');
});
