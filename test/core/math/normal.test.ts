import { normalCdf, normalQuantile, twoSidedPValue } from '../../../src/core/math/normal.ts';
import { seededRandom } from '../../../src/core/math/random.ts';

/** 2,000 seeded points spread over [−limit, limit]. */
function points(limit: number): number[] {
  const next = seededRandom(7);
  return Array.from({ length: 2000 }, () => (2 * next() - 1) * limit);
}

describe('normalCdf', () => {
  test('matches scipy.stats.norm.cdf', () => {
    // Reference values: scipy.stats.norm.cdf (scipy 1.11).
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 15);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 15);
    expect(normalCdf(-5) / 2.866515718791939e-7 - 1).toBeLessThan(1e-10);
    expect(Math.abs(normalCdf(-10) / 7.619853024160525e-24 - 1)).toBeLessThan(1e-8);
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(NaN)).toBeNaN();
  });

  test('symmetric: Φ(z) + Φ(−z) = 1', () => {
    for (const z of points(8)) expect(Math.abs(normalCdf(z) + normalCdf(-z) - 1)).toBeLessThan(1e-15);
  });
});

describe('normalQuantile', () => {
  test('matches scipy.stats.norm.ppf', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 13);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 14);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 8);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalQuantile(NaN)).toBeNaN();
  });

  test('inverts normalCdf (beyond z = 5, 1 − Φ(z) has too few digits left in a double to invert)', () => {
    for (const z of points(7)) {
      if (z < 5) expect(normalQuantile(normalCdf(z))).toBeCloseTo(z, 8);
    }
  });
});

describe('twoSidedPValue', () => {
  test('2Φ(−|z|)', () => {
    expect(twoSidedPValue(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedPValue(-2.5758293035489004)).toBeCloseTo(0.01, 14);
    expect(twoSidedPValue(0)).toBe(1);
  });
});
