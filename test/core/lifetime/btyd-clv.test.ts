import { customerLifetimeValue } from '../../../src/core/lifetime/btyd-clv.ts';
import { fitBgNbd } from '../../../src/core/lifetime/bg-nbd-fit.ts';
import { fitGammaGamma } from '../../../src/core/lifetime/gamma-gamma.ts';
import { cdnowSummary } from './cdnow-fixture.ts';
import { CDNOW_BG_NBD, CDNOW_GAMMA_GAMMA } from '../../fixtures/published.ts';

const BG = CDNOW_BG_NBD;
const GG = CDNOW_GAMMA_GAMMA;
const customer4 = { customer: 4, x: 2, t_x: 30.43, T: 38.86, monetary: 22.345 };
const newcomer = { customer: 50, x: 0, t_x: 0, T: 38.86, monetary: 0 };

// Independent values (scipy 1.10.1), with E(x,tx,T,t) the conditional expectation written with
// scipy.special.hyp2f1 (see bg-nbd.test.ts) and spend = (g + m x) p / (p x + q - 1):
//   margin * spend * sum((E(k*step) - E((k-1)*step)) / (1+d)**k for k in 1..H)
//   customer 4, weekly, margin 0.3, d 1%/week, H 39:              7.5627482993720525
//   x = 0, T 38.86, same:                                         1.7119881171852434
//   customer 4, monthly periods on weekly data (step 30.4375/7), d 1%/month, H 12: 10.891565828685408
describe('customerLifetimeValue (Fader, Hardie & Lee 2005, JMR: discounted expected purchases × spend × margin)', () => {
  test('the documented example and a one-time buyer match scipy', () => {
    const result = customerLifetimeValue([customer4, newcomer], BG, GG, {
      margin: 0.3,
      discountRate: 0.01,
      horizon: 39,
      timeUnit: 'week',
    });
    expect(result.table.get('clv', 0)).toBeCloseTo(7.5627482993720525, 9);
    expect(result.table.get('clv', 1)).toBeCloseTo(1.7119881171852434, 9);
    expect(result.table.get('customer', 1)).toBe(50);
    expect(result.table.get('p_alive', 1)).toBe(1);
    expect(result.period).toBe('week');
    expect(result.description).toBe(
      'CLV over 39 weeks, discounted at 1% per week, margin 30% of expected spend; data and BG/NBD parameters in weeks',
    );
  });
  test('monthly discounting periods on weekly data convert boundaries, not the rate', () => {
    const result = customerLifetimeValue([customer4], BG, GG, {
      margin: 0.3,
      discountRate: 0.01,
      horizon: 12,
      timeUnit: 'week',
      period: 'month',
    });
    expect(result.table.get('clv', 0)).toBeCloseTo(10.891565828685408, 9);
    expect(result.description).toContain('CLV over 12 months, discounted at 1% per month');
  });
  test('with no discounting, expected purchases over the horizon equal the BG/NBD forecast (1.226 in 39 weeks)', () => {
    const result = customerLifetimeValue([customer4], BG, GG, { margin: 1, discountRate: 0, horizon: 39, timeUnit: 'week' });
    expect(result.table.get('expected_purchases', 0).toFixed(3)).toBe('1.226');
    expect(result.table.get('clv', 0)).toBeCloseTo(
      result.table.get('expected_purchases', 0) * result.table.get('expected_spend', 0),
      10,
    );
  });
  test('on CDNOW with fitted models: one row per customer, all finite and positive', () => {
    const summary = cdnowSummary();
    const result = customerLifetimeValue(summary, fitBgNbd(summary), fitGammaGamma(summary), {
      margin: 0.3,
      discountRate: 0.01,
      horizon: 52,
      timeUnit: 'week',
    });
    const clv = result.table.array('clv') as Float64Array;
    expect(clv).toHaveLength(2357);
    expect(Array.from(clv).every((v) => Number.isFinite(v) && v > 0)).toBe(true);
  });
  test('units are never guessed; bad options are named', () => {
    const base = { margin: 0.3, discountRate: 0.01, horizon: 12 };
    expect(() => customerLifetimeValue([customer4], BG, GG, base as never)).toThrow('timeUnit is required');
    expect(() => customerLifetimeValue([customer4], BG, GG, { ...base, timeUnit: 'week', margin: 30 })).toThrow(
      'margin must be a fraction between 0 and 1 (got 30)',
    );
    expect(() => customerLifetimeValue([customer4], BG, GG, { ...base, timeUnit: 'week', horizon: 1.5 })).toThrow(
      'horizon must be a whole number from 1 to 1200 (got 1.5)',
    );
    expect(() => customerLifetimeValue([customer4], BG, GG, { ...base, timeUnit: 'week', period: 'year' as never })).toThrow(
      `period must be 'day', 'week' or 'month'`,
    );
  });

  test('the horizon has a documented maximum of 1,200 periods, enforced by name (issue 9: 1e5 took 16 s, 1e9 ran out of memory)', () => {
    const base = { margin: 0.3, discountRate: 0.01, timeUnit: 'week' as const };
    for (const horizon of [100_000, 1e9, 1e308]) {
      let error: unknown;
      try {
        customerLifetimeValue([customer4], BG, GG, { ...base, horizon });
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ argument: 'horizon', message: `horizon must be a whole number from 1 to 1200 (got ${horizon})` });
    }
    const longest = customerLifetimeValue([customer4, newcomer], BG, GG, { ...base, horizon: 1200 }).table.array('clv');
    expect(Array.from(longest as Float64Array).every((v) => Number.isFinite(v) && v > 0)).toBe(true);
  });

  test('customers with x = 0 get a finite CLV when a + b < 1 (was NaN)', () => {
    const result = customerLifetimeValue([newcomer, customer4], { r: 0.243, alpha: 4.414, a: 0.3, b: 0.5 }, GG, {
      margin: 0.3,
      discountRate: 0.01,
      horizon: 52,
      timeUnit: 'week',
    });
    const clv = Array.from(result.table.array('clv') as Float64Array);
    expect(clv.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
  });
});

test('a discount rate near 0 skips the periods whose weights cannot change the sum, and agrees with rate 0', () => {
  // CRM.CLVBTYD property case (seed 20261201): d = 3.3e-58 made all 520 periods count.
  const summary = [
    { x: 2, t_x: 1e-255, T: 6.4695, monetary: 1e-169 },
    { x: 7, t_x: 2.5e-56, T: 63.439, monetary: 499.99 },
  ];
  const params = { r: 0.05, alpha: 20, a: 1000, b: 0.01 };
  const spend = { p: 0.05, q: 20, gamma: 0.0596 };
  const clvAt = (discountRate: number) =>
    customerLifetimeValue(summary, params, spend, { margin: 0.3, discountRate, horizon: 520, timeUnit: 'week' }).table.array('clv') as Float64Array;
  const tiny = clvAt(3.3e-58);
  const zero = clvAt(0);
  for (let i = 0; i < summary.length; i++) expect(Math.abs(tiny[i] / zero[i] - 1)).toBeLessThan(1e-14);
});
