import { symmetricEigen } from '../../../src/core/math/eigen.ts';

describe('symmetricEigen (Jacobi)', () => {
  test('the @example: [[2, 1], [1, 2]] has eigenvalues 3 and 1', () => {
    const { values, vectors } = symmetricEigen(Float64Array.of(2, 1, 1, 2), 2);
    expect(values[0]).toBeCloseTo(3, 12);
    expect(values[1]).toBeCloseTo(1, 12);
    expect(Math.abs(vectors[0])).toBeCloseTo(Math.SQRT1_2, 12);
  });

  test('a 4 × 4 correlation matrix: matches numpy.linalg.eigvalsh and A v = λ v', () => {
    // /usr/bin/python3 -c "import numpy as np; R=np.array([[1,.2,.3,.4],[.2,1,.5,.1],[.3,.5,1,.2],
    //   [.4,.1,.2,1]]); print(np.linalg.eigvalsh(R)[::-1].tolist())"
    // → [1.8607892469000913, 1.0662034675465062, 0.586509777337653, 0.486497508215749]
    const a = Float64Array.of(1, 0.2, 0.3, 0.4, 0.2, 1, 0.5, 0.1, 0.3, 0.5, 1, 0.2, 0.4, 0.1, 0.2, 1);
    const { values, vectors } = symmetricEigen(a, 4);
    [1.8607892469000913, 1.0662034675465062, 0.586509777337653, 0.486497508215749].forEach((v, k) =>
      expect(values[k]).toBeCloseTo(v, 12),
    );
    for (let k = 0; k < 4; k++) {
      for (let i = 0; i < 4; i++) {
        let av = 0;
        for (let j = 0; j < 4; j++) av += a[i * 4 + j] * vectors[k * 4 + j];
        expect(av).toBeCloseTo(values[k] * vectors[k * 4 + i], 12);
      }
    }
  });

  test('a diagonal matrix is returned sorted', () => {
    expect(Array.from(symmetricEigen(Float64Array.of(1, 0, 0, 5), 2).values)).toEqual([5, 1]);
  });
});
