/**
 * Johnson's relative weights from correlations.
 */
import { invalid } from '../messages.ts';
import { symmetricEigen } from '../math/eigen.ts';

/**
 * Johnson's (2000) relative weights: the share of R² due to each predictor, found by regressing
 * the outcome on the best-fitting orthogonal counterparts Z of the predictors (Z = X R^(−1/2),
 * R^(1/2) = V Λ^(1/2) Vᵀ) and splitting each orthogonal part back onto the predictors:
 * ε_j = Σ_k (R^(1/2))²_jk β*²_k with β* = R^(−1/2) r_xy. The raw weights sum to R².
 *
 * Reference: Johnson (2000), "A heuristic method for estimating the relative weight of predictor
 * variables in multiple regression", Multivariate Behavioral Research 35(1), 1–19.
 * O(p³) (a Jacobi eigen-decomposition).
 *
 * @param rxx p × p predictor correlation matrix, row-major
 * @param rxy correlations of the p predictors with the outcome
 * @returns `weights` (raw, summing to R²) and `rSquared`
 * @throws {InputError} when the predictors are collinear (a non-positive eigenvalue)
 * @example relativeWeights(Float64Array.of(1, 0.3, 0.3, 1), Float64Array.of(0.5, 0.4)).rSquared; // => 0.3187 (to 4 dp; weights 0.2043 and 0.1143)
 */
export function relativeWeights(
  rxx: ArrayLike<number>,
  rxy: ArrayLike<number>,
): { weights: Float64Array; rSquared: number } {
  const p = rxy.length;
  if (rxx.length !== p * p) {
    throw invalid('rxx', `must be ${p} × ${p} for ${p} predictors (got ${rxx.length} entries)`);
  }
  const { values, vectors } = symmetricEigen(rxx, p);
  const smallest = values[p - 1];
  if (!(smallest > 1e-10 * Math.max(1, values[0]))) {
    throw invalid('drivers', `are collinear (the smallest eigenvalue of their correlation matrix is ${smallest})`, 'num');
  }
  // half = R^(1/2); beta = R^(-1/2) r_xy, both through the eigenvectors.
  const half = new Float64Array(p * p);
  const beta = new Float64Array(p);
  const projected = new Float64Array(p); // Vᵀ r_xy / √λ
  for (let k = 0; k < p; k++) {
    let s = 0;
    for (let i = 0; i < p; i++) s += vectors[k * p + i] * rxy[i];
    projected[k] = s / Math.sqrt(values[k]);
  }
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += vectors[k * p + i] * Math.sqrt(values[k]) * vectors[k * p + j];
      half[i * p + j] = s;
    }
    let b = 0;
    for (let k = 0; k < p; k++) b += vectors[k * p + i] * projected[k];
    beta[i] = b;
  }
  const weights = new Float64Array(p);
  let rSquared = 0;
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let k = 0; k < p; k++) s += half[j * p + k] * half[j * p + k] * beta[k] * beta[k];
    weights[j] = s;
    rSquared += s;
  }
  return { weights, rSquared };
}
