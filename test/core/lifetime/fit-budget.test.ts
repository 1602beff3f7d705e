import * as aq from 'arquero';
import { fitBgNbd } from '../../../src/core/lifetime/bg-nbd-fit.ts';
import { simulateBtydSummary } from '../../../src/core/lifetime/btyd-simulate.ts';
import { fitGammaGamma } from '../../../src/core/lifetime/gamma-gamma.ts';
import { fitParetoNbd } from '../../../src/core/lifetime/pareto-nbd-fit.ts';
import { CDNOW_BG_NBD, CDNOW_GAMMA_GAMMA } from '../../fixtures/published.ts';

// Issue 9: fits ran for 10–50 s and still said "converged FALSE" without saying why. Every fit now
// has an iteration and a time budget and a reason; parameters that run out of 1e-6..1e6 (no
// finite maximum) are reported, not returned as if estimated.
const noDropout = aq.table(
  simulateBtydSummary(2000, { r: 1, alpha: 1, a: 1e-4, b: 1e4 }, { p: 2, q: 3, gamma: 10 }, { seed: 3, resolution: 1 / 7 }) as never,
);

describe('fit budgets and reasons', () => {
  test('a converged fit says so', () => {
    const data = aq.table(simulateBtydSummary(3000, CDNOW_BG_NBD, CDNOW_GAMMA_GAMMA, { seed: 5 }) as never);
    const fit = fitBgNbd(data, { timeBudgetMs: 120_000 });
    expect(fit.converged).toBe(true);
    expect(fit.reason).toBe(`converged after ${fit.iterations} iterations`);
    expect(fitGammaGamma(data, { timeBudgetMs: 120_000 }).reason).toMatch(/^converged after \d+ iterations$/);
  });

  test('no sign of dropout: the likelihood rises towards a → 0, b → ∞; converged FALSE and why', () => {
    const fit = fitBgNbd(noDropout, { timeBudgetMs: 120_000 });
    expect(fit.converged).toBe(false);
    expect(fit.reason).toMatch(/^not converged: (a|b) ran to .*, outside 1e-6\.\.1e6; .*no sign of dropout\)$/);
  });

  test('the time budget and the iteration limit stop a fit and are named', () => {
    const timed = fitBgNbd(noDropout, { timeBudgetMs: 0 });
    expect(timed).toMatchObject({ converged: false, iterations: 0 });
    expect(timed.reason).toBe('not converged: the time budget (0 ms) ran out after 0 iterations; the estimates are the best found so far');
    const limited = fitBgNbd(noDropout, { maxIterations: 2, timeBudgetMs: 120_000 });
    expect(limited.converged).toBe(false);
    expect(limited.reason).toBe('not converged: the iteration limit (2) was reached; the estimates are the best found so far');
  });

  test('Gamma-Gamma on identical mean values has no finite maximum and says so', () => {
    const fit = fitGammaGamma(aq.table({ x: [1, 1, 2, 1], monetary: [5, 5, 5, 5] }), { timeBudgetMs: 120_000 });
    expect(fit.converged).toBe(false);
    expect(fit.reason).toMatch(/^not converged: (p|q|gamma) ran to .*outside 1e-6\.\.1e6; .*hardly differ between customers\)$/);
  });
});

describe('a fit whose parameter runs away stops there (issue 9: tiny data fail fast)', () => {
  test('BG/NBD on eight customers with t_x ≈ 0: alpha leaves 1e-12..1e12 and the fit ends, not after 200 iterations', () => {
    // CRM.BGNBDFIT property case (seed 20261201): it ran its whole 200 BFGS iterations (355 ms)
    // following alpha towards 0.
    const x = [467, 85, 243, 5, 8, 337, 4, 1];
    const tx = [1.2e-86, 1.3e-17, 2.1e-227, 9.6e-244, 1.8e-69, 4e-154, 1.7e-207, 4.3e-48];
    const T = [197.38, 0.4933, 168.86, 1.1794, 22.59, 0.2352, 3.0754, 9.102];
    const fit = fitBgNbd(x.map((xi, i) => ({ x: xi, t_x: tx[i], T: T[i] })));
    expect(fit.converged).toBe(false);
    expect(fit.reason).toMatch(/^not converged: alpha ran to .*outside 1e-6\.\.1e6/);
    expect(fit.iterations).toBeLessThan(20);
    expect(fit.standardErrors).toBeNull();
  });
});

describe('Pareto/NBD fits on a few customers fail fast too (issue 9)', () => {
  // CRM.PARETONBDFIT property cases: purchases bunched at t_x ≈ 0 make the likelihood rise as α/β
  // grows; each step towards the series' limit (10⁶) cost more terms, and the fits ran out their
  // 20 s budget (15–43 s each) instead of saying why.
  const bunched = [
    { x: 1, t_x: 1.4e-322, T: 3.2091 },
    { x: 496, t_x: 3e-229, T: 0.1009 },
    { x: 7, t_x: 5.8e-68, T: 3.2723 },
    { x: 1, t_x: 1.6e-131, T: 0.1 },
    { x: 330, t_x: 0, T: 0.1 },
    { x: 4, t_x: 1.1e-34, T: 1.1538 },
  ];
  test('alpha/beta running away (beyond 1e3) ends the fit: converged FALSE and why, within a few iterations', () => {
    const fit = fitParetoNbd(bunched);
    expect(fit.converged).toBe(false);
    expect(fit.reason).toMatch(/^not converged: (alpha\/beta|beta\/alpha|alpha|beta) ran to .*do not pin the model down/);
    expect(fit.iterations).toBeLessThan(100);
    // Where a parameter ran away there is no estimate to attach an error to (nor a Hessian worth
    // its 8 likelihood gradients, each dearer the further α and β are apart): blank, not numbers.
    expect(fit.standardErrors).toBeNull();
    expect(fit.intervals).toBeNull();
  });

  test('a parameter leaving 1e-12..1e12 ends it as for BG/NBD (r ran to 1e35 after 600 iterations)', () => {
    const fit = fitParetoNbd([
      { x: 74, t_x: 3.8e-106, T: 1.0098 },
      { x: 476, t_x: 3.2e-279, T: 36.751 },
    ]);
    expect(fit.converged).toBe(false);
    expect(fit.reason).toMatch(/^not converged: (r|alpha|s|beta|alpha\/beta|beta\/alpha) ran to /);
    expect(fit.iterations).toBeLessThan(250);
  });

  test('the CDNOW-sized simulated fit still converges inside the limits', () => {
    const data = aq.table(simulateBtydSummary(2000, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { p: 6.25, q: 3.74, gamma: 15.44 }, { seed: 5 }) as never);
    expect(fitParetoNbd(data).converged).toBe(true);
  });
});
