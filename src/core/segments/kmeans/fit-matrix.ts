/** Best of several seeded k-means starts on a prepared matrix, on the WebAssembly path where there is one. */
import { _kmeansPlusPlus } from './seeding.ts';
import { _lloyd } from './lloyd.ts';
import type { MatrixFit, MatrixOptions } from './types.ts';
import { kmeansWasm } from './wasm.ts';

/** Best of `nInit` seeded fits on a prepared matrix (with the WebAssembly kernels when available). */
export function _kmeansMatrix(X: Float64Array, n: number, d: number, options: MatrixOptions): MatrixFit {
  const { k, nInit, maxIterations, tolerance, random } = options;
  let toleranceAbs = 0;
  if (tolerance > 0 && n > 0) {
    // scikit-learn: tol × mean of the column variances.
    let meanVar = 0;
    for (let j = 0; j < d; j++) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += X[i * d + j];
      mean /= n;
      let ss = 0;
      for (let i = 0; i < n; i++) {
        const dev = X[i * d + j] - mean;
        ss += dev * dev;
      }
      meanVar += ss / n;
    }
    toleranceAbs = (meanVar / d) * tolerance;
  }
  const simd = options.wasm === false ? undefined : kmeansWasm(X, n, d, k);
  let best: MatrixFit | undefined;
  for (let r = 0; r < nInit; r++) {
    const init = simd ? simd.kmeansPlusPlus(random) : _kmeansPlusPlus(X, n, d, k, random);
    const fit = simd ? simd.lloyd(init, maxIterations, toleranceAbs) : _lloyd(X, n, d, k, init, maxIterations, toleranceAbs);
    if (best === undefined || fit.inertia < best.inertia) best = fit;
  }
  return best as MatrixFit;
}
