/**
 * The pane's computations wired to the core through a guessed mapping, on the bundled samples:
 * the numbers must be the published / reference ones, so that mapping, date handling and
 * options reach the core intact.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as aq from 'arquero';
import { parseCdnow } from '../../../src/core/index.ts';
import { runLifetime } from '../../../src/taskpane/analysis/lifetime.ts';
import { runSatisfaction } from '../../../src/taskpane/analysis/satisfaction.ts';
import { runKMeans, runSegments } from '../../../src/taskpane/analysis/segments.ts';
import { runValueMap } from '../../../src/taskpane/analysis/value-map.ts';
import { guessMapping } from '../../../src/taskpane/mapping/guess.ts';
import { TRANSACTION_ROLES, VALUE_MAP_ROLES } from '../../../src/taskpane/mapping/roles.ts';
import { guessSurveyMapping } from '../../../src/taskpane/mapping/survey.ts';
import { sheetValuesToTable } from '../../../src/taskpane/excel/cell-values.ts';
import { HOSTILE_NAMES, withOwn } from '../../core/hostile-names.ts';
import { CDNOW_BG_NBD, CDNOW_BG_NBD_LOG_LIKELIHOOD, CDNOW_GAMMA_GAMMA } from '../../fixtures/published.ts';

const data = path.join(__dirname, '../../../data');

/** The CDNOW sample as the pane holds it: ISO date strings. */
function cdnow() {
  const rows = parseCdnow(fs.readFileSync(path.join(data, 'CDNOW_sample.txt'), 'utf8'));
  return aq.table({
    customer: rows.map((r) => r.customer),
    date: rows.map((r) => `${String(r.date).slice(0, 4)}-${String(r.date).slice(4, 6)}-${String(r.date).slice(6)}`),
    amount: rows.map((r) => r.amount),
  });
}

test('lifetime on CDNOW, calibration 1997-09-30: Fader, Hardie & Lee (2005) BG/NBD and Fader & Hardie note 025 Gamma-Gamma', () => {
  const table = cdnow();
  const mapping = guessMapping(table.columnNames(), TRANSACTION_ROLES, table);
  expect(mapping).toEqual({ customer: 'customer', date: 'date', amount: 'amount' });
  const result = runLifetime(table, mapping, { calibrationEnd: '1997-09-30', margin: 0.3, monthlyDiscount: 0.01, months: 12 });
  expect(result.summary.numRows()).toBe(2357);
  // Published: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL −9582.4.
  expect(result.bgNbd.r).toBeCloseTo(CDNOW_BG_NBD.r, 3);
  expect(result.bgNbd.alpha).toBeCloseTo(CDNOW_BG_NBD.alpha, 3);
  expect(result.bgNbd.a).toBeCloseTo(CDNOW_BG_NBD.a, 3);
  expect(result.bgNbd.b).toBeCloseTo(CDNOW_BG_NBD.b, 3);
  expect(result.bgNbd.logLikelihood).toBeCloseTo(CDNOW_BG_NBD_LOG_LIKELIHOOD, 1);
  // Published: 946 repeat buyers, p = 6.25, q = 3.74, γ = 15.44.
  expect(result.gammaGamma.n).toBe(946);
  expect(result.gammaGamma.p).toBeCloseTo(CDNOW_GAMMA_GAMMA.p, 2);
  expect(result.gammaGamma.q).toBeCloseTo(CDNOW_GAMMA_GAMMA.q, 2);
  expect(result.gammaGamma.gamma).toBeCloseTo(CDNOW_GAMMA_GAMMA.gamma, 2);
  // T runs to the calibration end: at most 38.857 weeks (DESIGN.md).
  expect(result.maxT).toBeCloseTo(38.857, 3);
});

test('segments on CDNOW: every customer scored, segmented and classed; coverage adds up', () => {
  const table = cdnow();
  const result = runSegments(table, { customer: 'customer', date: 'date', amount: 'amount' }, { bins: 5, ties: 'quantile' });
  expect(result.asOf).toBe('1998-06-30'); // the last purchase day of the sample
  expect(result.allCustomers).toBe(2357);
  // CDNOW's eight $0 orders are one-time buyers with no positive spend: left out of the scores and named.
  expect(result.excluded).toHaveLength(8);
  expect(result.excluded.every((e) => e.monetary === 0 && e.rows.length === 1)).toBe(true);
  expect(result.customers.numRows()).toBe(2349);
  expect(result.segments!.coverage.reduce((s, c) => s + c.customers, 0)).toBe(2349);
  expect(result.abc.summary.reduce((s, c) => s + c.customers, 0)).toBe(2349);
  expect(result.customers.columnNames()).toEqual(['customer', 'recency', 'frequency', 'monetary', 'R', 'F', 'M', 'segment', 'abc']);
  const clusters = runKMeans(result.customers, { k: 3, log: true });
  expect(clusters.sizes.reduce((a, b) => a + b, 0)).toBe(2349);
  // Seeded: the same k gives the same clusters.
  expect(Array.from(runKMeans(result.customers, { k: 3, log: true }).assignments)).toEqual(Array.from(clusters.assignments));
});

test('segments with another number of scores skip the named segments (their rules are for 5)', () => {
  const result = runSegments(cdnow(), { customer: 'customer', date: 'date', amount: 'amount' }, { bins: 4, ties: 'dense' });
  expect(result.segments).toBeNull();
  expect(result.breaks.recency.breaks).toHaveLength(3);
});

test('satisfaction on the ECSI survey with the guessed mapping matches the reference PLS results to 1e-6', () => {
  const table = aq.fromCSV(fs.readFileSync(path.join(data, 'survey_ecsi_synthetic.csv'), 'utf8'));
  const reference = JSON.parse(fs.readFileSync(path.join(data, 'survey_ecsi_synthetic.reference.json'), 'utf8'));
  const mapping = guessSurveyMapping(table.columnNames(), table);
  expect(mapping.blocks).toEqual(reference.model.blocks);
  expect([...mapping.paths].sort()).toEqual([...reference.model.paths].sort());
  expect(mapping.scale).toEqual({ min: 1, max: 10 });
  const result = runSatisfaction(table, mapping);
  const expected = reference.results.path;
  for (const [from, targets] of Object.entries(expected.path_coefficients as Record<string, Record<string, number>>)) {
    for (const [to, value] of Object.entries(targets)) expect(result.pls.pathCoefficients[from][to]).toBeCloseTo(value, 6);
  }
  for (const [construct, value] of Object.entries(expected.index_0_100 as Record<string, number>)) {
    expect(result.pls.indices[construct]).toBeCloseTo(value, 6);
  }
  // CSI of the Satisfaction items: (mean of item means − 1)/9·100, computed independently here.
  const items = mapping.blocks.Satisfaction;
  const means = items.map((item) => {
    const v = table.array(item) as number[];
    return v.reduce((s, x) => s + x, 0) / v.length;
  });
  expect(result.csi).toBeCloseTo(((means.reduce((s, m) => s + m, 0) / means.length - 1) / 9) * 100, 10);
  // Drivers of Satisfaction: the items of Image, Expectation, Quality and Value (its antecedents).
  expect(result.drivers!.drivers.map((d) => d.driver)).toEqual([
    ...mapping.blocks.Image, ...mapping.blocks.Expectation, ...mapping.blocks.Quality, ...mapping.blocks.Value,
  ]);
  expect(result.nps).toBeNull();
});

test.each(HOSTILE_NAMES)('satisfaction with the outcome construct and one of its items named %s: the same numbers (names are data)', (name) => {
  const csv = aq.fromCSV(fs.readFileSync(path.join(data, 'survey_ecsi_synthetic.csv'), 'utf8'));
  const plain = guessSurveyMapping(csv.columnNames(), csv);
  const expected = runSatisfaction(csv, plain);
  // The same survey as the pane reads it from a sheet whose SAT1 column is headed `name`.
  const header = csv.columnNames().map((c) => (c === 'SAT1' ? name : c));
  const sheet = [header, ...Array.from({ length: csv.numRows() }, (_, i) => csv.columnNames().map((c) => csv.get(c, i)))];
  const { table } = sheetValuesToTable(sheet);
  const rename = (c: string) => (c === 'Satisfaction' ? name : c);
  const mapping = {
    ...plain,
    blocks: withOwn(Object.entries(plain.blocks).map(([c, items]) => [rename(c), items.map((item) => (item === 'SAT1' ? name : item))])),
    paths: plain.paths.map(([a, b]) => [rename(a), rename(b)] as [string, string]),
    outcome: name,
  };
  const result = runSatisfaction(table, mapping);
  expect(result.csi).toBe(expected.csi);
  expect(result.pls.indices[name]).toBe(expected.pls.indices.Satisfaction);
  expect(result.pls.pathCoefficients.Quality[name]).toBe(expected.pls.pathCoefficients.Quality.Satisfaction);
  expect(result.pls.outerWeights[name]).toBe(expected.pls.outerWeights.SAT1);
  expect(result.drivers!.rSquared).toBe(expected.drivers!.rSquared);
});

test('segments, lifetime and value map on columns headed __proto__, constructor, toString (names are data)', () => {
  const plain = cdnow();
  // The CDNOW log as the pane reads it from a sheet with hostile headers.
  const [customer, date, amount] = ['__proto__', 'constructor', 'toString'];
  const rows = Array.from({ length: plain.numRows() }, (_, i) => [plain.get('customer', i), plain.get('date', i), plain.get('amount', i)]);
  const { table } = sheetValuesToTable([[customer, date, amount], ...rows]);
  const mapping = { customer, date, amount };
  const segments = runSegments(table, mapping, { bins: 5, ties: 'quantile' });
  const expectedSegments = runSegments(plain, { customer: 'customer', date: 'date', amount: 'amount' }, { bins: 5, ties: 'quantile' });
  expect(segments.customers.objects()).toEqual(expectedSegments.customers.objects());
  const options = { calibrationEnd: '1997-09-30', margin: 0.3, monthlyDiscount: 0.01, months: 12 };
  const lifetime = runLifetime(table, mapping, options);
  const expectedLifetime = runLifetime(plain, { customer: 'customer', date: 'date', amount: 'amount' }, options);
  expect(lifetime.bgNbd).toEqual(expectedLifetime.bgNbd);
  expect(lifetime.clv.table.objects()).toEqual(expectedLifetime.clv.table.objects());
  const offers = sheetValuesToTable([['hasOwnProperty', 'valueOf', '__proto__'], ['Ours', 104, 84.46], ['Brand C', 90, 105]]).table;
  const valueMap = runValueMap(offers, { offer: 'hasOwnProperty', quality: 'valueOf', price: '__proto__' }, { line: 'fair', tolerance: 3 });
  expect(valueMap.table.array('zone')).toEqual(['better value', 'worse value']);
});

test("value map on Gale's car example: our relative price 84.46 sits below the line (DESIGN.md)", () => {
  const table = aq.table({ offer: ['Ours', 'Brand C'], quality: [104, 90], price: [84.46, 105] });
  const mapping = guessMapping(table.columnNames(), VALUE_MAP_ROLES, table);
  const result = runValueMap(table, mapping, { line: 'fair', tolerance: 3 });
  expect(result.table.array('zone')).toEqual(['better value', 'worse value']);
  expect(result.table.get('distance', 0)).toBeCloseTo((104 - 84.46) / Math.SQRT2, 10);
});
