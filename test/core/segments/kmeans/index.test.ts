import * as aq from 'arquero';
import { kmeans } from '../../../../src/core/segments/kmeans/index.ts';
import { _lloyd } from '../../../../src/core/segments/kmeans/lloyd.ts';
import { countDistinctRows } from '../../../../src/core/segments/distinct-rows.ts';
import { errorOf } from '../../error-of.ts';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCdnow } from '../../../../src/core/lifetime/cdnow.ts';
import { rfmSummary } from '../../../../src/core/segments/rfm-summary.ts';
import { silhouette } from '../../../../src/core/segments/silhouette.ts';
import { chooseK } from '../../../../src/core/segments/choose-k.ts';
import { seededNormal, seededRandom } from '../../../../src/core/math/random.ts';

/**
 * n rows of d columns: x_ij = N(0,1)·(j + 1) + 10j from mulberry32(seed) + Box–Muller, drawn row
 * by row. Python port (Debian /usr/bin/python3, numpy 1.24.2, scikit-learn 1.2.1), with
 * mulberry32 ported as in rfm-scores.test.ts:
 *
 *   def data(n, d, seed):
 *       r = mulberry32(seed)
 *       def g():
 *           u = 1 - r(); v = r()
 *           return math.sqrt(-2 * math.log(u)) * math.cos(2 * math.pi * v)
 *       return np.array([[g() * (j + 1) + 10 * j for j in range(d)] for i in range(n)])
 */
function data(n: number, d: number, seed: number): Record<string, number>[] {
  const g = seededNormal(seededRandom(seed));
  const rows: Record<string, number>[] = [];
  for (let i = 0; i < n; i++) {
    const row: Record<string, number> = {};
    for (let j = 0; j < d; j++) row['x' + j] = g() * (j + 1) + 10 * j;
    rows.push(row);
  }
  return rows;
}

/** Same partition up to relabelling. */
function samePartition(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  const ab = new Map<number, number>();
  const ba = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    if ((ab.get(a[i]) ?? b[i]) !== b[i] || (ba.get(b[i]) ?? a[i]) !== a[i]) return false;
    ab.set(a[i], b[i]);
    ba.set(b[i], a[i]);
  }
  return true;
}

/** Three blobs of 50 points (sd 1) at (0, 0), (10, 10), (−10, 10), in shuffled order. */
function blobs(seed: number) {
  const r = seededRandom(seed);
  const g = seededNormal(r);
  const centres = [[0, 0], [10, 10], [-10, 10]];
  const rows: { x: number; y: number; truth: number }[] = [];
  for (let i = 0; i < 150; i++) {
    const c = Math.floor(r() * 3);
    rows.push({ x: centres[c][0] + g(), y: centres[c][1] + g(), truth: c });
  }
  return rows;
}

describe('kmeans', () => {
  test('hand-computed 1-D case (the JSDoc example): centroids 0.5 and 10.5, inertia 1', () => {
    const fit = kmeans([{ x: 0 }, { x: 1 }, { x: 10 }, { x: 11 }], { columns: ['x'], k: 2, standardize: false });
    expect(fit.centroids.map((c) => c[0]).sort((a, b) => a - b)).toEqual([0.5, 10.5]);
    expect(fit.inertia).toBe(1); // 4 × 0.5²
    expect(samePartition(fit.assignments, [0, 0, 1, 1])).toBe(true);
    expect(fit.sizes).toEqual([2, 2]);
    expect(fit.converged).toBe(true);
  });

  test('standardized: inertia in z units, centroids back in original units', () => {
    // x = 0, 2, 100, 102: mean 51, population sd 50.01; z = ±(51 ± 1)/50.01
    const fit = kmeans(aq.table({ x: [0, 2, 100, 102] }), { columns: ['x'], k: 2 });
    expect(fit.centroids.map((c) => c[0]).sort((a, b) => a - b)).toEqual([1, 101]);
    const sd = Math.sqrt((51 ** 2 + 49 ** 2) / 2);
    expect(fit.center).toEqual([51]);
    expect(fit.scale[0]).toBeCloseTo(sd, 12);
    expect(fit.inertia).toBeCloseTo(4 / sd ** 2, 14);
  });

  test('seeded well-separated clusters are recovered exactly', () => {
    for (const seed of [1, 2, 3]) {
      const rows = blobs(seed);
      const fit = kmeans(rows, { columns: ['x', 'y'], k: 3, seed });
      expect(samePartition(fit.assignments, rows.map((r) => r.truth))).toBe(true);
    }
  });

  /*
   * scikit-learn 1.2.1 on data(2000, 4, 7) (Python above):
   *   X = data(2000, 4, 7); Z = StandardScaler().fit_transform(X)
   *   KMeans(n_clusters=k, n_init=10, random_state=0).fit(X).inertia_   (lloyd, tol 1e-4, max_iter 300)
   *   KMeans(n_clusters=k, n_init=10, random_state=0).fit(Z).inertia_
   *   k = 3: 31266.260478154356 (raw), 5749.7945884128085 (standardized)
   *   k = 5: 23644.368433911273,        4470.295944924422
   *   k = 8: 18549.369238590276,        3559.464184042411
   */
  const SKLEARN: [number, number, number][] = [
    [3, 31266.260478154356, 5749.7945884128085],
    [5, 23644.368433911273, 4470.295944924422],
    [8, 18549.369238590276, 3559.464184042411],
  ];
  test.each(SKLEARN)('random data, k = %i: inertia within 1%% of scikit-learn (10 inits)', (k, raw, standardized) => {
    const rows = data(2000, 4, 7);
    const columns = ['x0', 'x1', 'x2', 'x3'];
    const a = kmeans(rows, { columns, k, seed: 1, standardize: false });
    const b = kmeans(rows, { columns, k, seed: 1 });
    expect(Math.abs(a.inertia / raw - 1)).toBeLessThan(0.01);
    expect(Math.abs(b.inertia / standardized - 1)).toBeLessThan(0.01);
  });

  test('same seed, same result; the kept start is the best of nInit', () => {
    const rows = data(500, 3, 3);
    const columns = ['x0', 'x1', 'x2'];
    const a = kmeans(rows, { columns, k: 4, seed: 9 });
    const b = kmeans(rows, { columns, k: 4, seed: 9 });
    expect(Array.from(a.assignments)).toEqual(Array.from(b.assignments));
    expect(a.inertia).toBe(b.inertia);
    const single = [0, 1, 2, 3, 4].map((seed) => kmeans(rows, { columns, k: 4, seed, nInit: 1 }).inertia);
    const best = kmeans(rows, { columns, k: 4, seed: 9, nInit: 20 }).inertia;
    expect(best).toBeLessThanOrEqual(Math.max(...single));
  });

  test('labels agree with the final centroids and the inertia is their sum of squares', () => {
    const rows = data(400, 2, 5);
    const fit = kmeans(rows, { columns: ['x0', 'x1'], k: 4, standardize: false, maxIterations: 3, tolerance: 0, nInit: 1 });
    expect(fit.iterations).toBe(3);
    let inertia = 0;
    rows.forEach((row, i) => {
      const d2 = fit.centroids.map((c) => (row.x0 - c[0]) ** 2 + (row.x1 - c[1]) ** 2);
      expect(d2[fit.assignments[i]]).toBe(Math.min(...d2));
      inertia += d2[fit.assignments[i]];
    });
    expect(fit.inertia).toBeCloseTo(inertia, 8);
  });

  test('an empty cluster is re-seeded with the point farthest from its centre', () => {
    // Points 0, 1, 2 and 20 on a line; start centres 1, 20 and 1000: the third attracts nobody.
    const X = Float64Array.from([0, 1, 2, 20]);
    const fit = _lloyd(X, 4, 1, 3, Float64Array.from([1, 20, 1000]), 100, 0);
    const sizes = [0, 0, 0];
    fit.labels.forEach((l) => sizes[l]++);
    expect(sizes.every((s) => s > 0)).toBe(true);
    // Iteration 1: cluster 0 = {0, 1, 2}, farthest from its centre (1) is 0 (tie with 2, lowest row
    // first): it becomes cluster 2. Then {1, 2}, {20}, {0}: inertia 0.25 + 0.25.
    expect(Array.from(fit.centers).sort((a, b) => a - b)).toEqual([0, 1.5, 20]);
    expect(fit.inertia).toBe(0.5);
  });

  test('errors', () => {
    const rows = [{ x: 1 }, { x: 2 }];
    expect(() => kmeans(rows, { columns: ['x'], k: 3 })).toThrow('k must be an integer from 1 to the number of rows (2) (got 3)');
    expect(() => kmeans(rows, { columns: ['y'], k: 1 })).toThrow('columns: column "y" not found');
    expect(() => kmeans([{ x: 1 }, { x: 'a' }], { columns: ['x'], k: 1 })).toThrow('columns: column "x", row 2 is not a number (got "a")');
    expect(() => kmeans(rows, { columns: [], k: 1 })).toThrow('columns must list at least one numeric column by name');
    expect(() => kmeans(rows, { columns: ['x'], k: 1, nInit: 0 })).toThrow('nInit must be a positive integer (got 0)');
    expect(() => kmeans(rows, { columns: ['x'], k: 1, tolerance: -1 })).toThrow('tolerance must be a non-negative number (got -1)');
  });
});

describe('silhouette', () => {
  test('the JSDoc example: 19/21, 17/19, 17/19, 19/21', () => {
    const s = silhouette([{ x: 0 }, { x: 1 }, { x: 10 }, { x: 11 }], [0, 0, 1, 1], { columns: ['x'], standardize: false });
    expect(s.score).toBeCloseTo((2 * 19) / 21 / 4 + (2 * 17) / 19 / 4, 14);
    expect(s.sampled).toBe(false);
    expect(s.clusters.map((c) => c.size)).toEqual([2, 2]);
  });

  /*
   * scikit-learn 1.2.1: X = data(300, 3, 11); labels = [(i * 7) % 4 for i in range(300)];
   * labels2 = (X[:, 0] > 0) + 2 * (X[:, 1] > 10)
   *   silhouette_score(X, labels)  = -0.04553181825392158, on StandardScaler() output -0.047671825246779376
   *   silhouette_score(X, labels2) =  0.06968610179435544, on StandardScaler() output  0.17915882979654404
   */
  test('exact silhouette matches scikit-learn', () => {
    const rows = data(300, 3, 11);
    const columns = ['x0', 'x1', 'x2'];
    const labels = rows.map((_, i) => (i * 7) % 4);
    const labels2 = rows.map((r) => (r.x0 > 0 ? 1 : 0) + (r.x1 > 10 ? 2 : 0));
    expect(silhouette(rows, labels, { columns, standardize: false }).score).toBeCloseTo(-0.04553181825392158, 12);
    expect(silhouette(rows, labels, { columns }).score).toBeCloseTo(-0.047671825246779376, 12);
    expect(silhouette(rows, labels2, { columns, standardize: false }).score).toBeCloseTo(0.06968610179435544, 12);
    expect(silhouette(rows, labels2, { columns }).score).toBeCloseTo(0.17915882979654404, 12);
  });

  test('sampled: the exact silhouette of the seeded sample of rows', () => {
    const rows = data(3000, 2, 4);
    const labels = rows.map((r) => (r.x0 > 0 ? 1 : 0));
    const s = silhouette(rows, labels, { columns: ['x0', 'x1'], standardize: false, sampleSize: 400, seed: 3 });
    expect(s.sampled).toBe(true);
    expect(s.rows.length).toBe(400);
    const sub = Array.from(s.rows, (i) => rows[i]);
    const exact = silhouette(sub, Array.from(s.rows, (i) => labels[i]), { columns: ['x0', 'x1'], standardize: false });
    expect(s.score).toBeCloseTo(exact.score, 14);
    // and the same seed draws the same sample
    expect(silhouette(rows, labels, { columns: ['x0', 'x1'], standardize: false, sampleSize: 400, seed: 3 }).score).toBe(s.score);
  });

  test('errors', () => {
    expect(() => silhouette([{ x: 1 }, { x: 2 }], [0], { columns: ['x'] })).toThrow('assignments must have one label per row (2 rows, got 1)');
    expect(() => silhouette([{ x: 1 }, { x: 2 }, { x: 3 }], [0, 0, 0], { columns: ['x'] })).toThrow(
      'silhouette needs 2 to 2 clusters among the rows used (found 1)',
    );
    expect(() => silhouette([{ x: 1 }, { x: 2 }], [0, 0.5], { columns: ['x'] })).toThrow('assignments: item 2 is not an integer cluster label (0.5)');
  });
});

describe('chooseK', () => {
  test('three well-separated blobs: best k is 3, inertia falls with k', () => {
    const rows = blobs(7);
    const out = chooseK(rows, { columns: ['x', 'y'], kMax: 6 });
    expect(out.best).toBe(3);
    expect(out.sampled).toBe(false);
    expect(out.table.array('k')).toEqual([2, 3, 4, 5, 6]);
    const inertia = out.table.array('inertia') as number[];
    for (let i = 1; i < inertia.length; i++) expect(inertia[i]).toBeLessThan(inertia[i - 1]);
    const drop = out.table.array('inertiaDrop') as number[];
    expect(drop[0]).toBeNaN();
    expect(drop[1]).toBeCloseTo(1 - inertia[1] / inertia[0], 14);
    // the elbow: merging two blobs 14 apart (k = 2) costs ≈ 50·50/100·14.1² ≈ 5000 on top of the
    // ≈ 300 of noise (150 points × 2 unit variances), so 2 → 3 removes > 90%; splitting a blob
    // (3 → 4) removes at most a blob's share of the noise.
    expect(drop[1]).toBeGreaterThan(0.9);
    expect(drop[2]).toBeLessThan(0.34);
  });

  test('errors', () => {
    expect(() => chooseK([{ x: 1 }, { x: 2 }, { x: 3 }], { columns: ['x'], kMax: 3 })).toThrow(
      'kMax must be an integer from kMin (2) to rows − 1 (2) (got 3)',
    );
    expect(() => chooseK([{ x: 1 }, { x: 2 }, { x: 3 }], { columns: ['x'], kMin: 1 })).toThrow('kMin must be an integer of at least 2 (got 1)');
  });
});

describe('degenerate data (issue 9, item 5)', () => {
  const columns = ['recency', 'frequency', 'monetary'];
  const identical = Array.from({ length: 50 }, () => ({ recency: 30, frequency: 2, monetary: 40 }));

  test('50 identical customers and k = 4: an error saying only 1 distinct row exists, not sizes [50, 0, 0, 0]', () => {
    const error = errorOf(() => kmeans(identical, { columns, k: 4, seed: 1 }));
    expect(error.argument).toBe('k');
    expect(error.code).toBe('num');
    expect(error.message).toBe(
      'k must be at most the number of distinct rows: 1 of 50 rows are distinct in columns "recency", "frequency", "monetary" (got 4)',
    );
    expect(countDistinctRows(identical, columns)).toBe(1);
  });

  test('k up to the number of distinct rows works and leaves no cluster empty', () => {
    expect(kmeans(identical, { columns, k: 1 }).sizes).toEqual([50]);
    const two = [...identical, ...Array.from({ length: 50 }, () => ({ recency: 300, frequency: 1, monetary: 5 }))];
    expect(countDistinctRows(two, columns)).toBe(2);
    expect([...kmeans(two, { columns, k: 2, seed: 3 }).sizes].sort()).toEqual([50, 50]);
    expect(errorOf(() => kmeans(two, { columns, k: 3, seed: 3 })).message).toContain('2 of 100 rows are distinct');
  });

  test('over 400 seeded small data sets with heavy ties: k ≤ distinct rows never leaves a cluster empty; k = distinct + 1 is the error', () => {
    const random = seededRandom(99);
    const pick = (m: number) => Math.floor(random() * m);
    for (let trial = 0; trial < 400; trial++) {
      const n = 2 + pick(40);
      const d = 1 + pick(3);
      const levels = 1 + pick(4);
      const rows = Array.from({ length: n }, () => Object.fromEntries(Array.from({ length: d }, (_, j) => [`c${j}`, pick(levels) * (j + 1)])));
      const cols = Array.from({ length: d }, (_, j) => `c${j}`);
      const distinct = countDistinctRows(rows, cols);
      const k = 1 + pick(distinct);
      const fit = kmeans(rows, { columns: cols, k, seed: trial, nInit: 2 });
      expect(fit.sizes.every((size) => size > 0)).toBe(true);
      if (distinct < n) expect(errorOf(() => kmeans(rows, { columns: cols, k: distinct + 1, seed: trial, nInit: 2 })).argument).toBe('k');
    }
  });

  test('fewer rows than k: the error names k and the row count', () => {
    const error = errorOf(() => kmeans(identical.slice(0, 3), { columns, k: 4 }));
    expect(error.argument).toBe('k');
    expect(error.message).toBe('k must be an integer from 1 to the number of rows (3) (got 4)');
  });

  test('countDistinctRows counts rows equal in every listed column once (−0 equals 0)', () => {
    const rows = [{ a: 1, b: 2 }, { a: 1, b: 3 }, { a: 1, b: 2 }, { a: 0, b: 2 }, { a: -0, b: 2 }];
    expect(countDistinctRows(rows, ['a', 'b'])).toBe(3);
    expect(countDistinctRows(rows, ['a'])).toBe(2);
    expect(countDistinctRows(aq.table({ a: [] }), ['a'])).toBe(0);
  });

  test("transform 'log' clusters log1p of the columns: the same labels as clustering log1p'd columns by hand", () => {
    const rows = data(300, 3, 11).map((r) => ({ x0: Math.exp(r.x0), x1: r.x1, x2: Math.exp(r.x2 / 10) }));
    const byHand = rows.map((r) => ({ x0: Math.log1p(r.x0), x1: r.x1, x2: Math.log1p(r.x2) }));
    const logged = kmeans(rows, { columns: ['x0', 'x1', 'x2'], k: 3, seed: 5, transform: ['log', 'none', 'log'] });
    const reference = kmeans(byHand, { columns: ['x0', 'x1', 'x2'], k: 3, seed: 5 });
    expect(Array.from(logged.assignments)).toEqual(Array.from(reference.assignments));
    expect(logged.inertia).toBeCloseTo(reference.inertia, 9);
    // Centroids back in the original units: expm1 of the centroid on the log scale.
    logged.centroids.forEach((c, i) => {
      expect(c[0]).toBeCloseTo(Math.expm1(reference.centroids[i][0]), 9);
      expect(c[1]).toBeCloseTo(reference.centroids[i][1], 9);
      expect(c[2]).toBeCloseTo(Math.expm1(reference.centroids[i][2]), 9);
    });
    expect(logged.transform).toEqual(['log', 'none', 'log']);
    // One word for every column.
    const all = kmeans(rows, { columns: ['x0', 'x2'], k: 3, seed: 5, transform: 'log' });
    expect(all.transform).toEqual(['log', 'log']);
  });

  test('outliers: on the CDNOW sample, raw R, F, M with k = 4 give a one-customer cluster; log1p of F and M does not', () => {
    const log = parseCdnow(fs.readFileSync(path.join(__dirname, '../../../../data/CDNOW_sample.txt'), 'utf8'));
    const summary = rfmSummary(aq.table({ customer: log.map((r) => r.customer), date: log.map((r) => r.date), amount: log.map((r) => r.amount) }));
    const raw = kmeans(summary, { columns, k: 4, seed: 1 });
    expect(Math.min(...raw.sizes)).toBe(1);
    const logged = kmeans(summary, { columns, k: 4, seed: 1, transform: ['none', 'log', 'log'] });
    expect(Math.min(...logged.sizes)).toBeGreaterThan(100);
  });

  test("transform 'log' needs values above −1; a bad transform is an error", () => {
    const error = errorOf(() => kmeans([{ x: 1 }, { x: -2 }, { x: 3 }], { columns: ['x'], k: 2, transform: 'log' }));
    expect(error.message).toBe('transform: column "x", row 2 is -2; log scaling (log1p) needs values above -1');
    expect(error.argument).toBe('transform');
    expect(errorOf(() => kmeans(identical, { columns, k: 1, transform: 'sqrt' as never })).argument).toBe('transform');
    expect(errorOf(() => kmeans(identical, { columns, k: 1, transform: ['log'] })).message).toBe(
      "transform must be 'none', 'log' or a list of them, one per column (3 columns)",
    );
  });
});
