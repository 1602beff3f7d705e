import { fitBgNbd } from '../../../src/core/lifetime/bg-nbd-fit.ts';
import { customerLifetimeValue } from '../../../src/core/lifetime/btyd-clv.ts';
import { fitGammaGamma } from '../../../src/core/lifetime/gamma-gamma.ts';
import { fitParetoNbd } from '../../../src/core/lifetime/pareto-nbd-fit.ts';
import { clvIntervals, drawParameters, purchaseIntervals } from '../../../src/core/lifetime/prediction-intervals.ts';
import { expectedPurchasesAll } from '../../../src/core/lifetime/score-all.ts';
import { Z_95 } from '../../../src/core/lifetime/fit-uncertainty.ts';
import { cdnowSummary } from './cdnow-fixture.ts';

describe('intervals from parameter uncertainty on the CDNOW sample', () => {
  const summary = cdnowSummary();
  const bg = fitBgNbd(summary);
  const pareto = fitParetoNbd(summary);
  const gg = fitGammaGamma(summary);

  test('drawn log-parameters reproduce the fit’s 95% Wald intervals (4,000 draws, to 3% of the width)', () => {
    const draws = drawParameters(bg, ['r', 'alpha', 'a', 'b'] as const, { draws: 4000, seed: 11 });
    for (const name of ['r', 'alpha', 'a', 'b'] as const) {
      const logs = draws.map((d) => Math.log(d[name])).sort((u, v) => u - v);
      const lower = logs[Math.round(0.025 * (logs.length - 1))];
      const upper = logs[Math.round(0.975 * (logs.length - 1))];
      const seLog = bg.standardErrors![name] / bg[name];
      const width = 2 * Z_95 * seLog;
      expect(Math.abs(lower - Math.log(bg.intervals![name].lower))).toBeLessThan(0.03 * width);
      expect(Math.abs(upper - Math.log(bg.intervals![name].upper))).toBeLessThan(0.03 * width);
    }
  });

  test('expected purchases: the point estimate lies inside nearly every customer’s interval, and the draws are seeded', () => {
    for (const fit of [bg, pareto]) {
      const point = expectedPurchasesAll(fit, summary, 39);
      const { expectedPurchases, pAlive } = purchaseIntervals(fit, summary, 39, { draws: 30, seed: 3 });
      let inside = 0;
      for (let i = 0; i < point.length; i++) {
        if (expectedPurchases.lower[i] <= point[i] && point[i] <= expectedPurchases.upper[i]) inside++;
        expect(pAlive.lower[i]).toBeLessThanOrEqual(pAlive.upper[i]);
        expect(pAlive.upper[i]).toBeLessThanOrEqual(1);
      }
      expect(inside / point.length).toBeGreaterThan(0.95);
      const again = purchaseIntervals(fit, summary, 39, { draws: 30, seed: 3 });
      expect(again.expectedPurchases.upper).toEqual(expectedPurchases.upper);
    }
  });

  test('CLV intervals bracket the CLV of (nearly) every customer', () => {
    const options = { margin: 0.3, discountRate: 0.01, horizon: 3, timeUnit: 'week' as const };
    const clv = customerLifetimeValue(summary, bg, gg, options).table.array('clv') as Float64Array;
    const { lower, upper } = clvIntervals(summary, bg, gg, options, { draws: 20, seed: 5 });
    let inside = 0;
    for (let i = 0; i < clv.length; i++) if (lower[i] <= clv[i] && clv[i] <= upper[i]) inside++;
    expect(inside / clv.length).toBeGreaterThan(0.95);
  });

  test('bad options and fits without covariance are named', () => {
    expect(() => purchaseIntervals(bg, summary, 39, { draws: 1 })).toThrow('draws must be a whole number ≥ 2 (got 1)');
    expect(() => purchaseIntervals(bg, summary, 39, { level: 1.5 })).toThrow('level must be between 0 and 1');
    expect(() => purchaseIntervals({ ...bg, logCovariance: null }, summary, 39)).toThrow('fit has no covariance');
  });
});
