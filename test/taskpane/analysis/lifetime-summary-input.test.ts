/**
 * A customer summary as the Lifetime value view's input (issue 15): the summary the core (and the
 * SQL panel's query) computes from CDNOW, pasted as a sheet, gives the same fits and CLV as the
 * transactions themselves, and bad rows are named by their sheet row.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as aq from 'arquero';
import { customerSummary, parseCdnow } from '../../../src/core/index.ts';
import { runLifetime } from '../../../src/taskpane/analysis/lifetime.ts';
import { looksLikeSummary, runLifetimeFromSummary, SUMMARY_ROLES, summaryProblems } from '../../../src/taskpane/analysis/lifetime-summary-input.ts';
import { sheetValuesToTable } from '../../../src/taskpane/excel/cell-values.ts';
import { guessMapping } from '../../../src/taskpane/mapping/guess.ts';

const rows = parseCdnow(fs.readFileSync(path.join(__dirname, '../../../data/CDNOW_sample.txt'), 'utf8'));
const log = aq.table({
  customer: rows.map((r) => r.customer),
  date: rows.map((r) => `${String(r.date).slice(0, 4)}-${String(r.date).slice(4, 6)}-${String(r.date).slice(6)}`),
  amount: rows.map((r) => r.amount),
});
const columns = { customer: 'customer', date: 'date', amount: 'amount' };
const options = { calibrationEnd: '1997-09-30', margin: 0.3, monthlyDiscount: 0.01, months: 12 };
const header = ['customer', 'x', 't_x', 'T', 'monetary'];
const sheetRow = (i: number) => i + 2;

/** The core's summary written to a sheet and read back as the pane reads a selection. */
function pasted(extra: (row: unknown[], i: number) => void = () => undefined) {
  const summary = customerSummary(log, { ...columns, calibrationEnd: '1997-09-30', timeUnit: 'week' });
  const values: unknown[][] = [header];
  (summary.objects() as Record<string, unknown>[]).forEach((r, i) => {
    const row = header.map((h) => r[h]);
    extra(row, i);
    values.push(row);
  });
  return sheetValuesToTable(values);
}

test('the SQL summary\'s header is recognised and mapped column by column', () => {
  expect(looksLikeSummary(header)).toBe(true);
  expect(looksLikeSummary(['customer', 'date', 'amount'])).toBe(false);
  expect(guessMapping(header, SUMMARY_ROLES)).toEqual({ customer: 'customer', x: 'x', t_x: 't_x', T: 'T', monetary: 'monetary' });
});

test('pasted CDNOW summary: the fits (r = 0.243, α = 4.414, Fader, Hardie & Lee 2005) and CLV equal those from the transactions', () => {
  const { table } = pasted();
  const mapping = guessMapping(header, SUMMARY_ROLES);
  expect(summaryProblems(table, mapping, sheetRow)).toEqual([]);
  const fromSummary = runLifetimeFromSummary(table, mapping, options);
  const fromLog = runLifetime(log, columns, options);
  expect(fromSummary.input).toBe('summary');
  expect(fromSummary.summary.numRows()).toBe(2357);
  expect(fromSummary.bgNbd).toEqual(fromLog.bgNbd);
  expect(fromSummary.bgNbd.r).toBeCloseTo(0.243, 3);
  expect(fromSummary.gammaGamma).toEqual(fromLog.gammaGamma);
  expect(Array.from(fromSummary.clv.table.array('clv') as Float64Array)).toEqual(Array.from(fromLog.clv.table.array('clv') as Float64Array));
  expect(fromSummary.top).toEqual(fromLog.top);
});

test('Pareto/NBD on a pasted summary: LL −9595.0 as on the transactions', () => {
  const { table } = pasted();
  const mapping = guessMapping(header, SUMMARY_ROLES);
  const result = runLifetimeFromSummary(table, mapping, { ...options, model: 'pareto-nbd' });
  expect(result.model).toBe('Pareto/NBD');
  expect(result.purchase.logLikelihood).toBeCloseTo(-9595.0, 1); // Fader, Hardie & Lee (2005)
});

test('bad rows are named by sheet row: t_x after T, a fractional x, text in monetary', () => {
  const mapping = guessMapping(header, SUMMARY_ROLES);
  const late = pasted((row, i) => {
    if (i === 4) row[2] = (row[3] as number) + 1;
  }).table;
  expect(summaryProblems(late, mapping, sheetRow)).toEqual([expect.stringMatching(/^Column "t_x", row 6: t_x must lie between 0 and T \(t_x is [\d.]+, T is [\d.]+\)\.$/)]);
  const fraction = pasted((row, i) => {
    if (i === 9) row[1] = 1.5;
  }).table;
  expect(summaryProblems(fraction, mapping, sheetRow)).toEqual(['Column "x", row 11: x must be a whole number from 0 to 1,000,000 (it is 1.5).']);
  const text = pasted((row, i) => {
    if (i === 0) row[4] = 'n/a';
  }).table;
  expect(summaryProblems(text, mapping, sheetRow)[0]).toBe('Column "monetary", row 2 is not a number (got "n/a"). Monetary (mean repeat value) must be a number, the mean value of the repeat purchase days.');
});
