import { integrateAdaptive } from '../../../src/core/math/gauss-kronrod.ts';

describe('integrateAdaptive (QUADPACK qk15 rule, adaptive halving)', () => {
  test('polynomials: ∫₀¹ x²² = 1/23 and ∫₀¹ 3x² = 1 (the Kronrod rule is exact to degree 22)', () => {
    const { values, panels } = integrateAdaptive((x, out) => {
      out[0] = x ** 22;
      out[1] = 3 * x * x;
    }, 2, [0, 1], { relativeTolerance: 1 });
    expect(panels).toBe(1);
    expect(values[0]).toBeCloseTo(1 / 23, 15);
    expect(values[1]).toBeCloseTo(1, 15);
  });

  test('the documented example and a peaked integrand (∫ e^(−x²/2σ²) = σ√(2π))', () => {
    expect(integrateAdaptive((x, o) => (o[0] = x * x), 1, [0, 3]).values[0]).toBeCloseTo(9, 13);
    const sigma = 1e-3;
    const { values } = integrateAdaptive((x, o) => (o[0] = Math.exp(-(x * x) / (2 * sigma * sigma))), 1, [-1, 0.3, 1]);
    expect(Math.abs(values[0] / (sigma * Math.sqrt(2 * Math.PI)) - 1)).toBeLessThan(1e-12);
  });
});
