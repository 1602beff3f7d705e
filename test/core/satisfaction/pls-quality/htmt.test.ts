import { htmtPairs, htmtValues } from '../../../../src/core/satisfaction/pls-quality/htmt.ts';
import type { PlsLayout } from '../../../../src/core/satisfaction/pls-algorithm.ts';

/** A layout with blocks of the given sizes (paths are irrelevant to HTMT). */
function layoutOf(sizes: number[]): PlsLayout {
  const blockStart = new Int32Array(sizes.length + 1);
  sizes.forEach((size, b) => (blockStart[b + 1] = blockStart[b] + size));
  const p = blockStart[sizes.length];
  const blockOf = new Int32Array(p);
  sizes.forEach((_, b) => blockOf.fill(b, blockStart[b], blockStart[b + 1]));
  return {
    constructs: sizes.map((_, b) => `C${b}`),
    indicators: Array.from({ length: p }, (_, i) => `x${i}`),
    q: sizes.length,
    p,
    blockStart,
    blockOf,
    predecessors: sizes.map(() => []),
    adjacent: new Uint8Array(sizes.length ** 2),
  };
}

describe('htmtValues (Henseler, Ringle & Sarstedt 2015, absolute correlations as in seminr)', () => {
  // Items a1, a2 | b1, b2 with r(a1,a2) = .6, r(b1,b2) = .5 and heterotrait .3, .2, .25, .35.
  const r = Float64Array.of(
    1, 0.6, 0.3, 0.2,
    0.6, 1, 0.25, 0.35,
    0.3, 0.25, 1, 0.5,
    0.2, 0.35, 0.5, 1,
  );
  test('hand-worked: mean heterotrait .275 / √(.6 · .5)', () => {
    expect(htmtValues(r, layoutOf([2, 2]))[0]).toBeCloseTo(0.275 / Math.sqrt(0.3), 14);
  });

  test('reversing an item (flipping the sign of its correlations) leaves HTMT unchanged', () => {
    const flipped = r.slice();
    for (let j = 0; j < 4; j++) if (j !== 1) flipped[1 * 4 + j] = flipped[j * 4 + 1] = -r[1 * 4 + j];
    expect(htmtValues(flipped, layoutOf([2, 2]))[0]).toBeCloseTo(htmtValues(r, layoutOf([2, 2]))[0], 14);
  });

  test('a single-item construct has monotrait mean 1; pairs come in (0,1), (0,2), (1,2) order', () => {
    // Blocks a1,a2 | b1 | c1: HTMT(A, B) = mean(.3, .25) / √(.6 · 1).
    const values = htmtValues(r, layoutOf([2, 1, 1]));
    expect(htmtPairs(layoutOf([2, 1, 1]))).toEqual([[0, 1], [0, 2], [1, 2]]);
    expect(values[0]).toBeCloseTo(0.275 / Math.sqrt(0.6), 14);
    expect(values[1]).toBeCloseTo(0.275 / Math.sqrt(0.6), 14);
    expect(values[2]).toBeCloseTo(0.5, 14);
  });
});
