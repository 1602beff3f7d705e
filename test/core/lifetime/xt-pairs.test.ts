import fc from 'fast-check';
import { indexXTPairs } from '../../../src/core/lifetime/xt-pairs.ts';

/** The same numbering through a Map keyed by text: the plain way, to compare with. */
function referencePairs(x: number[], T: number[]): { ids: number[]; pairs: [number, number][] } {
  const seen = new Map<string, number>();
  const pairs: [number, number][] = [];
  const ids = x.map((xi, i) => {
    const key = `${xi} ${T[i] + 0}`;
    let id = seen.get(key);
    if (id === undefined) {
      id = pairs.length;
      seen.set(key, id);
      pairs.push([xi, T[i] + 0]);
    }
    return id;
  });
  return { ids, pairs };
}

describe('indexXTPairs', () => {
  test('numbers pairs in order of first appearance; T = -0 and 0 are one pair', () => {
    const pairs = indexXTPairs([1, 1, 0, 2, 0, 0], [2, 2, 2, 2, -0, 0]);
    expect(Array.from(pairs.ids)).toEqual([0, 0, 1, 2, 3, 3]);
    expect(pairs.count).toBe(4);
    expect(Array.from(pairs.x)).toEqual([1, 0, 2, 0]);
    expect(Array.from(pairs.T)).toEqual([2, 2, 2, 0]);
    expect(Object.is(pairs.T[3], 0)).toBe(true);
  });

  test('agrees with a Map-based numbering, including tables that grow past 1,024 slots (property)', () => {
    const row = fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.oneof(fc.integer({ min: 0, max: 400 }).map((d) => d / 7), fc.double({ min: 0, max: 1e6, noNaN: true })));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 3000 }), (rows) => {
        const x = rows.map(([xi]) => xi);
        const T = rows.map(([, Ti]) => Ti);
        const actual = indexXTPairs(Int32Array.from(x), Float64Array.from(T));
        const expected = referencePairs(x, T);
        expect(Array.from(actual.ids)).toEqual(expected.ids);
        expect(actual.count).toBe(expected.pairs.length);
        expected.pairs.forEach(([xi, Ti], k) => {
          expect(actual.x[k]).toBe(xi);
          expect(actual.T[k]).toBe(Ti);
        });
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
