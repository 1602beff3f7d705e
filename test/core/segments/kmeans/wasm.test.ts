import { kmeans } from '../../../../src/core/segments/kmeans/index.ts';
import { _kmeansMatrix } from '../../../../src/core/segments/kmeans/fit-matrix.ts';
import { _lloyd } from '../../../../src/core/segments/kmeans/lloyd.ts';
import { _kmeansPlusPlus } from '../../../../src/core/segments/kmeans/seeding.ts';
import { kmeansWasm, kmeansWasmAvailable } from '../../../../src/core/segments/kmeans/wasm.ts';
import { KMEANS_KERNEL_BYTES } from '../../../../src/core/segments/kmeans/kernels-bytes.ts';
import { featureMatrix } from '../../../../src/core/segments/feature-matrix.ts';
import { seededNormal, seededRandom } from '../../../../src/core/math/random.ts';

/**
 * The WebAssembly path must take exactly the JS path's decisions. Its kernels compute each
 * squared distance with the same operations in the same order as the JS loops and sum in row
 * order, so the reference is bitwise: `_kmeansPlusPlus` for the seeding and `_lloyd` for the
 * iterations (same centres — compared with Object.is —, labels, iterations, inertia).
 */

/** n rows of d columns, x_ij = N(0,1)·(j + 1) + 10j (as in kmeans.test.ts), row-major. */
function matrix(n: number, d: number, seed: number): Float64Array {
  const g = seededNormal(seededRandom(seed));
  return Float64Array.from({ length: n * d }, (_, i) => g() * ((i % d) + 1) + 10 * (i % d));
}

const bitwise = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe('kmeans with WebAssembly SIMD kernels', () => {
  test('the module stays under 4 KB (synchronous compilation in browsers) and validates', () => {
    expect(KMEANS_KERNEL_BYTES.length).toBeLessThan(4096);
    expect(WebAssembly.validate(KMEANS_KERNEL_BYTES)).toBe(true);
    expect(kmeansWasmAvailable()).toBe(true);
  });

  // Odd and even n (the padding slot of the last row pair), d from 1 to 40, k from 1 to n.
  const CASES: [number, number, number, number, number, number][] = [
    // n, d, k, seed, maxIterations, tolerance
    [1, 1, 1, 1, 10, 0],
    [2, 3, 2, 2, 10, 0],
    [7, 2, 3, 3, 10, 0],
    [8, 2, 8, 4, 10, 0],
    [999, 1, 4, 5, 300, 1e-4],
    [1000, 3, 5, 6, 25, 0],
    [2001, 4, 9, 7, 300, 0],
    [501, 32, 6, 8, 50, 1e-6],
    [300, 40, 3, 9, 50, 0],
  ];
  test.each(CASES)('n = %i, d = %i, k = %i: seeding and iterations bitwise those of the JS reference', (n, d, k, seed, maxIterations, tolerance) => {
    const X = matrix(n, d, seed);
    const simd = kmeansWasm(X, n, d, k);
    expect(simd).toBeDefined();
    const init = _kmeansPlusPlus(X, n, d, k, seededRandom(seed));
    expect(bitwise(simd!.kmeansPlusPlus(seededRandom(seed)), init)).toBe(true);
    // A second start on the same workspace: nothing left over from the first.
    expect(bitwise(simd!.kmeansPlusPlus(seededRandom(seed + 100)), _kmeansPlusPlus(X, n, d, k, seededRandom(seed + 100)))).toBe(true);

    const plain = _lloyd(X, n, d, k, init, maxIterations, tolerance);
    const fit = simd!.lloyd(init, maxIterations, tolerance);
    expect(bitwise(fit.centers, plain.centers)).toBe(true);
    expect(Array.from(fit.labels)).toEqual(Array.from(plain.labels));
    expect(fit.iterations).toBe(plain.iterations);
    expect(fit.converged).toBe(plain.converged);
    expect(fit.inertia).toBe(plain.inertia);

  });

  test('fits in series share one memory: a larger fit grows it, a later fit supersedes an earlier workspace', () => {
    const small = matrix(301, 3, 5);
    const large = matrix(20_001, 7, 6);
    const first = kmeansWasm(small, 301, 3, 4)!;
    const second = kmeansWasm(large, 20_001, 7, 6)!;
    expect(() => first.kmeansPlusPlus(seededRandom(1))).toThrow('a later fit has taken the shared memory');
    expect(bitwise(second.kmeansPlusPlus(seededRandom(2)), _kmeansPlusPlus(large, 20_001, 7, 6, seededRandom(2)))).toBe(true);
    // Back to the small matrix in the (now larger) memory: still the JS reference, bitwise.
    const again = kmeansWasm(small, 301, 3, 4)!;
    const init = again.kmeansPlusPlus(seededRandom(3));
    expect(bitwise(init, _kmeansPlusPlus(small, 301, 3, 4, seededRandom(3)))).toBe(true);
    expect(bitwise(again.lloyd(init, 50, 0).centers, _lloyd(small, 301, 3, 4, init, 50, 0).centers)).toBe(true);
  });

  test('an empty cluster is re-seeded as in the JS loop', () => {
    // Points 0, 1, 2 and 20; start centres 1, 20 and 1000 (see kmeans.test.ts): centres 0, 1.5, 20.
    const X = Float64Array.from([0, 1, 2, 20]);
    const init = Float64Array.from([1, 20, 1000]);
    const fit = kmeansWasm(X, 4, 1, 3)!.lloyd(init, 100, 0);
    const plain = _lloyd(X, 4, 1, 3, init, 100, 0);
    expect(Array.from(fit.labels)).toEqual(Array.from(plain.labels));
    expect(Array.from(fit.centers).sort((a, b) => a - b)).toEqual([0, 1.5, 20]);
    expect(fit.inertia).toBe(0.5);
  });

  test('_kmeansMatrix: the Wasm (default) and JS (wasm: false) paths give the same fit, bitwise, over several starts', () => {
    const rows = Array.from({ length: 3001 }, (_, i) => i);
    const g = seededNormal(seededRandom(11));
    const table = rows.map(() => ({ a: g() * 3, b: g() + 5, c: g() * 0.1 }));
    const { data, n, d } = featureMatrix(table, ['a', 'b', 'c'], true);
    for (const [k, tolerance] of [[2, 1e-4], [6, 0], [12, 1e-4]]) {
      const options = { k, nInit: 4, maxIterations: 300, tolerance };
      const w = _kmeansMatrix(data, n, d, { ...options, random: seededRandom(k) });
      const j = _kmeansMatrix(data, n, d, { ...options, random: seededRandom(k), wasm: false });
      expect(Array.from(w.labels)).toEqual(Array.from(j.labels));
      expect(w.iterations).toBe(j.iterations);
      expect(w.converged).toBe(j.converged);
      expect(w.inertia).toBe(j.inertia);
      expect(bitwise(w.centers, j.centers)).toBe(true);
    }
  });

  test('kmeans() runs on the Wasm path and gives the fit of the JS reference loop, at any width', () => {
    const d = 40;
    const X = matrix(40, d, 3);
    const columns = Array.from({ length: d }, (_, j) => 'x' + j);
    const rows = Array.from({ length: 40 }, (_, i) => Object.fromEntries(columns.map((c, j) => [c, X[i * d + j]])));
    const fit = kmeans(rows, { columns, k: 3, seed: 1, standardize: false, nInit: 2 });
    const { data } = featureMatrix(rows, columns, false);
    const reference = _kmeansMatrix(data, 40, d, { k: 3, nInit: 2, maxIterations: 300, tolerance: 1e-4, random: seededRandom(1), wasm: false });
    expect(Array.from(fit.assignments)).toEqual(Array.from(reference.labels));
    expect(fit.inertia).toBe(reference.inertia);
  });
});
