import { bfgs } from '../../../src/core/optimize/bfgs.ts';

// Rosenbrock's function, minimum 0 at (1, 1) (Nocedal & Wright 2006, ex. 2.1).
function rosenbrock(x: number[], g: number[]): number {
  const [u, v] = x;
  g[0] = -400 * u * (v - u * u) - 2 * (1 - u);
  g[1] = 200 * (v - u * u);
  return 100 * (v - u * u) ** 2 + (1 - u) ** 2;
}

describe('bfgs', () => {
  test('the documented example: a parabola', () => {
    const result = bfgs((x, g) => {
      g[0] = 2 * (x[0] - 3);
      return (x[0] - 3) ** 2;
    }, [0]);
    expect(result.x[0]).toBeCloseTo(3, 10);
    expect(result.converged).toBe(true);
  });
  test('Rosenbrock from (−1.2, 1) reaches (1, 1)', () => {
    const result = bfgs(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 7);
    expect(result.x[1]).toBeCloseTo(1, 7);
    expect(result.value).toBeLessThan(1e-14);
  });
  test('a non-finite start is reported as not converged', () => {
    const result = bfgs((x, g) => {
      g[0] = 0;
      return Math.log(x[0]);
    }, [-1]);
    expect(result.converged).toBe(false);
  });
  test('an iteration limit that is too small is reported', () => {
    expect(bfgs(rosenbrock, [-1.2, 1], { maxIterations: 3 }).converged).toBe(false);
  });
});
