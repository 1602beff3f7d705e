import { choleskySolve } from '../../../src/core/math/solve.ts';

describe('choleskySolve', () => {
  test('the @example: [[4, 2], [2, 3]] x = [2, 1] gives [0.5, 0] (by hand)', () => {
    expect(Array.from(choleskySolve(Float64Array.of(4, 2, 2, 3), Float64Array.of(2, 1), 2)!)).toEqual([0.5, 0]);
  });

  test('3 × 3 against numpy.linalg.solve', () => {
    // np.linalg.solve([[1,.5,.2],[.5,1,.3],[.2,.3,1]], [.4,.6,.5]).tolist()
    // → [0.11029411764705888, 0.4411764705882353, 0.34558823529411764]
    const x = choleskySolve(Float64Array.of(1, 0.5, 0.2, 0.5, 1, 0.3, 0.2, 0.3, 1), Float64Array.of(0.4, 0.6, 0.5), 3)!;
    [0.11029411764705888, 0.4411764705882353, 0.34558823529411764].forEach((v, i) => expect(x[i]).toBeCloseTo(v, 14));
  });

  test('a singular matrix gives null', () => {
    expect(choleskySolve(Float64Array.of(1, 1, 1, 1), Float64Array.of(1, 1), 2)).toBeNull();
  });
});
