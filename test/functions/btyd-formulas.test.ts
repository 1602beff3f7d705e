/**
 * The BTYD formulas (CRM.BGNBDFIT, GAMMAGAMMAFIT, PALIVE, EXPECTEDPURCHASES, CLVBTYD) typed into a
 * real formula engine over the CDNOW summary (Fader, Hardie & Lee 2005).
 */
import type { HyperFormula } from 'hyperformula';
import { cellValue, createEngine } from './formula-engine.ts';
import { cdnowSummary } from '../core/lifetime/cdnow-fixture.ts';
import { fitBgNbd } from '../../src/core/lifetime/bg-nbd-fit.ts';
import { fitGammaGamma } from '../../src/core/lifetime/gamma-gamma.ts';
import { customerLifetimeValue } from '../../src/core/lifetime/btyd-clv.ts';
import { CDNOW_BG_NBD, CDNOW_BG_NBD_ARGS, CDNOW_BG_NBD_LOG_LIKELIHOOD, CDNOW_GAMMA_GAMMA } from '../fixtures/published.ts';

let engine: HyperFormula;
const N = 2357;

beforeAll(async () => {
  const table = cdnowSummary();
  // The engine sizes spills by evaluating once, so formulas that spill take values, not other
  // formulas' results: the fitted parameters are laid out as values, as a user pastes them.
  const bg = fitBgNbd(table);
  const gg = fitGammaGamma(table);
  const summary = table.objects() as { x: number; t_x: number; T: number; monetary: number }[];
  const data: unknown[][] = [['x', 't_x', 'T', 'monetary', 't']];
  summary.forEach((row, i) => data.push([row.x, row.t_x, row.T, row.monetary, [1, 3, 32, 78][i] ?? null]));
  data.push([null, null, null, null, null], [null, null, null, null, null]);
  engine = await createEngine({
    Data: data,
    Published: [
      [CDNOW_BG_NBD.r, CDNOW_GAMMA_GAMMA.p],
      [CDNOW_BG_NBD.alpha, CDNOW_GAMMA_GAMMA.q],
      [CDNOW_BG_NBD.a, CDNOW_GAMMA_GAMMA.gamma],
      [CDNOW_BG_NBD.b, null],
    ],
    Params: [
      ['r', bg.r],
      ['alpha', bg.alpha],
      ['a', bg.a],
      ['b', bg.b],
      ['log-likelihood', bg.logLikelihood],
      ['p', gg.p],
      ['q', gg.q],
      ['gamma', gg.gamma],
    ],
    Fit: [[`=CRM.BGNBDFIT(Data!A2:A${N + 1}, Data!B2:B${N + 1}, Data!C2:C${N + 1})`]],
    GG: [[`=CRM.GAMMAGAMMAFIT(Data!A2:A${N + 1}, Data!D2:D${N + 1})`]],
    Formulas: [
      [`=CRM.PALIVE(${CDNOW_BG_NBD_ARGS}, 2, 30.43, 38.86)`],
      [`=CRM.EXPECTEDPURCHASES(${CDNOW_BG_NBD_ARGS}, 39, 2, 30.43, 38.86)`],
      ['=CRM.EXPECTEDPURCHASES(Params!B1, Params!B2, Params!B3, Params!B4, Data!E2:E5)'],
      [null],
      [null],
      [null],
      ['=CRM.PALIVE(Params!B1, Params!B2, Params!B3, Params!B4, Data!A2:A4, Data!B2:B4, Data!C2:C4)'],
      [null],
      [null],
      ['=CRM.CLVBTYD(Published!A1:A4, Published!B1:B3, 2, 30.43, 38.86, 22.345, 0.3, 0.01, 39)'],
      ['=CRM.CLVBTYD(Params!A1:B5, Params!A6:B8, Data!A2:A3, Data!B2:B3, Data!C2:C3, Data!D2:D3, 0.3, 0.01, 39)'],
      [null],
      [`=CRM.PALIVE(${CDNOW_BG_NBD_ARGS}, Data!A2:A4, Data!B2:B3, Data!C2:C4)`],
      [`=CRM.PALIVE(${CDNOW_BG_NBD_ARGS}, 1.5, 1, 2)`],
      ['=CRM.BGNBDFIT(Data!A3:A3, Data!B3:B3, Data!C3:C3)'],
      [`=CRM.PALIVE(${CDNOW_BG_NBD_ARGS}, Data!A${N}:A${N + 3}, Data!B${N}:B${N + 3}, Data!C${N}:C${N + 3})`],
      [null],
      [null],
      [null],
      [`=CRM.EXPECTEDPURCHASES(${CDNOW_BG_NBD_ARGS}, 39, 2)`],
      [`=CRM.PALIVE(${CDNOW_BG_NBD_ARGS}, Data!A2:B3, 1, 2)`],
      ['=CRM.CLVBTYD(Published!A1:A4, Published!B1:B3, Bad!A1:A4, Bad!B1:B4, Bad!C1:C4, Bad!D1:D4, 0.3, 0.01, 39)'],
    ],
    // a blank customer row, then a customer whose t_x exceeds T (row 4 of the ranges)
    Bad: [
      [2, 30.43, 38.86, 22.345],
      [null, null, null, null],
      [0, 0, 38.86, 0],
      [1, 40, 38.86, 15],
    ],
  });
});

const at = (sheet: string, a1: string) => cellValue(engine, sheet, a1);
const round = (v: unknown, digits: number) => (v as number).toFixed(digits);

test('BGNBDFIT spills the labelled published CDNOW estimates (FHL 2005: 0.243, 4.414, 0.793, 2.426; LL −9582.4)', () => {
  expect(at('Fit', 'A1')).toBe('r');
  expect(round(at('Fit', 'B1'), 3)).toBe(CDNOW_BG_NBD.r.toFixed(3));
  expect(at('Fit', 'A2')).toBe('alpha');
  expect(round(at('Fit', 'B2'), 3)).toBe(CDNOW_BG_NBD.alpha.toFixed(3));
  expect(round(at('Fit', 'B3'), 3)).toBe(CDNOW_BG_NBD.a.toFixed(3));
  expect(round(at('Fit', 'B4'), 3)).toBe(CDNOW_BG_NBD.b.toFixed(3));
  expect(at('Fit', 'A5')).toBe('log-likelihood');
  expect(round(at('Fit', 'B5'), 1)).toBe(CDNOW_BG_NBD_LOG_LIKELIHOOD.toFixed(1));
  expect(at('Fit', 'B6')).toBe(true);
  expect(at('Fit', 'B7')).toBe(N);
});

test('GAMMAGAMMAFIT spills p, q, γ of Fader & Hardie note 025 (6.25, 3.74, 15.44)', () => {
  expect(round(at('GG', 'B1'), 2)).toBe(CDNOW_GAMMA_GAMMA.p.toFixed(2));
  expect(round(at('GG', 'B2'), 2)).toBe(CDNOW_GAMMA_GAMMA.q.toFixed(2));
  expect(round(at('GG', 'B3'), 2)).toBe(CDNOW_GAMMA_GAMMA.gamma.toFixed(2));
  expect(at('GG', 'B6')).toBe(946);
  expect(at('GG', 'B7')).toBe(0);
});

test('single-row PALIVE and EXPECTEDPURCHASES (FHL 2005: 1.226 in 39 weeks)', () => {
  // P(alive) from numpy: 1/(1 + 0.793/3.426 * ((4.414+38.86)/(4.414+30.43))**2.243) = 0.7266
  expect(round(at('Formulas', 'A1'), 4)).toBe('0.7266');
  expect(round(at('Formulas', 'A2'), 3)).toBe('1.226');
});

test('EXPECTEDPURCHASES without a history spills E[X(t)] for a column of t (0.0532, 0.1506, 1.0437, 1.8580)', () => {
  // The published 1.8576 at t = 78 is a truncated series; see test/core/lifetime/bg-nbd.test.ts.
  expect(['A3', 'A4', 'A5', 'A6'].map((c) => round(at('Formulas', c), 4))).toEqual(['0.0532', '0.1506', '1.0437', '1.8580']);
});

test('PALIVE over columns spills one value per customer', () => {
  // CDNOW customers 4 (x 2), 21 (x 1), 50 (x 0) at the MLE; customer 4: 0.7266203 (numpy, see
  // bg-nbd.test.ts); customer 21 (x 1, t_x 12/7, T 272/7): 1/(1 + a/b·((α+T)/(α+t_x))^(r+1))
  expect(at('Formulas', 'A7')).toBeCloseTo(0.7266203238287948, 6);
  const { r, alpha, a, b } = fitBgNbd(cdnowSummary());
  expect(at('Formulas', 'A8')).toBeCloseTo(1 / (1 + (a / b) * ((alpha + 272 / 7) / (alpha + 12 / 7)) ** (r + 1)), 12);
  expect(at('Formulas', 'A9')).toBe(1);
});

test('CLVBTYD with parameter cells matches scipy (7.5627), and reads label/value parameter ranges', () => {
  // scipy value: see test/core/lifetime/btyd-clv.test.ts (customer 4, margin 0.3, 1%/week, 39 weeks)
  expect(at('Formulas', 'A10')).toBeCloseTo(7.5627482993720525, 8);
  // The label/value ranges (Params!A1:B5 with a log-likelihood row, Params!A6:B8) must reach the
  // core by name: the first two customers' values equal the core's with the fitted parameters,
  // and differ from those with p and q swapped (a reader taking rows by position would pass
  // neither check).
  const table = cdnowSummary();
  const bg = fitBgNbd(table);
  const gg = fitGammaGamma(table);
  const rows = (table.objects() as Record<string, number>[]).slice(0, 2);
  const options = { margin: 0.3, discountRate: 0.01, horizon: 39, timeUnit: 'week' } as const;
  const core = customerLifetimeValue(rows, bg, gg, options).table;
  const swapped = customerLifetimeValue(rows, bg, { ...gg, p: gg.q, q: gg.p }, options).table;
  ['A11', 'A12'].forEach((cell, i) => {
    expect(at('Formulas', cell)).toBeCloseTo(core.get('clv', i) as number, 10);
    expect(Math.abs((at('Formulas', cell) as number) - (swapped.get('clv', i) as number))).toBeGreaterThan(1e-3);
  });
});

test('errors: mismatched columns, a bad x, no repeat buyers, a partial history, a 2-D range', () => {
  expect(at('Formulas', 'A13')).toEqual({
    error: '#VALUE!',
    message: 't_x has 2 cells but the other columns have 3; select the same customers',
  });
  expect(at('Formulas', 'A14')).toEqual({ error: '#VALUE!', message: 'x must be a whole number from 0 to 1e6 (got 1.5)' });
  expect(at('Formulas', 'A15')).toMatchObject({ error: '#VALUE!' });
  expect((at('Formulas', 'A15') as { message: string }).message).toBe('x, t_x, T: at least two customers are needed to fit BG/NBD (got 1)');
  expect(at('Formulas', 'A20')).toEqual({
    error: '#VALUE!',
    message: 'give all of x, t_x and T (conditional forecast) or none (new customer)',
  });
  expect(at('Formulas', 'A21')).toEqual({ error: '#VALUE!', message: 'x must be a single row or column (got 2 × 2)' });
  // the core counts customers among the non-blank rows; the message counts rows of the range
  expect(at('Formulas', 'A22')).toEqual({
    error: '#VALUE!',
    message: 't_x: row 4 must be between 0 and T = 38.86 (got 40)',
  });
});

test('blank rows at the end of a column reference give blank results', () => {
  expect(typeof at('Formulas', 'A16')).toBe('number');
  expect(typeof at('Formulas', 'A17')).toBe('number');
  expect(at('Formulas', 'A18')).toBe('');
  expect(at('Formulas', 'A19')).toBe('');
});
