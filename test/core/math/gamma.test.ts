import { digamma, gammaSign, logGamma } from '../../../src/core/math/gamma.ts';

// Reference values: scipy.special (1.10.1), e.g.
//   from scipy.special import gammaln, digamma
//   [gammaln(v) for v in [0.243, 0.5, 1, 2.426, 10, 100.5, 1e5, -0.5, -2.5]]
//   [digamma(v) for v in [0.243, 1, 2.426, 7.5, 100]]
const LOG_GAMMA: [number, number][] = [
  [0.243, 1.3180435846996699],
  [0.5, 0.5723649429247],
  [1, 0],
  [2.426, 0.2340081168873162],
  [10, 12.801827480081469],
  [100.5, 361.43554046777757],
  [1e5, 1051287.7089736569],
  [-0.5, 1.2655121234846454],
  [-2.5, -0.05624371649767401],
];
const DIGAMMA: [number, number][] = [
  [0.243, -4.351093864423211],
  [1, -0.5772156649015329],
  [2.426, 0.6662079149687962],
  [7.5, 1.9467574842460866],
  [100, 4.600161852738088],
];

describe('logGamma (Lanczos)', () => {
  test.each(LOG_GAMMA)('ln|Γ(%p)| matches scipy.special.gammaln', (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(expected)));
  });
  test('the documented example: ln 9!', () => {
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 13);
  });
  test('poles give Infinity and the sign alternates below zero', () => {
    expect(logGamma(0)).toBe(Infinity);
    expect(logGamma(-3)).toBe(Infinity);
    expect(gammaSign(-0.5)).toBe(-1);
    expect(gammaSign(-1.5)).toBe(1);
    expect(gammaSign(2)).toBe(1);
    expect(gammaSign(-2)).toBeNaN();
  });
});

describe('digamma', () => {
  test.each(DIGAMMA)('ψ(%p) matches scipy.special.digamma', (x, expected) => {
    expect(Math.abs(digamma(x) - expected)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(expected)));
  });
  test('reflection for negative arguments: ψ(−0.5) = ψ(1.5) + π·cot(−0.5π)... = 0.03649', () => {
    // scipy.special.digamma(-0.5) = 0.03648997397857652
    expect(digamma(-0.5)).toBeCloseTo(0.03648997397857652, 12);
  });
});
