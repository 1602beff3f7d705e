import { correlationMatrix } from '../../../src/core/math/correlation.ts';

describe('correlationMatrix', () => {
  test('the @example and numpy.corrcoef', () => {
    // np.corrcoef([1,2,3],[2,4,7])[0,1] → 0.9933992677987828; np.std([2,4,7], ddof=1) → 2.516611478423583
    const { matrix, means, sds } = correlationMatrix(Float64Array.of(1, 2, 3, 2, 4, 7), 3, 2);
    expect(matrix[1]).toBeCloseTo(0.9933992677987828, 15);
    expect(matrix[2]).toBe(matrix[1]);
    expect(Array.from(means)).toEqual([2, 13 / 3]);
    expect(sds[1]).toBeCloseTo(2.516611478423583, 15);
  });

  test('frequency weights equal repeating the rows', () => {
    // Rows (1,2) twice, (2,4) zero times, (3,7) once = data [1,1,3 | 2,2,7].
    const weighted = correlationMatrix(Float64Array.of(1, 2, 3, 2, 4, 7), 3, 2, Float64Array.of(2, 0, 1));
    const repeated = correlationMatrix(Float64Array.of(1, 1, 3, 2, 2, 7), 3, 2);
    expect(weighted.matrix[1]).toBeCloseTo(repeated.matrix[1], 15);
    expect(weighted.sds[0]).toBeCloseTo(repeated.sds[0], 15);
  });

  test('a constant column has sd 0 and NaN correlations', () => {
    const { matrix, sds } = correlationMatrix(Float64Array.of(1, 2, 3, 5, 5, 5), 3, 2);
    expect(sds[1]).toBe(0);
    expect(matrix[1]).toBeNaN();
  });
});
