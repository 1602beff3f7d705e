import { fitGammaGamma, gammaGammaExpectedSpend } from '../../../src/core/lifetime/gamma-gamma.ts';
import { cdnowSummary } from './cdnow-fixture.ts';
import { CDNOW_GAMMA_GAMMA } from '../../fixtures/published.ts';

describe('fitGammaGamma on the CDNOW sample', () => {
  const fit = fitGammaGamma(cdnowSummary());
  test('p, q, γ equal Fader & Hardie (2013), "The Gamma-Gamma model of monetary value" (note 025)', () => {
    expect(fit.converged).toBe(true);
    expect(fit.n).toBe(946);
    expect(fit.excluded).toBe(0);
    expect(fit.p.toFixed(2)).toBe(CDNOW_GAMMA_GAMMA.p.toFixed(2));
    expect(fit.q.toFixed(2)).toBe(CDNOW_GAMMA_GAMMA.q.toFixed(2));
    expect(fit.gamma.toFixed(2)).toBe(CDNOW_GAMMA_GAMMA.gamma.toFixed(2));
  });
  test('agrees with an independent scipy fit', () => {
    // scipy 1.10.1 Nelder–Mead (xatol = fatol = 1e-10) on
    //   -(gammaln(p*x+q) - gammaln(p*x) - gammaln(q) + q*log(v) + (p*x-1)*log(m) + p*x*log(x) - (p*x+q)*log(v+m*x)).sum()
    // over the 946 repeat buyers of the pandas summary:
    //   p, q, γ = 6.249574372153284, 3.7442243599335194, 15.443513772790412; LL = -4055.9176948018703
    expect(fit.p).toBeCloseTo(6.249574372153284, 5);
    expect(fit.q).toBeCloseTo(3.7442243599335194, 5);
    expect(fit.gamma).toBeCloseTo(15.443513772790412, 4);
    expect(fit.logLikelihood).toBeCloseTo(-4055.9176948018703, 6);
  });
});

describe('gammaGammaExpectedSpend', () => {
  const params = CDNOW_GAMMA_GAMMA;
  test('the documented example, and the population mean pγ/(q − 1) for x = 0', () => {
    // (γ + m x) p / (p x + q − 1) = (15.44 + 44.69) · 6.25 / 15.24 = 24.659612860892388
    expect(gammaGammaExpectedSpend(params, 2, 22.345)).toBeCloseTo(24.659612860892388, 12);
    expect(gammaGammaExpectedSpend(params, 0, 0)).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
  });
  test('bad arguments are named', () => {
    expect(() => gammaGammaExpectedSpend({ ...params, q: 0.5 }, 0, 0)).toThrow('p·x + q must exceed 1');
    expect(() => gammaGammaExpectedSpend({ ...params, p: 0 }, 1, 1)).toThrow('p must be a number from 1e-6 to 1e6 (got 0)');
    expect(() => gammaGammaExpectedSpend(params, -1, 1)).toThrow('x must be a whole number from 0 to 1e6 (got -1)');
  });
});

describe('fitGammaGamma on data it cannot fit', () => {
  test('non-positive spend is excluded and counted; too few repeat buyers is an InputError', () => {
    const rows = [
      { x: 2, monetary: 10 },
      { x: 1, monetary: 0 },
      { x: 3, monetary: -4 },
      { x: 0, monetary: 0 },
    ];
    expect(() => fitGammaGamma(rows)).toThrow(
      'summary: at least two repeat buyers with positive monetary value are needed to fit Gamma-Gamma (got 1; 2 with monetary ≤ 0 left out)',
    );
    const fit = fitGammaGamma([...rows, { x: 1, monetary: 30 }, { x: 4, monetary: 12 }, { x: 2, monetary: 20 }]);
    expect(fit.n).toBe(4);
    expect(fit.excluded).toBe(2);
  });
});

describe('fitGammaGamma is scale-invariant in monetary (issue 9: denormal and tiny values)', () => {
  // Multiplying every m̄ by 2^e is exact and, by the model, multiplies γ by 2^e, leaves p and q
  // unchanged and moves the log-likelihood by −n·e·ln 2 (the density of m̄ scales by 2^−e).
  const summary = cdnowSummary();
  const x = summary.array('x') as number[];
  const m = summary.array('monetary') as number[];
  const base = fitGammaGamma(summary);
  const n = base.n;
  test.each([-1000, -600, 10, 40])('m̄ · 2^%d gives γ · 2^e and the same p, q', (e) => {
    const scale = 2 ** e;
    const fit = fitGammaGamma(Array.from(x, (xi, i) => ({ x: xi, monetary: m[i] * scale })));
    expect(fit.converged).toBe(base.converged);
    expect(fit.p).toBeCloseTo(base.p, 6);
    expect(fit.q).toBeCloseTo(base.q, 6);
    expect(fit.gamma / scale / base.gamma).toBeCloseTo(1, 6);
    expect(fit.logLikelihood).toBeCloseTo(base.logLikelihood - n * e * Math.LN2, 6);
    expect(fit.standardErrors?.p).toBeCloseTo(base.standardErrors!.p, 4);
    expect(fit.standardErrors!.gamma / scale / base.standardErrors!.gamma).toBeCloseTo(1, 4);
  });

  test('denormal and tiny means (the CRM.GAMMAGAMMAFIT property case) give finite numbers', () => {
    const fit = fitGammaGamma([
      { x: 28, monetary: -3.2e-114 },
      { x: 21, monetary: 2.5e-323 },
      { x: 3, monetary: 2.8e-212 },
    ]);
    expect(fit.excluded).toBe(1);
    for (const v of [fit.p, fit.q, fit.gamma, fit.logLikelihood]) expect(Number.isFinite(v)).toBe(true);
    for (const v of Object.values(fit.standardErrors ?? {})) expect(Number.isFinite(v)).toBe(true);
    // Amounts 10^325 apart (seed 20261201 of the formula properties): the start values squared
    // the amounts and overflowed to NaN; now the fit ends (not converged) on finite numbers.
    const wide = fitGammaGamma([
      { x: 26, monetary: 499.99999999999966 },
      { x: 12, monetary: 5.4e-323 },
    ]);
    expect(wide.converged).toBe(false);
    for (const v of [wide.p, wide.q, wide.gamma, wide.logLikelihood]) expect(Number.isFinite(v)).toBe(true);
  });
});
