/**
 * Solves A x = b for a symmetric positive definite A (a correlation matrix of regressors) by the
 * Cholesky factorization A = L Lᵀ. Returns null when A is not numerically positive definite
 * (collinear regressors), so that the caller can say which variables are to blame.
 *
 * Reference: Golub & Van Loan (2013), "Matrix Computations", 4th ed., §4.2. O(p³).
 *
 * @param a the p × p matrix, row-major (not modified)
 * @param b the right-hand side, length p (not modified)
 * @param p the order
 * @returns x, or null when A is not positive definite
 * @example choleskySolve(Float64Array.of(4, 2, 2, 3), Float64Array.of(2, 1), 2); // => Float64Array [0.5, 0]
 */
export function choleskySolve(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  p: number,
): Float64Array | null {
  const l = new Float64Array(p * p);
  let maxDiagonal = 0;
  for (let i = 0; i < p; i++) maxDiagonal = Math.max(maxDiagonal, Math.abs(a[i * p + i]));
  const tiny = 1e-12 * maxDiagonal;
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j];
    for (let k = 0; k < j; k++) d -= l[j * p + k] * l[j * p + k];
    if (!(d > tiny)) return null;
    const ljj = Math.sqrt(d);
    l[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j];
      for (let k = 0; k < j; k++) s -= l[i * p + k] * l[j * p + k];
      l[i * p + j] = s / ljj;
    }
  }
  const x = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * p + k] * x[k];
    x[i] = s / l[i * p + i];
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < p; k++) s -= l[k * p + i] * x[k];
    x[i] = s / l[i * p + i];
  }
  return x;
}
