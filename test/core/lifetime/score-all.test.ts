import * as aq from 'arquero';
import fc from 'fast-check';
import { bgNbdExpected, bgNbdPAlive } from '../../../src/core/lifetime/bg-nbd.ts';
import { customerLifetimeValue } from '../../../src/core/lifetime/btyd-clv.ts';
import { gammaGammaExpectedSpend } from '../../../src/core/lifetime/gamma-gamma.ts';
import { fitBgNbd } from '../../../src/core/lifetime/bg-nbd-fit.ts';
import { paretoNbdExpected, paretoNbdPAlive } from '../../../src/core/lifetime/pareto-nbd.ts';
import { fitParetoNbd } from '../../../src/core/lifetime/pareto-nbd-fit.ts';
import { expectedPurchasesAll, pAliveAll, purchaseModel } from '../../../src/core/lifetime/score-all.ts';
import { cdnowSummary } from './cdnow-fixture.ts';
import { CDNOW_BG_NBD, CDNOW_GAMMA_GAMMA, CDNOW_PARETO_NBD } from '../../fixtures/published.ts';

describe('pAliveAll and expectedPurchasesAll on the CDNOW sample', () => {
  const summary = cdnowSummary();
  const x = summary.array('x') as Int32Array;
  const tx = summary.array('t_x') as Float64Array;
  const T = summary.array('T') as Float64Array;
  const bg = fitBgNbd(summary);
  const pareto = fitParetoNbd(summary);

  test('BG/NBD: equal the one-customer functions to 1e-12 relative, in row order', () => {
    const p = pAliveAll(bg, summary);
    const e = expectedPurchasesAll(bg, summary, 39);
    expect(p).toBeInstanceOf(Float64Array);
    expect(p.length).toBe(summary.numRows());
    for (let i = 0; i < x.length; i++) {
      expect(Math.abs(p[i] / bgNbdPAlive(bg, x[i], tx[i], T[i]) - 1)).toBeLessThan(1e-12);
      expect(Math.abs(e[i] / bgNbdExpected(bg, 39, x[i], tx[i], T[i]) - 1)).toBeLessThan(1e-12);
    }
  });

  test('Pareto/NBD: equal the one-customer functions to 1e-12 relative, in row order', () => {
    const p = pAliveAll(pareto, summary);
    const e = expectedPurchasesAll(pareto, summary, 39);
    for (let i = 0; i < x.length; i++) {
      expect(Math.abs(p[i] / paretoNbdPAlive(pareto, x[i], tx[i], T[i]) - 1)).toBeLessThan(1e-12);
      expect(Math.abs(e[i] / paretoNbdExpected(pareto, 39, x[i], tx[i], T[i]) - 1)).toBeLessThan(1e-12);
    }
  });

  test('BG/NBD from typed columns (x as Int32Array or Float64Array, x beyond the per-x table) equals the route for row objects exactly', () => {
    const tx = [0, 30.43, 38, 38.99, 20];
    const T = [38.86, 38.86, 39, 39, 20];
    const xs = [0, 2, 2000, 150_000, 7];
    const objects = xs.map((x, i) => ({ x, t_x: tx[i], T: T[i] }));
    const p = pAliveAll(CDNOW_BG_NBD, objects);
    const e = expectedPurchasesAll(CDNOW_BG_NBD, objects, 39);
    expect(Math.abs(p[1] / bgNbdPAlive(CDNOW_BG_NBD, 2, 30.43, 38.86) - 1)).toBeLessThan(1e-12);
    for (const column of [Int32Array.from(xs), Float64Array.from(xs)]) {
      const table = aq.table({ x: column, t_x: Float64Array.from(tx), T: Float64Array.from(T) });
      expect(pAliveAll(CDNOW_BG_NBD, table)).toEqual(p);
      expect(expectedPurchasesAll(CDNOW_BG_NBD, table, 39)).toEqual(e);
    }
  });

  test('the FHL (2005) customer: x = 2, t_x = 30.43, T = 38.86 expects 1.226 in 39 weeks (BG/NBD)', () => {
    const rows = [{ x: 2, t_x: 30.43, T: 38.86 }];
    expect(expectedPurchasesAll(CDNOW_BG_NBD, rows, 39)[0].toFixed(3)).toBe('1.226');
    expect(pAliveAll(CDNOW_BG_NBD, rows)[0].toFixed(4)).toBe('0.7266');
  });

  test('BTYD walkthrough customer under Pareto/NBD: P(alive) 0.9979, 25.46 in 52 weeks', () => {
    const params = { r: 0.5533971, alpha: 10.5801985, s: 0.6060625, beta: 11.6562237 };
    const rows = [{ x: 26, t_x: 30.86, T: 31 }];
    expect(pAliveAll(params, rows)[0].toFixed(4)).toBe('0.9979');
    expect(expectedPurchasesAll(params, rows, 52)[0].toFixed(2)).toBe('25.46');
    expect(expectedPurchasesAll(params, rows, 0)[0]).toBe(0);
  });
});

describe('whole-base scoring equals the one-customer functions over the valid space (property)', () => {
  // Parameters log-uniform over six decades (α/β up to 1e3, so that a series stays short enough
  // for a test), histories with x past the per-x tables (1,024), t_x = T, t_x ≪ T with large x
  // (P(t_x) beyond e⁶⁵⁰, where the scorer switches to log space), and x = 0.
  const positive = fc.double({ min: Math.log(1e-3), max: Math.log(1e3), noNaN: true }).map(Math.exp);
  const history = fc
    .tuple(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1000, max: 3000 })), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), fc.boolean())
    .map(([x, share, T, atEnd]) => ({ x, t_x: x === 0 ? 0 : atEnd ? T : share * T, T }));
  const near = (actual: number, expected: number) => Math.abs(actual - expected) <= 1e-12 * Math.abs(expected) + 1e-300;

  test('Pareto/NBD: P(alive) and expected purchases within 1e-12 relative of paretoNbdPAlive/paretoNbdExpected', () => {
    fc.assert(
      fc.property(positive, positive, positive, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.array(history, { minLength: 1, maxLength: 12 }), (r, alpha, s, ratio, rows) => {
        const params = { r, alpha, s, beta: alpha * ratio };
        const p = pAliveAll(params, rows);
        const e = expectedPurchasesAll(params, rows, 52);
        rows.forEach((row, i) => {
          expect(near(p[i], paretoNbdPAlive(params, row.x, row.t_x, row.T))).toBe(true);
          expect(near(e[i], paretoNbdExpected(params, 52, row.x, row.t_x, row.T))).toBe(true);
        });
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  test('Pareto/NBD around P(t_x) = e⁶⁵⁰, where the scorer moves to log space: still within 1e-12 relative', () => {
    // x = 200, T = 1000 under the CDNOW fit: t_x from 20 to 40 puts the scale from e⁷⁰⁴ down to
    // e⁶²⁰, P(alive) from 1e-303 up, still normal numbers.
    const rows = Array.from({ length: 21 }, (_, k) => ({ x: 200, t_x: 20 + k, T: 1000 }));
    const p = pAliveAll(CDNOW_PARETO_NBD, rows);
    rows.forEach((row, i) => {
      const expected = paretoNbdPAlive(CDNOW_PARETO_NBD, row.x, row.t_x, row.T);
      expect(expected).toBeGreaterThan(1e-305);
      expect(Math.abs(p[i] / expected - 1)).toBeLessThan(1e-12);
    });
  });

  test('BG/NBD: P(alive) and expected purchases within 1e-12 relative of bgNbdPAlive/bgNbdExpected', () => {
    fc.assert(
      fc.property(positive, positive, positive, positive, fc.array(history, { minLength: 1, maxLength: 12 }), (r, alpha, a, b, rows) => {
        const params = { r, alpha, a, b };
        const p = pAliveAll(params, rows);
        const e = expectedPurchasesAll(params, rows, 52);
        rows.forEach((row, i) => {
          expect(near(p[i], bgNbdPAlive(params, row.x, row.t_x, row.T))).toBe(true);
          expect(near(e[i], bgNbdExpected(params, 52, row.x, row.t_x, row.T))).toBe(true);
        });
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe('model discrimination and bad input', () => {
  test('the parameter names decide the model', () => {
    expect(purchaseModel({ r: 1, alpha: 1, a: 1, b: 1 }).name).toBe('BG/NBD');
    expect(purchaseModel({ r: 1, alpha: 1, s: 1, beta: 1 }).name).toBe('Pareto/NBD');
    expect(() => purchaseModel({ r: 1, alpha: 1 } as never)).toThrow('fit must be BG/NBD { r, alpha, a, b } or Pareto/NBD');
    expect(() => purchaseModel({ r: 1, alpha: 1, a: 1, b: 1, s: 1, beta: 1 } as never)).toThrow('both BG/NBD');
    expect(() => pAliveAll({ r: 1, alpha: -1, a: 1, b: 1 }, [])).toThrow('alpha must be a number from 1e-6 to 1e6 (got -1)');
  });

  test('bad rows and horizons are named', () => {
    const fit = { r: 1, alpha: 1, a: 1, b: 1 };
    expect(() => pAliveAll(fit, [{ x: 1, t_x: 1, T: 2 }, { x: 1, t_x: 3, T: 2 }])).toThrow(
      't_x: row 2 must be between 0 and T = 2 (got 3)',
    );
    expect(() => pAliveAll(fit, [{ x: -1, t_x: 0, T: 2 }])).toThrow('x: row 1 must be a whole number from 0 to 1e6 (got -1)');
    expect(() => pAliveAll(fit, [{ x: 1, t_x: 'a', T: 2 }])).toThrow('column "t_x", row 1 is not a number');
    // The limits of the one-customer functions (checkRfm), also from a typed-array table.
    expect(() => pAliveAll(fit, [{ x: 2e6, t_x: 1, T: 2 }])).toThrow('x: row 1 must be a whole number from 0 to 1e6 (got 2000000)');
    expect(() => pAliveAll(fit, aq.table({ x: Int32Array.of(1, 1), t_x: Float64Array.of(1, 1), T: Float64Array.of(2, 2e6) }))).toThrow(
      'T: row 2 must be a number from 0 to 1e6 (got 2000000)',
    );
    expect(() => pAliveAll(fit, aq.table({ x: Int32Array.of(1, 1), t_x: Float64Array.of(1, NaN), T: Float64Array.of(2, 2) }))).toThrow(
      'column "t_x", row 2 is not a number',
    );
    expect(() => expectedPurchasesAll(fit, [{ x: 1, t_x: 1, T: 2 }], -3)).toThrow('t must be a number from 0 to 1e6 (got -3)');
    const pareto = { r: 1, alpha: 1, s: 1, beta: 1 };
    expect(() => expectedPurchasesAll(pareto, [{ x: 1, t_x: 1, T: 2 }], 2e6)).toThrow('t must be a number from 0 to 1e6 (got 2000000)');
    expect(pAliveAll(fit, []).length).toBe(0);
  });
});

describe('customerLifetimeValue with a Pareto/NBD fit', () => {
  test('discounts the Pareto/NBD expectation per period: margin · E[spend] · Σ ΔE[Y(t_k)] / (1 + d)^k', () => {
    const pareto = CDNOW_PARETO_NBD;
    const gg = CDNOW_GAMMA_GAMMA;
    const rows = [
      { customer: 'a', x: 2, t_x: 30.43, T: 38.86, monetary: 22.345 },
      { customer: 'b', x: 0, t_x: 0, T: 20, monetary: 0 },
    ];
    const result = customerLifetimeValue(rows, pareto, gg, { margin: 0.3, discountRate: 0.01, horizon: 4, timeUnit: 'week' });
    rows.forEach((row, i) => {
      let previous = 0;
      let discounted = 0;
      for (let k = 1; k <= 4; k++) {
        const cumulative = paretoNbdExpected(pareto, k, row.x, row.t_x, row.T);
        discounted += (cumulative - previous) / 1.01 ** k;
        previous = cumulative;
      }
      const spend = gammaGammaExpectedSpend(gg, row.x, row.monetary);
      expect(result.table.get('clv', i)).toBeCloseTo(0.3 * spend * discounted, 12);
      expect(result.table.get('p_alive', i)).toBeCloseTo(paretoNbdPAlive(pareto, row.x, row.t_x, row.T), 14);
    });
  });
});
