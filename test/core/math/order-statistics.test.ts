import { distinctSorted, orderStatistics } from '../../../src/core/math/order-statistics.ts';
import { seededRandom } from '../../../src/core/math/random.ts';

describe('orderStatistics', () => {
  test('the JSDoc example', () => {
    expect(Array.from(orderStatistics([5, 1, 4, 2, 3], [0, 2, 4]))).toEqual([1, 3, 5]);
  });

  test('agrees with a full sort: floats, heavy ties, compact and wide integers, any position order', () => {
    const r = seededRandom(11);
    const cases: number[][] = [
      Array.from({ length: 5001 }, () => r() * 1000 - 500),
      Array.from({ length: 5001 }, () => (r() < 0.7 ? 1 : 1 + Math.floor(r() * 4))),
      Array.from({ length: 5001 }, () => Math.floor(r() * 365)),
      Array.from({ length: 5001 }, () => Math.floor(r() * 2 ** 31)),
      Array.from({ length: 5001 }, () => Math.round(r() * 100) / 4),
      Array.from({ length: 5001 }, (_, i) => i), // sorted input
      Array.from({ length: 5001 }, (_, i) => 5000 - i + 0.5),
    ];
    const positions = [4000, 0, 1000, 1001, 5000, 2500, 2500, 2501];
    for (const values of cases) {
      const sorted = Float64Array.from(values).sort();
      expect(Array.from(orderStatistics(values, positions))).toEqual(positions.map((p) => sorted[p]));
      const unique = Array.from(new Set(Array.from(sorted)));
      expect(Array.from(distinctSorted(values))).toEqual(unique);
    }
  });

  test('distinctSorted: the JSDoc example', () => {
    expect(Array.from(distinctSorted([3, 1, 3, 2]))).toEqual([1, 2, 3]);
  });
});
