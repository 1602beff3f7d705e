import { fitGammaGamma, gammaGammaExpectedSpend } from '../../../src/core/lifetime/gamma-gamma.ts';
import { cdnowSummary } from './cdnow-fixture.ts';

describe('fitGammaGamma on the CDNOW sample', () => {
  const fit = fitGammaGamma(cdnowSummary());
  test('p, q, γ equal Fader & Hardie (2013), "The Gamma-Gamma model of monetary value" (note 025)', () => {
    expect(fit.converged).toBe(true);
    expect(fit.n).toBe(946);
    expect(fit.excluded).toBe(0);
    expect(fit.p.toFixed(2)).toBe('6.25');
    expect(fit.q.toFixed(2)).toBe('3.74');
    expect(fit.gamma.toFixed(2)).toBe('15.44');
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
  const params = { p: 6.25, q: 3.74, gamma: 15.44 };
  test('the documented example, and the population mean pγ/(q − 1) for x = 0', () => {
    // (γ + m x) p / (p x + q − 1) = (15.44 + 44.69) · 6.25 / 15.24 = 24.659612860892388
    expect(gammaGammaExpectedSpend(params, 2, 22.345)).toBeCloseTo(24.659612860892388, 12);
    expect(gammaGammaExpectedSpend(params, 0, 0)).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
  });
  test('bad arguments are named', () => {
    expect(() => gammaGammaExpectedSpend({ ...params, q: 0.5 }, 0, 0)).toThrow('p·x + q must exceed 1');
    expect(() => gammaGammaExpectedSpend({ ...params, p: 0 }, 1, 1)).toThrow('p must be a number from 1e-6 to 1e6 (it is 0)');
    expect(() => gammaGammaExpectedSpend(params, -1, 1)).toThrow('x must be a whole number from 0 to 1e6 (it is -1)');
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
      'summary must have at least two repeat buyers with positive monetary value to fit Gamma-Gamma (it has 1; 2 with monetary ≤ 0 left out)',
    );
    const fit = fitGammaGamma([...rows, { x: 1, monetary: 30 }, { x: 4, monetary: 12 }, { x: 2, monetary: 20 }]);
    expect(fit.n).toBe(4);
    expect(fit.excluded).toBe(2);
  });
});
