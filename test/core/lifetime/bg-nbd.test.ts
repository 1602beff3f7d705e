import {
  bgNbdExpected,
  bgNbdLogLikelihood,
  bgNbdPAlive,
  bgNbdUnconditionalExpected,
} from '../../../src/core/lifetime/bg-nbd.ts';
import { fitBgNbd } from '../../../src/core/lifetime/bg-nbd-fit.ts';
import { cdnowSummary } from './cdnow-fixture.ts';
import { CDNOW_BG_NBD, CDNOW_BG_NBD_LOG_LIKELIHOOD } from '../../fixtures/published.ts';

const PUBLISHED = CDNOW_BG_NBD;

describe('fitBgNbd on the CDNOW sample', () => {
  const summary = cdnowSummary();
  const fit = fitBgNbd(summary);

  test('r, α, a, b and the log-likelihood equal Fader, Hardie & Lee (2005), Marketing Science 24(2), to their printed digits', () => {
    expect(fit.converged).toBe(true);
    expect(fit.r.toFixed(3)).toBe(CDNOW_BG_NBD.r.toFixed(3));
    expect(fit.alpha.toFixed(3)).toBe(CDNOW_BG_NBD.alpha.toFixed(3));
    expect(fit.a.toFixed(3)).toBe(CDNOW_BG_NBD.a.toFixed(3));
    expect(fit.b.toFixed(3)).toBe(CDNOW_BG_NBD.b.toFixed(3));
    expect(fit.logLikelihood.toFixed(1)).toBe(CDNOW_BG_NBD_LOG_LIKELIHOOD.toFixed(1));
    expect(fit.customers).toBe(2357);
  });

  test('agrees with an independent scipy fit to 1e-6', () => {
    // scipy 1.10.1 Nelder–Mead (xatol = fatol = 1e-10) on the same LL written with betaln and
    // logaddexp over the pandas summary (see customer-summary.test.ts):
    //   r, α, a, b = 0.24259452725691205, 4.413602415207704, 0.7929220172343401, 2.4259069732579372
    //   LL = -9582.429206673929
    expect(fit.r).toBeCloseTo(0.24259452725691205, 6);
    expect(fit.alpha).toBeCloseTo(4.413602415207704, 6);
    expect(fit.a).toBeCloseTo(0.7929220172343401, 6);
    expect(fit.b).toBeCloseTo(2.4259069732579372, 6);
    expect(fit.logLikelihood).toBeCloseTo(-9582.429206673929, 6);
  });

  test('the log-likelihood is the sum of the per-customer contributions', () => {
    const x = summary.array('x') as Int32Array;
    const tx = summary.array('t_x') as Float64Array;
    const T = summary.array('T') as Float64Array;
    let total = 0;
    for (let i = 0; i < x.length; i++) total += bgNbdLogLikelihood(fit, x[i], tx[i], T[i]);
    expect(total).toBeCloseTo(fit.logLikelihood, 7);
  });

  test('unconditional E[X(t)] at t = 1, 3, 32 weeks equals the published 0.0532, 0.1506, 1.0437', () => {
    // Fader, Hardie & Lee (2005) / Hardie's BG/NBD spreadsheet, as tested by the lifetimes
    // package: t = 0.1429, 1, 3, 31.8571, 32, 78 → 0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576.
    expect(bgNbdUnconditionalExpected(fit, 0.1429).toFixed(4)).toBe('0.0078');
    expect(bgNbdUnconditionalExpected(fit, 1).toFixed(4)).toBe('0.0532');
    expect(bgNbdUnconditionalExpected(fit, 3).toFixed(4)).toBe('0.1506');
    expect(bgNbdUnconditionalExpected(fit, 31.8571).toFixed(4)).toBe('1.0405');
    expect(bgNbdUnconditionalExpected(fit, 32).toFixed(4)).toBe('1.0437');
  });

  test('E[X(78)]: the exact value is 1.85796; the published 1.8576 is a truncated ₂F₁ series', () => {
    // Exact: scipy.special.hyp2f1 at the MLE gives
    //   (a+b-1)/(a-1)*(1-(al/(al+78))**r*hyp2f1(r, b, a+b-1, 78/(al+78))) = 1.8579584245132146.
    // At scipy's MLE itself (above), so that the check does not depend on where BFGS stops:
    // mpmath 1.2.1 (50 digits) gives 1.857958376410716426…; 1.8579584245132146 above is the value
    // at the parameters this kit's earlier optimizer stopped at (2.6e-8 away).
    const scipyMle = { r: 0.24259452725691205, alpha: 4.413602415207704, a: 0.7929220172343401, b: 2.4259069732579372 };
    expect(bgNbdUnconditionalExpected(scipyMle, 78)).toBeCloseTo(1.8579583764107164, 13);
    expect(bgNbdUnconditionalExpected(fit, 78)).toBeCloseTo(1.8579584, 6);
    // The published 1.8576 (Hardie's spreadsheet) is reproduced by cutting Gauss's series at
    // ~150 terms (z = 0.946 converges slowly); our series runs to convergence.
    const { r, alpha, a, b } = fit;
    const z = 78 / (alpha + 78);
    let term = 1;
    let series = 1;
    for (let n = 0; n < 150; n++) {
      term *= (((r + n) * (b + n)) / ((a + b - 1 + n) * (n + 1))) * z;
      series += term;
    }
    const truncated = ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + 78), r) * series);
    expect(truncated.toFixed(4)).toBe('1.8576');
  });

  test('conditional expectation: x = 2, t_x = 30.43, T = 38.86 expects 1.226 purchases in 39 weeks (FHL 2005)', () => {
    expect(bgNbdExpected(fit, 39, 2, 30.43, 38.86).toFixed(3)).toBe('1.226');
    // The documented example with the published parameters.
    expect(bgNbdExpected(PUBLISHED, 39, 2, 30.43, 38.86).toFixed(3)).toBe('1.226');
  });
});

describe('bgNbdPAlive', () => {
  test('matches an independent computation over all CDNOW customers', () => {
    // numpy, at the scipy MLE above, over the pandas summary:
    //   pa = 1/(1 + (x>0) * a/(b+x-1) * ((al+T)/(al+tx))**(r+x))
    //   pa.sum() = 1917.2776866714025; customer 4 (x 2, t_x 30.4286, T 38.8571): 0.7266203238287948
    const summary = cdnowSummary();
    const fit = fitBgNbd(summary);
    const x = summary.array('x') as Int32Array;
    const tx = summary.array('t_x') as Float64Array;
    const T = summary.array('T') as Float64Array;
    let total = 0;
    for (let i = 0; i < x.length; i++) total += bgNbdPAlive(fit, x[i], tx[i], T[i]);
    expect(total).toBeCloseTo(1917.2776866714025, 4);
    expect(bgNbdPAlive(fit, 2, 213 / 7, 272 / 7)).toBeCloseTo(0.7266203238287948, 7);
  });
  test('the documented example, and 1 for a customer without repeat purchases', () => {
    expect(bgNbdPAlive(PUBLISHED, 2, 30.43, 38.86).toFixed(4)).toBe('0.7266');
    expect(bgNbdPAlive(PUBLISHED, 0, 0, 38.86)).toBe(1);
  });
  test('bad arguments are named', () => {
    expect(() => bgNbdPAlive({ ...PUBLISHED, a: -1 }, 1, 1, 2)).toThrow('a must be a number from 1e-6 to 1e6 (got -1)');
    expect(() => bgNbdPAlive(PUBLISHED, 1.5, 1, 2)).toThrow('x must be a whole number from 0 to 1e6 (got 1.5)');
    expect(() => bgNbdPAlive(PUBLISHED, 1, 3, 2)).toThrow('t_x must be between 0 and T = 2 (got 3)');
    expect(() => bgNbdExpected(PUBLISHED, -1, 1, 1, 2)).toThrow('t must be a number from 0 to 1e6 (got -1)');
  });
});

describe('BG/NBD formulas', () => {
  test('E[X(t)] with T = 0 and x = 0 is the unconditional expectation (eq. 10 reduces to eq. 7)', () => {
    for (const t of [0.5, 10, 100]) {
      expect(bgNbdExpected(PUBLISHED, t, 0, 0, 0)).toBeCloseTo(bgNbdUnconditionalExpected(PUBLISHED, t), 12);
    }
  });
  test('conditional expectations match scipy for heavy buyers and a ≥ 1', () => {
    // (a+b+x-1)/(a-1) * (1 - ((al+T)/(al+T+t))**(r+x) * hyp2f1(r+x, b+x, a+b+x-1, t/(al+T+t)))
    //   / (1 + (x>0) * a/(b+x-1) * ((al+T)/(al+tx))**(r+x))
    // r, al, a, b = 0.243, 4.414, 0.793, 2.426; x, tx, T, t = 29, 38, 38.86, 52 → 24.328161893066326
    // r, al, a, b = 1.2, 3.0, 2.5, 4.0;          x, tx, T, t = 5, 20, 30, 100  → 1.3783305590799377
    expect(bgNbdExpected(PUBLISHED, 52, 29, 38, 38.86)).toBeCloseTo(24.328161893066326, 9);
    expect(bgNbdExpected({ r: 1.2, alpha: 3, a: 2.5, b: 4 }, 100, 5, 20, 30)).toBeCloseTo(1.3783305590799377, 9);
  });
  test('a = 1 (a removable singularity) is continuous', () => {
    const below = bgNbdUnconditionalExpected({ ...PUBLISHED, a: 1 - 1e-4 }, 20);
    const above = bgNbdUnconditionalExpected({ ...PUBLISHED, a: 1 + 1e-4 }, 20);
    const at = bgNbdUnconditionalExpected({ ...PUBLISHED, a: 1 }, 20);
    expect(Math.abs(at - (below + above) / 2)).toBeLessThan(1e-6);
  });
  test('the documented E[X(78)] example with the rounded published parameters', () => {
    // scipy: (a+b-1)/(a-1)*(1-(al/(al+78))**r*hyp2f1(r,b,a+b-1,78/(al+78))) at 0.243, 4.414, 0.793, 2.426
    //   = 1.8605190579427455
    expect(bgNbdUnconditionalExpected(PUBLISHED, 78)).toBeCloseTo(1.8605190579427455, 10);
  });
  test('the documented log-likelihood example', () => {
    expect(bgNbdLogLikelihood(PUBLISHED, 0, 0, 38.86).toFixed(4)).toBe('-0.5547');
  });
});

describe('fitBgNbd on data it cannot fit', () => {
  test('one customer, no repeat buyers, no age, a bad row', () => {
    expect(() => fitBgNbd([{ x: 1, t_x: 1, T: 2 }])).toThrow('summary: at least two customers are needed to fit BG/NBD (got 1)');
    expect(() => fitBgNbd([{ x: 0, t_x: 0, T: 2 }, { x: 0, t_x: 0, T: 3 }])).toThrow(
      'summary: no repeat buyers (every x is 0): the dropout process cannot be fitted',
    );
    expect(() => fitBgNbd([{ x: 1, t_x: 0, T: 0 }, { x: 0, t_x: 0, T: 0 }])).toThrow('no customer with T > 0');
    expect(() => fitBgNbd([{ x: 1, t_x: 1, T: 2 }, { x: -1, t_x: 0, T: 3 }])).toThrow(
      'x: row 2 must be a whole number from 0 to 1e6 (got -1)',
    );
    expect(() => fitBgNbd([{ x: 1, T: 2 }])).toThrow('summary: column "t_x" not found');
  });
});

describe('BG/NBD numerics over the whole valid parameter space (issue 9)', () => {
  // Reference values: mpmath 1.2.1 at 50 digits (test/fixtures/btyd_reference.py), FHL 2005 eq. 7 and 10.
  test('a + b < 1: conditional and unconditional expectations are finite and exact (were NaN)', () => {
    const params = { r: 0.243, alpha: 4.414, a: 0.3, b: 0.5 };
    expect(bgNbdExpected(params, 104, 0, 0, 38)).toBeCloseTo(0.4354794259159322, 12);
    expect(bgNbdUnconditionalExpected(params, 104)).toBeCloseTo(2.378787263530575, 12);
  });

  test('a = 1 exactly: the removable singularity gives 5.44985, not −6.05', () => {
    const value = bgNbdExpected({ r: 100, alpha: 0.1, a: 1, b: 0.99 }, 52, 0, 0, 38);
    expect(Math.abs(value - 5.449854268593832) / 5.449854268593832).toBeLessThan(1e-10);
  });

  test('tiny t: no cancellation in 1 − (1 − z)^k ₂F₁ (relative accuracy kept as E → 0)', () => {
    // E[X(t)] ≈ t · r/α · (a + b − 1)/(a − 1) · (a − 1)/(a + b − 1) = t r/α for t → 0.
    const value = bgNbdUnconditionalExpected(PUBLISHED, 1e-9);
    expect(Math.abs(value / (1e-9 * (0.243 / 4.414)) - 1)).toBeLessThan(1e-8);
  });

  test('parameters and data beyond the documented limits are refused by name', () => {
    expect(() => bgNbdPAlive({ ...PUBLISHED, r: 1e300 }, 2, 30.43, 38.86)).toThrow('r must be a number from 1e-6 to 1e6 (got 1e+300)');
    expect(() => bgNbdPAlive({ ...PUBLISHED, alpha: 1e-9 }, 2, 30.43, 38.86)).toThrow('alpha must be a number from 1e-6 to 1e6');
    expect(() => bgNbdExpected(PUBLISHED, 39, 1e308, 30.43, 38.86)).toThrow('x must be a whole number from 0 to 1e6');
    expect(() => bgNbdExpected(PUBLISHED, 39, 2, 30.43, 1e7)).toThrow('T must be a number from 0 to 1e6');
    expect(() => bgNbdExpected(PUBLISHED, 1e7, 2, 30.43, 38.86)).toThrow('t must be a number from 0 to 1e6');
    expect(() => bgNbdUnconditionalExpected(PUBLISHED, Infinity)).toThrow('t must be a number from 0 to 1e6');
  });

  test('at the limits every quantity is finite, non-negative and P(alive) in [0, 1]', () => {
    for (const v of [1e-6, 1e6]) {
      for (const name of ['r', 'alpha', 'a', 'b'] as const) {
        const params = { ...PUBLISHED, [name]: v };
        for (const [x, tx, T] of [[0, 0, 0], [1e6, 1e6, 1e6], [3, 1, 1e6]]) {
          const p = bgNbdPAlive(params, x, tx, T);
          expect(p >= 0 && p <= 1).toBe(true);
          for (const t of [1e-6, 1, 1e6]) {
            const e = bgNbdExpected(params, t, x, tx, T);
            expect(Number.isFinite(e) && e >= 0).toBe(true);
          }
        }
      }
    }
  });
});
