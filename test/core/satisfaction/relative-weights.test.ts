import { InputError } from '../../../src/core/errors.ts';
import { relativeWeights } from '../../../src/core/satisfaction/relative-weights.ts';

describe('relativeWeights (Johnson 2000)', () => {
  test('published example: R package iopsych, relWt() documentation', () => {
    // iopsych::relWt example (Jones & Goebl; https://rdrr.io/cran/iopsych/man/relWt.html):
    // predictors 1..4, criterion 5 of the correlation matrix below; printed output
    // eps = 0.24066119, 0.05492664, 0.12143476, 0.28158189.
    const r = [
      [1.0, 0.2, 0.3, 0.4, -0.4],
      [0.2, 1.0, 0.5, 0.1, 0.1],
      [0.3, 0.5, 1.0, 0.2, -0.3],
      [0.4, 0.1, 0.2, 1.0, 0.4],
      [-0.4, 0.1, -0.3, 0.4, 1.0],
    ];
    const rxx = Float64Array.from(r.slice(0, 4).flatMap((row) => row.slice(0, 4)));
    const rxy = Float64Array.from(r.slice(0, 4).map((row) => row[4]));
    const { weights, rSquared } = relativeWeights(rxx, rxy);
    [0.24066119, 0.05492664, 0.12143476, 0.28158189].forEach((value, j) =>
      expect(weights[j]).toBeCloseTo(value, 8),
    );
    expect(rSquared).toBeCloseTo(0.24066119 + 0.05492664 + 0.12143476 + 0.28158189, 7);
  });

  test('two predictors: equal to the Shapley (general dominance) split of R²; the @example', () => {
    // numpy: R = [[1,.3],[.3,1]], r = [.5,.4]; l, V = np.linalg.eigh(R); L = V@diag(sqrt l)@V.T
    //   beta = solve(L, r); (L**2)@(beta**2) → [0.20434066, 0.11434066]; R² = 0.3186813186813187
    // Shapley for p = 2: w1 = (r1² + R² − r2²)/2 = 0.20434065934065931.
    const { weights, rSquared } = relativeWeights(Float64Array.of(1, 0.3, 0.3, 1), Float64Array.of(0.5, 0.4));
    expect(rSquared).toBeCloseTo(0.3186813186813187, 14);
    expect(weights[0]).toBeCloseTo((0.25 + rSquared - 0.16) / 2, 14);
    expect(weights[1]).toBeCloseTo((0.16 + rSquared - 0.25) / 2, 14);
  });

  test('uncorrelated predictors: each weight is its squared correlation', () => {
    const { weights } = relativeWeights(Float64Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1), Float64Array.of(0.5, -0.3, 0.1));
    expect(Array.from(weights).map((w) => +w.toFixed(14))).toEqual([0.25, 0.09, 0.01]);
  });

  test('collinear predictors are rejected', () => {
    expect(() => relativeWeights(Float64Array.of(1, 1, 1, 1), Float64Array.of(0.5, 0.5))).toThrow(InputError);
    expect(() => relativeWeights(Float64Array.of(1, 1, 1, 1), Float64Array.of(0.5, 0.5))).toThrow(
      /^drivers are collinear \(the smallest eigenvalue of their correlation matrix is /,
    );
  });
});
