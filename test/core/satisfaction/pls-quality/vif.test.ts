import fc from 'fast-check';
import { correlationMatrix } from '../../../../src/core/math/correlation.ts';
import { inverseDiagonal } from '../../../../src/core/satisfaction/pls-quality/vif.ts';
import { plsPathModel } from '../../../../src/core/satisfaction/pls-path-model.ts';

/** R² of regressing column t on the others by ordinary least squares (normal equations, Gauss–Jordan). */
function rSquaredOls(columns: number[][], t: number): number {
  const n = columns[0].length;
  const y = columns[t];
  const xs = [new Array(n).fill(1), ...columns.filter((_, j) => j !== t)];
  const m = xs.length;
  const a = xs.map((xi) => [...xs.map((xj) => xi.reduce((s, v, r) => s + v * xj[r], 0)), xi.reduce((s, v, r) => s + v * y[r], 0)]);
  for (let c = 0; c < m; c++) {
    let pivot = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
    [a[c], a[pivot]] = [a[pivot], a[c]];
    for (let r = 0; r < m; r++) {
      if (r === c) continue;
      const f = a[r][c] / a[c][c];
      for (let k = c; k <= m; k++) a[r][k] -= f * a[c][k];
    }
  }
  const beta = a.map((row, c) => row[m] / row[c]);
  const fitted = y.map((_, r) => xs.reduce((s, x, j) => s + beta[j] * x[r], 0));
  const mean = y.reduce((s, v) => s + v, 0) / n;
  const sse = y.reduce((s, v, r) => s + (v - fitted[r]) ** 2, 0);
  const sst = y.reduce((s, v) => s + (v - mean) ** 2, 0);
  return 1 - sse / sst;
}

describe('inverseDiagonal gives VIF_i = 1 / (1 − R²_i)', () => {
  test('agrees with OLS regressions of each column on the others (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 3, maxLength: 3 }), { minLength: 8, maxLength: 40 }), (rows) => {
        const n = rows.length;
        const cols = [0, 1, 2].map((j) => rows.map((row) => row[j]));
        const data = Float64Array.from(cols.flat());
        const { sds, matrix } = correlationMatrix(data, n, 3);
        fc.pre(sds.every((sd) => sd > 0));
        const diagonal = inverseDiagonal(matrix, 3, [0, 1, 2]);
        fc.pre(diagonal !== null && diagonal.every((v) => v < 1e6));
        for (let t = 0; t < 3; t++) expect(diagonal![t]).toBeCloseTo(1 / (1 - rSquaredOls(cols, t)), 6);
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  test('collinear columns: null', () => {
    expect(inverseDiagonal(Float64Array.of(1, 1, 1, 1), 2, [0, 1])).toBeNull();
  });
});

describe('item VIFs in plsPathModel: a duplicated item', () => {
  test('is unbounded (null) and the other block is unaffected', () => {
    const rows = [
      [1, 2, 2, 1], [2, 2, 3, 2], [3, 4, 3, 4], [4, 3, 5, 4], [5, 5, 4, 5], [2, 3, 2, 3], [4, 4, 5, 3],
    ].map(([a1, a2, b1, b2]) => ({ a1, a2, a3: a1, b1, b2 }));
    const fit = plsPathModel(rows, { blocks: { A: ['a1', 'a2', 'a3'], B: ['b1', 'b2'] }, paths: [['A', 'B']] });
    expect(fit.quality.itemVif.filter((row) => row.construct === 'A').map((row) => row.vif)).toEqual([null, null, null]);
    const r = fit.quality.itemVif.find((row) => row.item === 'b1')!.vif!;
    // Two items: VIF = 1 / (1 − r²).
    const { matrix } = correlationMatrix(Float64Array.from([...rows.map((x) => x.b1), ...rows.map((x) => x.b2)]), rows.length, 2);
    expect(r).toBeCloseTo(1 / (1 - matrix[1] ** 2), 12);
  });
});
