import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  paretoNbdExpected,
  paretoNbdLogLikelihood,
  paretoNbdLogLikelihoodUnchecked,
  paretoNbdPAlive,
  paretoNbdUnconditionalExpected,
  type ParetoNbdParams,
} from '../../../src/core/lifetime/pareto-nbd.ts';
import { fitParetoNbd } from '../../../src/core/lifetime/pareto-nbd-fit.ts';
import { seededRandom } from '../../../src/core/math/random.ts';
import { InputError } from '../../../src/core/errors.ts';
import { cdnowSummary } from './cdnow-fixture.ts';
import { CDNOW_PARETO_NBD, CDNOW_PARETO_NBD_LOG_LIKELIHOOD } from '../../fixtures/published.ts';

interface ReferenceCase {
  label: string;
  params: ParetoNbdParams;
  x: number;
  t_x: number;
  T: number;
  logLikelihood: number;
  gradient: number[];
  pAlive: number;
  expected: { t: number; value: number }[];
}

const reference = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/pareto_nbd_reference.json'), 'utf8'),
) as { cases: ReferenceCase[] };

const relativeError = (value: number, exact: number) => Math.abs(value - exact) / Math.abs(exact);

describe('Pareto/NBD against mpmath (test/fixtures/pareto_nbd_reference.py, 40 digits, mpmath hyp2f1)', () => {
  // The grid: α = β, α/β = 1 ± 1e-9 and 1 ± 1e-5, α ≫ β (400, 1000), β ≫ α (600), s = 1 and
  // s = 1 + 1e-9, large r and small s and back; customers up to x = 2000, T = 3000.
  test(`${reference.cases.length} cases: ln L, P(alive) and E[Y(t)] to 1e-8 relative where the value is ≥ 1e-12`, () => {
    let worst = 0;
    for (const c of reference.cases) {
      const checks: [number, number][] = [
        [paretoNbdLogLikelihood(c.params, c.x, c.t_x, c.T), c.logLikelihood],
        [paretoNbdPAlive(c.params, c.x, c.t_x, c.T), c.pAlive],
        ...c.expected.map(({ t, value }): [number, number] => [paretoNbdExpected(c.params, t, c.x, c.t_x, c.T), value]),
      ];
      for (const [value, exact] of checks) {
        if (exact === 0) {
          expect(value).toBe(0);
          continue;
        }
        if (Math.abs(exact) < 1e-12) continue;
        const error = relativeError(value, exact);
        worst = Math.max(worst, error);
        if (error > 1e-8) throw new Error(`${c.label}, x=${c.x}, t_x=${c.t_x}, T=${c.T}: ${value} vs ${exact}`);
      }
    }
    expect(worst).toBeLessThan(1e-8);
  });

  test('the analytic gradient of ln L equals mpmath’s numerical derivative to 1e-8 (relative to max(1, |∂|))', () => {
    const gradient = new Float64Array(4);
    for (const c of reference.cases) {
      paretoNbdLogLikelihoodUnchecked(c.params, c.x, c.t_x, c.T, gradient);
      c.gradient.forEach((exact, i) => {
        const error = Math.abs(gradient[i] - exact) / Math.max(1, Math.abs(exact));
        if (error > 1e-8) throw new Error(`${c.label}, x=${c.x}, t_x=${c.t_x}, T=${c.T}, ∂${i}: ${gradient[i]} vs ${exact}`);
      });
    }
  });
});

describe('Pareto/NBD published checks', () => {
  test('BTYD walkthrough: x = 26, t_x = 30.86, T = 31 → P(alive) 0.9979, 25.46 purchases in 52 weeks', () => {
    // The walkthrough prints the estimates rounded (0.5534, 10.5802, 0.6061, 11.6562) and in full
    // (0.5533971, 10.5801985, 0.6060625, 11.6562237); its 25.46 is from the full ones (25.4553).
    const rounded = { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 };
    const full = { r: 0.5533971, alpha: 10.5801985, s: 0.6060625, beta: 11.6562237 };
    expect(paretoNbdPAlive(rounded, 26, 30.86, 31).toFixed(4)).toBe('0.9979');
    expect(paretoNbdPAlive(full, 26, 30.86, 31).toFixed(4)).toBe('0.9979');
    expect(paretoNbdExpected(full, 52, 26, 30.86, 31).toFixed(2)).toBe('25.46');
    expect(Math.abs(paretoNbdExpected(rounded, 52, 26, 30.86, 31) - 25.46)).toBeLessThan(0.01);
  });

  test('fitParetoNbd on CDNOW equals Fader, Hardie & Lee (2005): r 0.553, α 10.578, s 0.606, β 11.669, LL −9595.0', () => {
    const fit = fitParetoNbd(cdnowSummary());
    expect(fit.converged).toBe(true);
    expect(fit.r.toFixed(3)).toBe(CDNOW_PARETO_NBD.r.toFixed(3));
    expect(fit.alpha.toFixed(3)).toBe(CDNOW_PARETO_NBD.alpha.toFixed(3));
    expect(fit.s.toFixed(3)).toBe(CDNOW_PARETO_NBD.s.toFixed(3));
    expect(fit.beta.toFixed(3)).toBe(CDNOW_PARETO_NBD.beta.toFixed(3));
    expect(fit.logLikelihood.toFixed(1)).toBe(CDNOW_PARETO_NBD_LOG_LIKELIHOOD.toFixed(1));
    expect(fit.customers).toBe(2357);
    const se = fit.standardErrors!;
    for (const name of ['r', 'alpha', 's', 'beta'] as const) {
      expect(se[name]).toBeGreaterThan(0);
      expect(fit.intervals![name].lower).toBeLessThan(fit[name]);
      expect(fit.intervals![name].upper).toBeGreaterThan(fit[name]);
    }
  });
});

describe('Pareto/NBD properties over seeded random inputs', () => {
  const random = seededRandom(20261201);
  const logUniform = (lo: number, hi: number) => Math.exp(Math.log(lo) + random() * (Math.log(hi) - Math.log(lo)));
  const draws = Array.from({ length: 300 }, () => {
    const T = logUniform(0.1, 500);
    const x = Math.floor(logUniform(1, 300)) - 1;
    const t_x = x === 0 ? 0 : random() * T;
    const params = { r: logUniform(0.01, 50), alpha: logUniform(0.01, 1000), s: logUniform(0.01, 50), beta: logUniform(0.01, 1000) };
    return { params, x, t_x, T };
  });

  test('P(alive) is in [0, 1] (0 only by underflow below 1e-300) and E[Y(t)] is finite, ≥ 0 and grows with t', () => {
    for (const { params, x, t_x, T } of draws) {
      const p = paretoNbdPAlive(params, x, t_x, T);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      const e1 = paretoNbdExpected(params, 10, x, t_x, T);
      const e2 = paretoNbdExpected(params, 20, x, t_x, T);
      expect(Number.isFinite(e2)).toBe(true);
      expect(e1).toBeGreaterThanOrEqual(0);
      expect(e2).toBeGreaterThanOrEqual(e1);
    }
  });

  test('P(alive) falls as recency falls behind (t_x decreasing, x and T fixed)', () => {
    for (const { params, x, T } of draws) {
      if (x === 0) continue;
      expect(paretoNbdPAlive(params, x, 0.2 * T, T)).toBeLessThanOrEqual(paretoNbdPAlive(params, x, 0.8 * T, T) + 1e-15);
    }
  });

  test('continuous through α = β (the two ₂F₁ forms meet)', () => {
    for (const { params, x, t_x, T } of draws.slice(0, 50)) {
      const at = { ...params, alpha: params.beta };
      const above = { ...params, alpha: params.beta * (1 + 1e-12) };
      const below = { ...params, alpha: params.beta * (1 - 1e-12) };
      const ll = paretoNbdLogLikelihood(at, x, t_x, T);
      expect(Math.abs(paretoNbdLogLikelihood(above, x, t_x, T) - ll)).toBeLessThan(1e-9 * Math.max(1, Math.abs(ll)));
      expect(Math.abs(paretoNbdLogLikelihood(below, x, t_x, T) - ll)).toBeLessThan(1e-9 * Math.max(1, Math.abs(ll)));
    }
  });
});

describe('paretoNbdUnconditionalExpected', () => {
  test('equals rβ/(α(s−1))·[1 − (β/(β+t))^(s−1)] (numpy: 1.2130028442810157 at the CDNOW estimates, t = 39) and is continuous at s = 1', () => {
    const params = CDNOW_PARETO_NBD;
    expect(paretoNbdUnconditionalExpected(params, 39)).toBeCloseTo(1.2130028442810157, 13);
    expect(paretoNbdUnconditionalExpected(params, 0)).toBe(0);
    // s = 1: (r/α) β ln(1 + t/β)
    const one = { r: 0.5, alpha: 2, s: 1, beta: 3 };
    expect(paretoNbdUnconditionalExpected(one, 6)).toBeCloseTo((0.5 / 2) * 3 * Math.log(3), 14);
    expect(paretoNbdUnconditionalExpected({ ...one, s: 1 + 1e-10 }, 6)).toBeCloseTo((0.5 / 2) * 3 * Math.log(3), 9);
    // a new customer (x = 0, t_x = T = 0) expects the same from the conditional formula
    expect(paretoNbdExpected(params, 39, 0, 0, 0)).toBeCloseTo(1.2130028442810157, 13);
  });
});

describe('Pareto/NBD bad input', () => {
  const params = CDNOW_PARETO_NBD;
  test('names the parameter, the history value or the horizon', () => {
    expect(() => paretoNbdPAlive({ ...params, s: -1 }, 1, 1, 2)).toThrow('s must be a positive number (got -1)');
    expect(() => paretoNbdPAlive({ ...params, beta: NaN }, 1, 1, 2)).toThrow('beta must be a positive number');
    expect(() => paretoNbdPAlive(null as unknown as ParetoNbdParams, 1, 1, 2)).toThrow('params must be an object');
    expect(() => paretoNbdPAlive(params, 1.5, 1, 2)).toThrow('x must be a whole number');
    expect(() => paretoNbdPAlive(params, 1, 3, 2)).toThrow('t_x must be between 0 and T');
    expect(() => paretoNbdExpected(params, -1, 1, 1, 2)).toThrow('t must be a number from 0 to 1e6 (got -1)');
    expect(() => paretoNbdPAlive({ ...params, alpha: 1e6, beta: 0.5 }, 1, 1, 2)).toThrow('alpha and beta are too far apart');
  });

  test('the forecast length t has the bound of t_x and T (1e6), as for BG/NBD', () => {
    expect(paretoNbdExpected(params, 1e6, 1, 1, 2)).toBeGreaterThan(0);
    expect(paretoNbdUnconditionalExpected(params, 1e6)).toBeGreaterThan(0);
    for (const t of [1e6 * (1 + 1e-15), 1e300, Infinity, NaN]) {
      expect(() => paretoNbdExpected(params, t, 1, 1, 2)).toThrow(InputError);
      expect(() => paretoNbdExpected(params, t, 1, 1, 2)).toThrow('t must be a number from 0 to 1e6');
      expect(() => paretoNbdUnconditionalExpected(params, t)).toThrow('t must be a number from 0 to 1e6');
    }
  });

  test('r, alpha, s and beta above 1e6 are refused by name (issue 9: s = 1e300 was accepted)', () => {
    for (const name of ['r', 'alpha', 's', 'beta'] as const) {
      const big = { ...params, [name]: 1e300 };
      expect(() => paretoNbdPAlive(big, 1, 1, 2)).toThrow(`${name} must be at most 1e6 (got 1e+300)`);
      expect(() => paretoNbdUnconditionalExpected(big, 3)).toThrow(`${name} must be at most 1e6`);
    }
    // The largest accepted values still give finite numbers.
    expect(Number.isFinite(paretoNbdExpected({ r: 1e6, alpha: 1e6, s: 1e6, beta: 1e6 }, 39, 3, 20, 30))).toBe(true);
  });

  test('fitParetoNbd refuses a summary without repeat buyers or with a bad row', () => {
    expect(() => fitParetoNbd([{ x: 0, t_x: 0, T: 3 }, { x: 0, t_x: 0, T: 4 }])).toThrow('no repeat buyers');
    expect(() => fitParetoNbd([{ x: 1, t_x: 5, T: 3 }, { x: 0, t_x: 0, T: 4 }])).toThrow('t_x: row 1 must be between 0 and T = 3 (got 5)');
    expect(() => fitParetoNbd([{ x: 1, t_x: 1, T: 3 }])).toThrow('at least two customers');
  });
});
