import { bgNbdLogLikelihood } from '../../../src/core/lifetime/bg-nbd.ts';
import { fitBgNbd } from '../../../src/core/lifetime/bg-nbd-fit.ts';
import {
  hessianFromGradient,
  invertPositiveDefinite,
  Z_95,
} from '../../../src/core/lifetime/fit-uncertainty.ts';
import { fitGammaGamma } from '../../../src/core/lifetime/gamma-gamma.ts';
import { logGamma } from '../../../src/core/math/gamma.ts';
import { cdnowSummary } from './cdnow-fixture.ts';

/**
 * Natural-scale standard errors from second differences of a log-likelihood written out
 * independently of the fits (values only, no gradient, natural parameters): an independent
 * check of the gradient-difference Hessian on the log scale and of the delta-method step.
 */
function secondDifferenceErrors(logLikelihood: (p: number[]) => number, at: number[]): number[] {
  const k = at.length;
  const h = at.map((v) => 1e-4 * v);
  const f = (shifts: number[]) => logLikelihood(at.map((v, i) => v + shifts[i]));
  const information: number[][] = [];
  for (let i = 0; i < k; i++) {
    information.push([]);
    for (let j = 0; j < k; j++) {
      const e = (a: number, b: number) => at.map((_, m) => (m === i ? a * h[i] : 0) + (m === j ? b * h[j] : 0));
      const d =
        i === j
          ? (f(e(1, 1)) - 2 * f(e(0, 0)) + f(e(-1, -1))) / (4 * h[i] * h[i])
          : (f(e(1, 1)) - f(e(1, -1)) - f(e(-1, 1)) + f(e(-1, -1))) / (4 * h[i] * h[j]);
      information[i].push(-d);
    }
  }
  const covariance = invertPositiveDefinite(information)!;
  return covariance.map((row, i) => Math.sqrt(row[i]));
}

const relative = (value: number, reference: number) => Math.abs(value / reference - 1);

describe('hessianFromGradient and invertPositiveDefinite', () => {
  test('recover the analytic Hessian of a smooth function to 1e-7', () => {
    // f(t) = exp(t0) t1² + sin(t0 t1): H = [[e^t0 t1² − t1² sin, 2 e^t0 t1 + cos − t0 t1 sin], [.., 2 e^t0 − t0² sin]]
    const objective = (t: number[], g: number[]) => {
      const s = Math.sin(t[0] * t[1]);
      const c = Math.cos(t[0] * t[1]);
      g[0] = Math.exp(t[0]) * t[1] ** 2 + t[1] * c;
      g[1] = 2 * Math.exp(t[0]) * t[1] + t[0] * c;
      return Math.exp(t[0]) * t[1] ** 2 + s;
    };
    const t = [0.3, -1.2];
    const s = Math.sin(t[0] * t[1]);
    const c = Math.cos(t[0] * t[1]);
    const exact = [
      [Math.exp(t[0]) * t[1] ** 2 - t[1] ** 2 * s, 2 * Math.exp(t[0]) * t[1] + c - t[0] * t[1] * s],
      [2 * Math.exp(t[0]) * t[1] + c - t[0] * t[1] * s, 2 * Math.exp(t[0]) - t[0] ** 2 * s],
    ];
    const h = hessianFromGradient(objective, t);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(Math.abs(h[i][j] - exact[i][j])).toBeLessThan(1e-7);
  });

  test('inverts a positive definite matrix and refuses an indefinite one', () => {
    const inverse = invertPositiveDefinite([
      [4, 2],
      [2, 3],
    ])!;
    expect(inverse[0][0]).toBeCloseTo(0.375, 14);
    expect(inverse[0][1]).toBeCloseTo(-0.25, 14);
    expect(inverse[1][1]).toBeCloseTo(0.5, 14);
    expect(
      invertPositiveDefinite([
        [1, 2],
        [2, 1],
      ]),
    ).toBeNull();
  });
});

describe('standard errors of the BG/NBD fit on the CDNOW sample', () => {
  const summary = cdnowSummary();
  const fit = fitBgNbd(summary);
  const se = fit.standardErrors!;

  test("equal lifetimes' documentation (se(coef) 0.012557, 0.378221, 0.185719, 0.705345) to 2e-3 relative", () => {
    // lifetimes' Quickstart prints BetaGeoFitter.summary for the CDNOW sample (weeks): r 0.242593
    // (se 0.012557), alpha 4.413532 (0.378221), a 0.792886 (0.185719), b 2.425752 (0.705345).
    expect(relative(se.r, 0.012557)).toBeLessThan(2e-3);
    expect(relative(se.alpha, 0.378221)).toBeLessThan(2e-3);
    expect(relative(se.a, 0.185719)).toBeLessThan(2e-3);
    expect(relative(se.b, 0.705345)).toBeLessThan(2e-3);
  });

  test('agree with second differences of the per-customer log-likelihood in natural parameters to 1e-4', () => {
    const x = summary.array('x') as Int32Array;
    const tx = summary.array('t_x') as Float64Array;
    const T = summary.array('T') as Float64Array;
    const ll = ([r, alpha, a, b]: number[]) => {
      let total = 0;
      for (let i = 0; i < x.length; i++) total += bgNbdLogLikelihood({ r, alpha, a, b }, x[i], tx[i], T[i]);
      return total;
    };
    const reference = secondDifferenceErrors(ll, [fit.r, fit.alpha, fit.a, fit.b]);
    expect(relative(se.r, reference[0])).toBeLessThan(1e-4);
    expect(relative(se.alpha, reference[1])).toBeLessThan(1e-4);
    expect(relative(se.a, reference[2])).toBeLessThan(1e-4);
    expect(relative(se.b, reference[3])).toBeLessThan(1e-4);
  });

  test('95% intervals are Wald intervals on the log scale around the estimate', () => {
    for (const name of ['r', 'alpha', 'a', 'b'] as const) {
      const estimate = fit[name];
      const seLog = se[name] / estimate;
      expect(fit.intervals![name].lower).toBeCloseTo(estimate * Math.exp(-Z_95 * seLog), 12);
      expect(fit.intervals![name].upper).toBeCloseTo(estimate * Math.exp(Z_95 * seLog), 12);
      expect(fit.logCovariance![['r', 'alpha', 'a', 'b'].indexOf(name)].length).toBe(4);
    }
  });
});

describe('standard errors of the Gamma-Gamma fit on the CDNOW sample', () => {
  const summary = cdnowSummary();
  const fit = fitGammaGamma(summary);

  test('agree with second differences of the written-out log-likelihood to 1e-4', () => {
    const x = summary.array('x') as Int32Array;
    const m = summary.array('monetary') as Float64Array;
    // Fader & Hardie note 025, eq. 3: the density of the mean repeat value m̄ given x.
    const ll = ([p, q, g]: number[]) => {
      let total = 0;
      for (let i = 0; i < x.length; i++) {
        if (x[i] === 0 || !(m[i] > 0)) continue;
        const px = p * x[i];
        total +=
          logGamma(px + q) - logGamma(px) - logGamma(q) + q * Math.log(g) + (px - 1) * Math.log(m[i]) +
          px * Math.log(x[i]) - (px + q) * Math.log(g + m[i] * x[i]);
      }
      return total;
    };
    const reference = secondDifferenceErrors(ll, [fit.p, fit.q, fit.gamma]);
    expect(relative(fit.standardErrors!.p, reference[0])).toBeLessThan(1e-4);
    expect(relative(fit.standardErrors!.q, reference[1])).toBeLessThan(1e-4);
    expect(relative(fit.standardErrors!.gamma, reference[2])).toBeLessThan(1e-4);
    for (const name of ['p', 'q', 'gamma'] as const) {
      expect(fit.intervals![name].lower).toBeLessThan(fit[name]);
      expect(fit.intervals![name].upper).toBeGreaterThan(fit[name]);
    }
  });
});
