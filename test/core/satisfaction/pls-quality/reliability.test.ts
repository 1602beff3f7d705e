import fc from 'fast-check';
import { correlationMatrix } from '../../../../src/core/math/correlation.ts';
import { rhoA, rhoCAndAve, standardizedAlpha } from '../../../../src/core/satisfaction/pls-quality/reliability.ts';

/** Column-major n × k data from rows. */
function columns(rows: number[][]): Float64Array {
  const n = rows.length;
  const k = rows[0].length;
  const out = new Float64Array(n * k);
  rows.forEach((row, i) => row.forEach((v, j) => (out[j * n + i] = v)));
  return out;
}

/** Cronbach (1951) on z-scored items: k/(k−1) · (1 − Σ var(z_i) / var(Σ z_i)), computed from the data. */
function alphaFromData(rows: number[][]): number {
  const n = rows.length;
  const k = rows[0].length;
  const z = rows[0].map((_, j) => {
    const x = rows.map((row) => row[j]);
    const mean = x.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
    return x.map((v) => (v - mean) / sd);
  });
  const totals = rows.map((_, i) => z.reduce((s, column) => s + column[i], 0));
  const mean = totals.reduce((s, v) => s + v, 0) / n;
  const variance = totals.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  return (k / (k - 1)) * (1 - k / variance);
}

describe('standardizedAlpha', () => {
  test('equals Cronbach’s formula on z-scored items, for any data with varying items (property)', () => {
    const answers = fc.integer({ min: 1, max: 7 });
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.array(fc.array(answers, { minLength: 5, maxLength: 5 }), { minLength: 6, maxLength: 30 }), (k, raw) => {
        const rows = raw.map((row) => row.slice(0, k));
        const { sds, matrix } = correlationMatrix(columns(rows), rows.length, k);
        fc.pre(sds.every((sd) => sd > 0));
        expect(standardizedAlpha(matrix, k, 0, k)).toBeCloseTo(alphaFromData(rows), 9);
      }),
      { seed: 12, numRuns: 200 },
    );
  });

  test('hand-worked: three items all correlated 0.5 → 3·0.5/(1 + 2·0.5) = 0.75; one item → 1', () => {
    const r = Float64Array.of(1, 0.5, 0.5, 0.5, 1, 0.5, 0.5, 0.5, 1);
    expect(standardizedAlpha(r, 3, 0, 3)).toBeCloseTo(0.75, 14);
    expect(standardizedAlpha(r, 3, 1, 2)).toBe(1);
  });

  test('a negatively correlated item is not reversed (seminr): α falls, here below 0', () => {
    const r = Float64Array.of(1, -0.6, -0.6, 1);
    // 2/(2 − 1) · (1 − 2 / (2 − 1.2)) = 2 · (1 − 2.5) = −3
    expect(standardizedAlpha(r, 2, 0, 2)).toBeCloseTo(-3, 14);
  });
});

describe('rhoA', () => {
  test('equal weights and equal correlations r (tau-equivalence): ρ_A = α = k r / (1 + (k − 1) r)', () => {
    for (const [k, r] of [[2, 0.3], [3, 0.5], [5, 0.72]]) {
      const matrix = new Float64Array(k * k).map((_, i) => (i % (k + 1) === 0 ? 1 : r));
      const w = new Float64Array(k).fill(1 / Math.sqrt(k * (1 + (k - 1) * r))); // unit score variance
      expect(rhoA(matrix, k, w, 0, k)).toBeCloseTo((k * r) / (1 + (k - 1) * r), 12);
    }
  });

  test('hand-worked unequal weights; a single item is 1', () => {
    // R = [[1, .4], [.4, 1]], w = (.6, .7): (wᵀw)² = .85² = .7225; wᵀ(R − I)w = 2·.6·.7·.4 = .336;
    // Σ_{i≠j} w_i² w_j² = 2·.36·.49 = .3528 → ρ_A = .7225 · .336 / .3528.
    expect(rhoA(Float64Array.of(1, 0.4, 0.4, 1), 2, [0.6, 0.7], 0, 2)).toBeCloseTo((0.7225 * 0.336) / 0.3528, 14);
    expect(rhoA(Float64Array.of(1), 1, [1], 0, 1)).toBe(1);
  });
});

describe('rhoCAndAve', () => {
  test('hand-worked: loadings 0.8, 0.7, 0.6', () => {
    // Σl = 2.1, Σl² = 1.49: ρ_C = 4.41 / (4.41 + 1.51), AVE = 1.49 / 3.
    const { rhoC, ave } = rhoCAndAve([0.8, 0.7, 0.6], 0, 3);
    expect(rhoC).toBeCloseTo(4.41 / 5.92, 14);
    expect(ave).toBeCloseTo(1.49 / 3, 14);
    expect(rhoCAndAve([1], 0, 1)).toEqual({ rhoC: 1, ave: 1 });
  });
});
