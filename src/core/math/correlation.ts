/**
 * Means, sample standard deviations (n − 1) and the Pearson correlation matrix of the columns of
 * a column-major matrix, optionally with integer frequency weights (a bootstrap resample is the
 * original rows with the number of times each was drawn, so nothing is copied).
 *
 * Two passes (means, then centered cross-products) for accuracy. O(n p²).
 *
 * Reference: the sample correlation coefficient, e.g. Johnson & Wichern (2007), "Applied
 * Multivariate Statistical Analysis", 6th ed., §1.4.
 *
 * @param data n × p values, column-major (`data[j * n + i]` is row i of column j)
 * @param n rows
 * @param p columns
 * @param counts optional frequency of each row (the effective sample size is their sum)
 * @returns `means`, `sds` (n − 1 divisor) and `matrix` (p × p, row-major); a constant column has
 *   sd 0 and NaN correlations, for the caller to report
 * @example correlationMatrix(Float64Array.of(1, 2, 3, 2, 4, 7), 3, 2).matrix[1]; // => 0.9933992677987828
 */
export function correlationMatrix(
  data: Float64Array,
  n: number,
  p: number,
  counts?: ArrayLike<number>,
): { means: Float64Array; sds: Float64Array; matrix: Float64Array } {
  let total = n;
  if (counts) {
    total = 0;
    for (let i = 0; i < n; i++) total += counts[i];
  }
  const means = new Float64Array(p);
  const sds = new Float64Array(p);
  const centered = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const offset = j * n;
    let s = 0;
    if (counts) for (let i = 0; i < n; i++) s += counts[i] * data[offset + i];
    else for (let i = 0; i < n; i++) s += data[offset + i];
    const mean = s / total;
    means[j] = mean;
    for (let i = 0; i < n; i++) centered[offset + i] = data[offset + i] - mean;
  }
  const cross = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    const oj = j * n;
    for (let k = 0; k <= j; k++) {
      const ok = k * n;
      let s = 0;
      if (counts) for (let i = 0; i < n; i++) s += counts[i] * centered[oj + i] * centered[ok + i];
      else for (let i = 0; i < n; i++) s += centered[oj + i] * centered[ok + i];
      cross[j * p + k] = s;
      cross[k * p + j] = s;
    }
  }
  for (let j = 0; j < p; j++) sds[j] = Math.sqrt(cross[j * p + j] / (total - 1));
  const matrix = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    for (let k = 0; k < p; k++) {
      matrix[j * p + k] =
        j === k ? 1 : cross[j * p + k] / Math.sqrt(cross[j * p + j] * cross[k * p + k]);
    }
    if (sds[j] === 0) for (let k = 0; k < p; k++) matrix[j * p + k] = matrix[k * p + j] = NaN;
  }
  return { means, sds, matrix };
}
