import { got, invalid, notFinite } from '../messages.ts';

/**
 * Eigen-decomposition of a small symmetric matrix by the cyclic Jacobi method: plane rotations
 * zero the off-diagonal entries one pair at a time until they are negligible. Accurate to
 * machine precision and simple; meant for the small correlation matrices of driver analysis
 * (p up to a few dozen), where its O(p³) per sweep is nothing.
 *
 * Reference: Golub & Van Loan (2013), "Matrix Computations", 4th ed., §8.5 (Jacobi methods);
 * Press et al. (2007), "Numerical Recipes", 3rd ed., §11.1.
 *
 * @param matrix the p × p matrix, row-major (only its symmetric part is used; not modified)
 * @param p its order
 * @returns eigenvalues in descending order and the matching unit eigenvectors, column-major
 *   (`vectors[k * p + i]` is entry i of eigenvector k)
 * @throws {InputError} when the matrix does not have p × p entries or is not finite
 * @example symmetricEigen(Float64Array.of(2, 1, 1, 2), 2).values; // => [3, 1] (to 1e-12)
 */
export function symmetricEigen(
  matrix: ArrayLike<number>,
  p: number,
): { values: Float64Array; vectors: Float64Array } {
  if (matrix.length !== p * p) throw invalid('matrix', `must have ${p * p} entries (p × p)${got(matrix.length)}`);
  const a = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      const value = (matrix[i * p + j] + matrix[j * p + i]) / 2;
      if (!Number.isFinite(value)) throw notFinite({ argument: 'matrix', row: i + 1, column: j + 1 }, value, 'num');
      a[i * p + j] = value;
    }
  }
  // v holds the accumulated rotations, row-major: column k is eigenvector k.
  const v = new Float64Array(p * p);
  for (let i = 0; i < p; i++) v[i * p + i] = 1;

  let scale = 0;
  for (let i = 0; i < p * p; i++) scale += a[i] * a[i];
  const threshold = 1e-30 * scale;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) off += a[i * p + j] * a[i * p + j];
    if (off <= threshold) break;
    for (let k = 0; k < p; k++) {
      for (let l = k + 1; l < p; l++) {
        const akl = a[k * p + l];
        if (akl === 0) continue;
        // Rotation angle that zeroes a[k][l] (Numerical Recipes' stable form).
        const theta = (a[l * p + l] - a[k * p + k]) / (2 * akl);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let i = 0; i < p; i++) {
          const aik = a[i * p + k];
          const ail = a[i * p + l];
          a[i * p + k] = c * aik - s * ail;
          a[i * p + l] = s * aik + c * ail;
        }
        for (let j = 0; j < p; j++) {
          const akj = a[k * p + j];
          const alj = a[l * p + j];
          a[k * p + j] = c * akj - s * alj;
          a[l * p + j] = s * akj + c * alj;
        }
        for (let i = 0; i < p; i++) {
          const vik = v[i * p + k];
          const vil = v[i * p + l];
          v[i * p + k] = c * vik - s * vil;
          v[i * p + l] = s * vik + c * vil;
        }
      }
    }
  }

  const order = Array.from({ length: p }, (_, i) => i).sort(
    (x, y) => a[y * p + y] - a[x * p + x],
  );
  const values = new Float64Array(p);
  const vectors = new Float64Array(p * p);
  order.forEach((source, k) => {
    values[k] = a[source * p + source];
    for (let i = 0; i < p; i++) vectors[k * p + i] = v[i * p + source];
  });
  return { values, vectors };
}
