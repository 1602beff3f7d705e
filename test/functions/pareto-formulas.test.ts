/**
 * The Pareto/NBD formulas (CRM.PARETONBDFIT, PARETONBDPALIVE, PARETONBDEXPECTED, CLVPARETONBD) and
 * the standard-error column of the fit spills, typed into a real formula engine over the CDNOW
 * summary.
 */
import type { HyperFormula } from 'hyperformula';
import { cellValue, createEngine } from './formula-engine.ts';
import { cdnowSummary } from '../core/lifetime/cdnow-fixture.ts';
import { customerLifetimeValue } from '../../src/core/lifetime/btyd-clv.ts';
import { fitGammaGamma } from '../../src/core/lifetime/gamma-gamma.ts';
import { fitParetoNbd } from '../../src/core/lifetime/pareto-nbd-fit.ts';
import { CDNOW_PARETO_NBD, CDNOW_PARETO_NBD_ARGS, CDNOW_PARETO_NBD_LOG_LIKELIHOOD } from '../fixtures/published.ts';

let engine: HyperFormula;
const N = 2357;
const table = cdnowSummary();
const pareto = fitParetoNbd(table);
const gg = fitGammaGamma(table);

beforeAll(async () => {
  const summary = table.objects() as { x: number; t_x: number; T: number; monetary: number }[];
  const data: unknown[][] = [['x', 't_x', 'T', 'monetary', 't']];
  summary.forEach((row, i) => data.push([row.x, row.t_x, row.T, row.monetary, [1, 39][i] ?? null]));
  engine = await createEngine({
    Data: data,
    // Parameters laid out as the fits spill them: label, value, standard error.
    Params: [
      ['r', pareto.r, pareto.standardErrors!.r],
      ['alpha', pareto.alpha, pareto.standardErrors!.alpha],
      ['s', pareto.s, pareto.standardErrors!.s],
      ['beta', pareto.beta, pareto.standardErrors!.beta],
      ['log-likelihood', pareto.logLikelihood, null],
      ['p', gg.p, gg.standardErrors!.p],
      ['q', gg.q, gg.standardErrors!.q],
      ['gamma', gg.gamma, gg.standardErrors!.gamma],
    ],
    Fit: [[`=CRM.PARETONBDFIT(Data!A2:A${N + 1}, Data!B2:B${N + 1}, Data!C2:C${N + 1})`]],
    BG: [[`=CRM.BGNBDFIT(Data!A2:A${N + 1}, Data!B2:B${N + 1}, Data!C2:C${N + 1})`]],
    GG: [[`=CRM.GAMMAGAMMAFIT(Data!A2:A${N + 1}, Data!D2:D${N + 1})`]],
    Formulas: [
      ['=CRM.PARETONBDPALIVE(0.5533971, 10.5801985, 0.6060625, 11.6562237, 26, 30.86, 31)'],
      ['=CRM.PARETONBDEXPECTED(0.5533971, 10.5801985, 0.6060625, 11.6562237, 52, 26, 30.86, 31)'],
      [`=CRM.PARETONBDEXPECTED(${CDNOW_PARETO_NBD_ARGS}, Data!E2:E3)`],
      [null],
      ['=CRM.CLVPARETONBD(Params!A1:C5, Params!A6:C8, Data!A2:A4, Data!B2:B4, Data!C2:C4, Data!D2:D4, 0.3, 0.01, 39)'],
      [null],
      [null],
      ['=CRM.CLVBTYD(BgParams!A1:C4, Params!A6:C8, 2, 30.43, 38.86, 22.345, 0.3, 0.01, 39)'],
      ['=CRM.PARETONBDPALIVE(0.553, 10.578, -1, 11.669, 2, 30, 38)'],
      [`=CRM.PARETONBDEXPECTED(${CDNOW_PARETO_NBD_ARGS}, 39, 2)`],
      ['=CRM.PARETONBDFIT(Data!A3:A3, Data!B3:B3, Data!C3:C3)'],
    ],
    BgParams: [
      ['r', 0.243, 0.0126],
      ['alpha', 4.414, 0.378],
      ['a', 0.793, 0.186],
      ['b', 2.426, 0.705],
    ],
  });
});

const at = (sheet: string, a1: string) => cellValue(engine, sheet, a1);
const round = (v: unknown, digits: number) => (v as number).toFixed(digits);

test('PARETONBDFIT spills label, estimate and standard error (FHL 2005: 0.553, 10.578, 0.606, 11.669; LL −9595.0)', () => {
  expect(['A1', 'A2', 'A3', 'A4', 'A5'].map((c) => at('Fit', c))).toEqual(['r', 'alpha', 's', 'beta', 'log-likelihood']);
  expect(['B1', 'B2', 'B3', 'B4'].map((c) => round(at('Fit', c), 3))).toEqual(Object.values(CDNOW_PARETO_NBD).map((v) => v.toFixed(3)));
  expect(round(at('Fit', 'B5'), 1)).toBe(CDNOW_PARETO_NBD_LOG_LIKELIHOOD.toFixed(1));
  expect(at('Fit', 'B6')).toBe(true);
  expect(at('Fit', 'B7')).toBe(N);
  expect(at('Fit', 'C1')).toBeCloseTo(pareto.standardErrors!.r, 12);
  expect(at('Fit', 'C4')).toBeCloseTo(pareto.standardErrors!.beta, 12);
  expect(at('Fit', 'C5')).toBe('');
});

test("BGNBDFIT's third column holds lifetimes' standard errors (0.012557, 0.378221, 0.185719, 0.705345) to 2e-3", () => {
  const published = [0.012557, 0.378221, 0.185719, 0.705345];
  ['C1', 'C2', 'C3', 'C4'].forEach((cell, i) => {
    expect(Math.abs((at('BG', cell) as number) / published[i] - 1)).toBeLessThan(2e-3);
  });
  expect(at('BG', 'C5')).toBe('');
  expect(at('GG', 'C1')).toBeCloseTo(gg.standardErrors!.p, 12);
  expect(at('GG', 'C7')).toBe('');
});

test('PARETONBDPALIVE and PARETONBDEXPECTED: the BTYD walkthrough customer (0.9979; 25.46 in 52 weeks)', () => {
  expect(round(at('Formulas', 'A1'), 4)).toBe('0.9979');
  expect(round(at('Formulas', 'A2'), 2)).toBe('25.46');
  // new customer: rβ/(α(s−1))·[1 − (β/(β+t))^(s−1)], numpy 1.2130028442810157 at t = 39
  expect(at('Formulas', 'A4')).toBeCloseTo(1.2130028442810157, 12);
  expect(at('Formulas', 'A3')).toBeGreaterThan(0);
});

test('CLVPARETONBD reads the fit spills (three columns) and equals the core', () => {
  const rows = (table.objects() as Record<string, number>[]).slice(0, 3);
  const core = customerLifetimeValue(rows, pareto, gg, { margin: 0.3, discountRate: 0.01, horizon: 39, timeUnit: 'week' });
  ['A5', 'A6', 'A7'].forEach((cell, i) => expect(at('Formulas', cell)).toBeCloseTo(core.table.get('clv', i) as number, 10));
  // CLVBTYD still reads a BG/NBD spill with its standard-error column: 7.5627 (see btyd-formulas.test.ts)
  expect(at('Formulas', 'A8')).toBeGreaterThan(7);
});

test('errors name the argument', () => {
  expect(at('Formulas', 'A9')).toEqual({ error: '#VALUE!', message: 's must be a positive number (got -1)' });
  expect(at('Formulas', 'A10')).toEqual({
    error: '#VALUE!',
    message: 'give all of x, t_x and T (conditional forecast) or none (new customer)',
  });
  expect((at('Formulas', 'A11') as { message: string }).message).toBe(
    'x, t_x, T: at least two customers are needed to fit Pareto/NBD (got 1)',
  );
});
