import { nelderMead } from '../../../src/core/optimize/nelder-mead.ts';

describe('nelderMead', () => {
  test('the documented example: a shifted bowl', () => {
    const result = nelderMead((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, [0, 0]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(-2, 6);
  });
  test('Rosenbrock from (−1.2, 1) reaches (1, 1) (Nelder & Mead 1965 test problem)', () => {
    const result = nelderMead((x) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2, [-1.2, 1], {
      maxIterations: 5000,
    });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
  });
  test('a 6-dimensional quadratic (adaptive coefficients of Gao & Han)', () => {
    const target = [1, -1, 2, -2, 3, -3];
    const result = nelderMead((x) => x.reduce((s, v, i) => s + (i + 1) * (v - target[i]) ** 2, 0), new Array(6).fill(0), {
      maxIterations: 20000,
    });
    expect(result.converged).toBe(true);
    result.x.forEach((v, i) => expect(v).toBeCloseTo(target[i], 4));
  });
  test('non-finite values are treated as +∞ (a barrier)', () => {
    const result = nelderMead((x) => (x[0] <= 0 ? NaN : (Math.log(x[0]) - 1) ** 2), [1]);
    expect(result.x[0]).toBeCloseTo(Math.E, 5);
  });
});
