/**
 * The Lifetime value view's model choice on the CDNOW sample: the default holdout is the split of
 * Fader, Hardie & Lee (2005), the comparison reproduces their log-likelihoods, the parameters are
 * shown with lifetimes' standard errors, the P(alive) grid agrees with the core's scorers for
 * both models, and the CLV intervals are the core's `clvIntervals` on the listed customers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as aq from 'arquero';
import {
  clvIntervals,
  customerSummary,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  paretoNbdPAlive,
  parseCdnow,
  pAliveMatrix,
} from '../../../src/core/index.ts';
import { runLifetime, TOP_CUSTOMERS } from '../../../src/taskpane/analysis/lifetime.ts';
import {
  defaultHoldoutWeeks,
  holdoutComparison,
  isParetoFit,
  parameterText,
  pAliveGrid,
  withClvIntervals,
} from '../../../src/taskpane/analysis/lifetime-model.ts';

const columns = { customer: 'customer', date: 'date', amount: 'amount' };

/** The CDNOW sample as the pane holds it: ISO date strings. */
function cdnow() {
  const rows = parseCdnow(fs.readFileSync(path.join(__dirname, '../../../data/CDNOW_sample.txt'), 'utf8'));
  return aq.table({
    customer: rows.map((r) => r.customer),
    date: rows.map((r) => `${String(r.date).slice(0, 4)}-${String(r.date).slice(4, 6)}-${String(r.date).slice(6)}`),
    amount: rows.map((r) => r.amount),
  });
}

const log = cdnow();
const paper = customerSummary(log, { ...columns, calibrationEnd: '1997-09-30', timeUnit: 'week' });

test('the default holdout is half the history: 39 weeks on CDNOW to 1998-06-30, the split at 1997-09-30', () => {
  expect(defaultHoldoutWeeks(log, 'date', '1998-06-30')).toBe(39);
  // 1997-01-01 to 1997-09-30 is 272 days: 19 weeks.
  expect(defaultHoldoutWeeks(log, 'date', '1997-09-30')).toBe(19);
});

test('holdout comparison on the paper split: LL −9582.4 (BG/NBD) and −9595.0 (Pareto/NBD), Fader, Hardie & Lee (2005)', () => {
  const held = holdoutComparison(log, columns, '1998-06-30', 39);
  expect(held.splitDate).toBe('1997-09-30');
  const [bg, pareto] = held.comparison.scores;
  expect(bg.model).toBe('BG/NBD');
  expect(bg.logLikelihood).toBeCloseTo(-9582.4, 1);
  expect(pareto.logLikelihood).toBeCloseTo(-9595.0, 1);
  expect(held.comparison.customers).toBe(2357);
  expect(held.comparison.better.aic).toBe('BG/NBD');
});

test('a holdout that leaves fewer than two customers before the split is refused, naming the field', () => {
  expect(() => holdoutComparison(log, columns, '1997-03-31', 13)).toThrow(/^Holdout \(weeks\): 13 weeks before 1997-03-31 is 1996-12-30/);
});

test('parameters ± standard error as lifetimes prints them (r 0.012557, α 0.378221, a 0.185719, b 0.705345)', () => {
  const text = parameterText(fitBgNbd(paper));
  const match = /^r = ([\d.]+) ± ([\d.]+), α = ([\d.]+) ± ([\d.]+), a = ([\d.]+) ± ([\d.]+), b = ([\d.]+) ± ([\d.]+)$/.exec(text);
  expect(match).not.toBeNull();
  // lifetimes' documentation: 0.242593 ± 0.012557, 4.413532 ± 0.378221, 0.792886 ± 0.185719, 2.425752 ± 0.705345;
  // shown to 4 decimals, so each agrees to 2e-3 relative (the tolerance) plus half a unit of the last digit.
  const published = [0.242593, 0.012557, 4.413532, 0.378221, 0.792886, 0.185719, 2.425752, 0.705345];
  published.forEach((value, i) => expect(Math.abs(Number(match![i + 1]) - value)).toBeLessThanOrEqual(2e-3 * value + 5e-5));
  expect(parameterText(fitGammaGamma(paper))).toMatch(/^p = 6\.2\d+ ± \d\.\d{4}, q = 3\.7\d+ ± \d\.\d{4}, γ = 15\.4\d+ ± \d+\.\d{4}$/);
});

test('P(alive) grid: BG/NBD equals the core pAliveMatrix; Pareto/NBD equals paretoNbdPAlive cell by cell', () => {
  const bg = fitBgNbd(paper);
  const grid = pAliveGrid(bg, 38.86);
  const core = pAliveMatrix(bg, { T: 38.86 });
  expect(grid.numRows()).toBe(core.numRows());
  const a = grid.array('p_alive') as Float64Array;
  const b = core.array('p_alive') as Float64Array;
  for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i], 12);
  // BTYD walkthrough parameters (the core reproduces P(alive) 0.9979 for x = 26, t_x = 30.86, T = 31).
  const pareto = { r: 0.5533971, alpha: 10.5801985, s: 0.6061, beta: 11.6562 };
  const pGrid = pAliveGrid({ ...pareto } as never, 31);
  expect(isParetoFit(pareto as never)).toBe(true);
  const xs = pGrid.array('x') as Int32Array;
  const txs = pGrid.array('t_x') as Float64Array;
  const ps = pGrid.array('p_alive') as Float64Array;
  for (let i = 0; i < ps.length; i++) {
    const expected = paretoNbdPAlive(pareto, xs[i], xs[i] === 0 ? 0 : txs[i], 31);
    expect(ps[i]).toBeCloseTo(expected, 12);
  }
});

test('CLV intervals of the listed customers are the core clvIntervals on their rows and hold the point CLV', () => {
  const result = runLifetime(log, columns, { calibrationEnd: '1997-09-30', margin: 0.3, monthlyDiscount: 0.01, months: 12 });
  expect(result.model).toBe('BG/NBD');
  expect(result.purchase).toBe(result.bgNbd);
  expect(result.top).toHaveLength(TOP_CUSTOMERS);
  const rows = result.top;
  const direct = clvIntervals(
    aq.table({ x: rows.map((r) => r.x as number), t_x: rows.map((r) => r.t_x as number), T: rows.map((r) => r.T as number), monetary: rows.map((r) => r.monetary as number) }),
    result.bgNbd,
    result.gammaGamma,
    { margin: 0.3, discountRate: 0.01, horizon: 12, timeUnit: 'week', period: 'month' },
    { draws: 200, seed: 1 },
  );
  rows.forEach((row, i) => {
    expect(row.clv_low).toBe(direct.lower[i]);
    expect(row.clv_high).toBe(direct.upper[i]);
    expect(row.clv_low as number).toBeLessThan(row.clv as number);
    expect(row.clv_high as number).toBeGreaterThan(row.clv as number);
  });
  // Sorted by CLV, highest first.
  for (let i = 1; i < rows.length; i++) expect(rows[i - 1].clv as number).toBeGreaterThanOrEqual(rows[i].clv as number);
  // A fit without covariance gives blank intervals, never NaN.
  const blank = withClvIntervals(rows.slice(0, 2), { ...result.bgNbd, logCovariance: null }, result.gammaGamma, { margin: 0.3, discountRate: 0.01, horizon: 12, timeUnit: 'week', period: 'month' });
  expect(blank.map((r) => [r.clv_low, r.clv_high])).toEqual([[null, null], [null, null]]);
});

test('"the better one on a holdout" picks the model with the lower holdout error and refits it on all purchases', () => {
  const result = runLifetime(log, columns, { calibrationEnd: '1998-06-30', margin: 0.3, monthlyDiscount: 0.01, months: 12, model: 'holdout' });
  const held = result.comparison!;
  expect(held.splitDate).toBe('1997-09-30');
  expect(held.weeks).toBe(39);
  expect(result.model).toBe(held.comparison.better.holdoutMae);
  const full = customerSummary(log, { ...columns, calibrationEnd: '1998-06-30', timeUnit: 'week' });
  const refit = result.model === 'BG/NBD' ? fitBgNbd(full) : fitParetoNbd(full);
  expect(result.purchase.logLikelihood).toBeCloseTo(refit.logLikelihood, 6);
  expect(result.purchase.customers).toBe(2357);
});
