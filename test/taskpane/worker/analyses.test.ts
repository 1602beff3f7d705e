/**
 * Every analysis the pane runs in its worker, on the bundled samples, with code generation
 * forbidden (the pane's Content-Security-Policy refuses eval and `new Function`; Arquero compiles
 * string expressions, escaped functions and row-object builders that way): none may need it. And
 * what crosses the worker boundary comes back equal: results encoded and decoded as the worker
 * and the pane do match the results computed in one thread.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as aq from 'arquero';
import { customerSummary, parseCdnow, rfmSummary } from '../../../src/core/index.ts';
import { guessMapping } from '../../../src/taskpane/mapping/guess.ts';
import { TRANSACTION_ROLES } from '../../../src/taskpane/mapping/roles.ts';
import { guessSurveyMapping } from '../../../src/taskpane/mapping/survey.ts';
import { runAnalysis, type AnalysisName } from '../../../src/taskpane/worker/analyses.ts';
import { decode, encode, isColumnTable } from '../../../src/taskpane/worker/codec.ts';

const data = path.join(__dirname, '../../../data');

function cdnow() {
  const rows = parseCdnow(fs.readFileSync(path.join(data, 'CDNOW_sample.txt'), 'utf8'));
  return aq.table({
    customer: rows.map((r) => r.customer),
    date: rows.map((r) => `${String(r.date).slice(0, 4)}-${String(r.date).slice(4, 6)}-${String(r.date).slice(6)}`),
    amount: rows.map((r) => r.amount),
  });
}

/** Runs `work` with `Function` (and so every compiled Arquero expression) refused, as under the CSP. */
function withoutCodeGeneration<T>(work: () => T): T {
  const original = globalThis.Function;
  const refuse = () => {
    throw new EvalError('code generation is forbidden (Content-Security-Policy without unsafe-eval)');
  };
  globalThis.Function = new Proxy(original, { apply: refuse, construct: refuse });
  try {
    return work();
  } finally {
    globalThis.Function = original;
  }
}

/** Results with tables replaced by their column names and values, for deep comparison. */
function plain(value: unknown): unknown {
  if (isColumnTable(value)) {
    const names = value.columnNames();
    return { names, columns: names.map((n) => Array.from(value.array(n) as ArrayLike<unknown>)) };
  }
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, plain(v)]));
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && !(value instanceof Date)) {
    return Object.fromEntries(Object.keys(value).map((k) => [k, plain((value as Record<string, unknown>)[k])]));
  }
  return value;
}

const transactions = cdnow();
const mapping = guessMapping(transactions.columnNames(), TRANSACTION_ROLES, transactions);
const clvOptions = { calibrationEnd: '1997-09-30', margin: 0.3, monthlyDiscount: 0.01, months: 12 };
const survey = aq.fromCSV(fs.readFileSync(path.join(data, 'survey_ecsi_synthetic.csv'), 'utf8'));
const tracking = aq.fromCSV(fs.readFileSync(path.join(data, 'survey_tracking.csv'), 'utf8'));
const trackingSettings = {
  compareBy: 'wave',
  filterColumn: 'brand',
  filterValue: 'Us',
  items: ['SAT1', 'SAT2', 'SAT3'],
  npsItem: 'REC',
  scaleMin: 1,
  scaleMax: 10,
  from: '2024 Q3',
  to: '2024 Q4',
  benchmark: null,
};

/** The summaries a database returns for a log too big for a sheet (the views' summary input). */
const lifetimeSummary = customerSummary(transactions, { customer: 'customer', date: 'date', amount: 'amount', calibrationEnd: '1997-09-30', timeUnit: 'week' }).select('customer', 'x', 't_x', 'T', 'monetary');
const lifetimeSummaryMapping = { customer: 'customer', x: 'x', t_x: 't_x', T: 'T', monetary: 'monetary' };
const segmentsSummary = rfmSummary(transactions, { asOf: '1998-06-30' }).select('customer', 'recency', 'frequency', 'monetary');
const segmentsSummaryMapping = { customer: 'customer', recency: 'recency', frequency: 'frequency', monetary: 'monetary' };
const valueMapSurveys = aq.table({
  year: ['2023', '2023', '2024', '2024'],
  offer: ['Us', 'Brand C', 'Us', 'Brand C'],
  quality: [100, 105, 110, 100],
  price: [100, 100, 100, 110],
});

/** The pane's ECSI sample: the survey with its open comments and 0–10 recommend answers. */
const commented = survey.assign(aq.fromCSV(fs.readFileSync(path.join(data, 'survey_ecsi_comments.csv'), 'utf8'), { parse: { comment: String, language: String } }).select('recommend', 'comment'));

const cases: [AnalysisName, unknown[]][] = [
  ['segments', [transactions, mapping, { bins: 5, ties: 'quantile', asOf: '1998-06-30' }, { k: 4, log: true }]],
  ['migration', [transactions, mapping, '1997-09-30', '1998-06-30']],
  ['lifetime', [transactions, mapping, clvOptions]],
  ['valueOverQuarters', [transactions, mapping, clvOptions]],
  ['valueMap', [aq.table({ offer: ['Ours', 'Brand C'], quality: [104, 90], price: [84.46, 105] }), { offer: 'offer', quality: 'quality', price: 'price' }, { line: 'fair', tolerance: 3 }]],
  ['satisfaction', [survey, guessSurveyMapping(survey.columnNames(), survey)]],
  ['tracking', [tracking, trackingSettings]],
  ['segmentsFromSummary', [segmentsSummary, segmentsSummaryMapping, { bins: 5, ties: 'quantile', asOf: undefined }, { k: 4, log: true }]],
  ['checkRfmSummary', [segmentsSummary, segmentsSummaryMapping, 2]],
  ['lifetimeFromSummary', [lifetimeSummary, lifetimeSummaryMapping, { ...clvOptions, model: 'pareto-nbd' }]],
  ['checkLifetimeSummary', [lifetimeSummary, lifetimeSummaryMapping, 2]],
  ['lifetime', [transactions, mapping, { ...clvOptions, model: 'holdout', holdoutWeeks: null }]],
  ['lifetime', [transactions, mapping, { ...clvOptions, model: 'pareto-nbd' }]],
  ['satisfactionLoyalty', [commented, guessSurveyMapping(commented.columnNames(), commented)]],
  ['commentsStart', [commented, 'recommend']],
  ['commentTerms', [commented, 'comment', 'recommend']],
  ['valueMapOverTime', [valueMapSurveys, { offer: 'offer', quality: 'quality', price: 'price' }, { line: 'fair', tolerance: 3 }, { survey: 'year', before: '2023', after: '2024' }]],
];

test.each(cases)('%s runs without code generation and survives the trip through the worker boundary', (name, args) => {
  const result = withoutCodeGeneration(() => runAnalysis(name, args));
  const arrived = decode(structuredClone(encode(result)));
  expect(plain(arrived)).toEqual(plain(result));
});

test('k-means on the scored customers runs without code generation', () => {
  const { result } = runAnalysis('segments', cases[0][1]) as { result: { customers: ReturnType<typeof aq.table> } };
  const clusters = withoutCodeGeneration(() => runAnalysis('clusterCustomers', [result.customers, { k: 3, log: true }])) as { clusters: { sizes: number[] } };
  expect(clusters.clusters.sizes.reduce((a, b) => a + b, 0)).toBe(result.customers.numRows());
});

test('the holdout comparison and the summary inputs arrive whole: model, comparison and the top customers', () => {
  const held = decode(structuredClone(encode(runAnalysis('lifetime', [transactions, mapping, { ...clvOptions, model: 'holdout', holdoutWeeks: 13 }])))) as {
    comparison: { weeks: number; comparison: { calibrationHoldout: unknown } } | null;
    top: unknown[];
  };
  expect(held.comparison?.weeks).toBe(13);
  expect(isColumnTable(held.comparison?.comparison.calibrationHoldout)).toBe(true);
  expect(held.top.length).toBeGreaterThan(0);
  const summary = decode(structuredClone(encode(runAnalysis('lifetimeFromSummary', [lifetimeSummary, lifetimeSummaryMapping, clvOptions])))) as { input: string; summary: unknown };
  expect(summary.input).toBe('summary');
  expect(isColumnTable(summary.summary)).toBe(true);
  expect(runAnalysis('checkRfmSummary', [segmentsSummary, segmentsSummaryMapping, 2])).toEqual([]);
  expect(runAnalysis('checkLifetimeSummary', [lifetimeSummary, lifetimeSummaryMapping, 2])).toEqual([]);
});

test('the Satisfaction view\'s loyalty and comments panels get their numbers from the worker: groups, curve and terms', () => {
  const loyalty = decode(structuredClone(encode(runAnalysis('satisfactionLoyalty', [commented, guessSurveyMapping(commented.columnNames(), commented)])))) as { quadrants: { count: number }[] } | null;
  expect(loyalty).not.toBeNull();
  expect(loyalty!.quadrants.reduce((sum, q) => sum + q.count, 0)).toBeGreaterThan(0);
  const start = decode(structuredClone(encode(runAnalysis('commentsStart', [commented, 'recommend'])))) as { columns: string[]; group: string; terms: { group: string }[] };
  expect(start.columns[0]).toBe('comment');
  expect(start.group).toBe('recommend');
  expect(new Set(start.terms.map((t) => t.group)).size).toBe(2);
  // A comparison that cannot be made comes back as the error to show, not as a failed run.
  const oneGroup = commented.assign({ same: Array.from({ length: commented.numRows() }, () => 1) });
  expect(decode(structuredClone(encode(runAnalysis('commentTerms', [oneGroup, 'comment', 'same']))))).toBeInstanceOf(Error);
});
