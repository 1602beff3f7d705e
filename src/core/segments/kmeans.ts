/**
 * k-means clustering: seeded greedy k-means++ start and Lloyd iterations over a flat
 * Float64Array — the algorithm of scikit-learn's `KMeans(algorithm='lloyd')`. Where the engine has
 * WebAssembly SIMD, the two hot loops run in `kmeans-wasm.ts` (same labels, 2–3× faster); otherwise
 * in JS here, with Hamerly's bounds skipping the distance computations that cannot change an
 * assignment.
 */
import { invalid, mustBe } from '../messages.ts';
import { seededRandom } from '../math/random.ts';
import type { TableInput } from '../table/input.ts';
import { _distinctRowCount } from './distinct-rows.ts';
import { featureMatrix, type ColumnTransform } from './feature-matrix.ts';
import { drawRow, inertiaOf, moveCenters, relocateEmpty, sqDist } from './kmeans-steps.ts';
import { kmeansWasm } from './kmeans-wasm.ts';

export interface KMeansOptions {
  /** Numeric feature columns. */
  columns: readonly string[];
  /** Number of clusters (1..rows). */
  k: number;
  /** Seed of the random start (default 0): same seed, same result. */
  seed?: number;
  /** Independent starts; the one with the lowest inertia is kept (default 10). */
  nInit?: number;
  /** Lloyd iterations per start at most (default 300). */
  maxIterations?: number;
  /** z-score the columns first (default true), so that no column dominates by its units. */
  standardize?: boolean;
  /**
   * `'log'` clusters log1p of the values (before standardizing): for skewed measures such as
   * purchase counts and spend, where raw values give a handful of outliers a cluster of their own.
   * One word for every column or a list with one per column; default `'none'`.
   */
  transform?: ColumnTransform | readonly ColumnTransform[];
  /**
   * Stop when the summed squared centroid shift of an iteration is at most `tolerance` × the
   * mean column variance (scikit-learn's `tol`, default 1e-4). With 0 a start stops only when no
   * assignment changes, or after `maxIterations`.
   */
  tolerance?: number;
}

export interface KMeansResult {
  /** Cluster 0..k−1 of each row. */
  assignments: Int32Array;
  /** k centroids in the original units of the columns, `centroids[c][j]` (log-scaled columns: expm1 of the centroid on the log scale). */
  centroids: number[][];
  /** Sum of squared distances of rows to their centroid, in the standardized space when `standardize`. */
  inertia: number;
  /** Lloyd iterations of the kept start. */
  iterations: number;
  /** True when the kept start stopped on its own (assignments stable or shift within tolerance), not by running out of `maxIterations`. */
  converged: boolean;
  /** Rows per cluster. */
  sizes: number[];
  columns: string[];
  /** The standardization used: z = (x − center) / scale per column (0 and 1 when not standardized). */
  center: number[];
  scale: number[];
  /** The transform of each column (`'none'` or `'log'`); `center` and `scale` are on the transformed values. */
  transform: ColumnTransform[];
}

/** The result of one fit on a prepared matrix (centroids in the matrix's space). */
export interface MatrixFit {
  labels: Int32Array;
  centers: Float64Array;
  inertia: number;
  iterations: number;
  converged: boolean;
}

/**
 * Greedy k-means++ (Arthur & Vassilvitskii 2007, with scikit-learn's greedy variant): each new
 * centre is the best of 2 + ⌊ln k⌋ candidates drawn with probability ∝ squared distance to the
 * nearest centre so far, "best" meaning the lowest resulting potential.
 */
export function _kmeansPlusPlus(X: Float64Array, n: number, d: number, k: number, random: () => number): Float64Array {
  const centers = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const first = Math.min(n - 1, Math.floor(random() * n));
  centers.set(X.subarray(first * d, first * d + d), 0);
  let closest = new Float64Array(n);
  let pot = 0;
  for (let i = 0; i < n; i++) {
    closest[i] = sqDist(X, i, centers, 0, d);
    pot += closest[i];
  }
  const cumulative = new Float64Array(n);
  let trial = new Float64Array(n);
  let best = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let run = 0;
    for (let i = 0; i < n; i++) {
      run += closest[i];
      cumulative[i] = run;
    }
    let bestPot = Infinity;
    let bestId = 0;
    for (let t = 0; t < trials; t++) {
      const id = drawRow(cumulative, 0, n, random() * pot);
      let candidatePot = 0;
      const base = id * d;
      for (let i = 0; i < n; i++) {
        let s = 0;
        const a = i * d;
        for (let j = 0; j < d; j++) {
          const diff = X[a + j] - X[base + j];
          s += diff * diff;
        }
        // Branch-free: whether the candidate is nearer is unpredictable row to row.
        const m = Math.min(s, closest[i]);
        trial[i] = m;
        candidatePot += m;
      }
      if (candidatePot < bestPot) {
        bestPot = candidatePot;
        bestId = id;
        const swap = best;
        best = trial;
        trial = swap;
      }
    }
    const swap = closest;
    closest = best;
    best = swap;
    pot = bestPot;
    centers.set(X.subarray(bestId * d, bestId * d + d), c * d);
  }
  return centers;
}

/**
 * Nearest centre of the row starting at X[a] (lowest index on ties); stores the distances to the
 * nearest and second-nearest centres as the row's upper and lower bounds.
 */
function nearestTwo(
  X: Float64Array,
  a: number,
  centers: Float64Array,
  k: number,
  d: number,
  upper: Float64Array,
  lower: Float64Array,
  i: number,
): number {
  let best = Infinity;
  let second = Infinity;
  let bestC = 0;
  let c = 0;
  // Which centre is nearest is unpredictable row to row, so the running minimum is kept without
  // branches (Math.min/max, and a select by mask for the index): a mispredicted branch per centre
  // costs more than the distance itself. Ties keep the lower index (strict <).
  for (; c + 1 < k; c += 2) {
    // Two centres per sweep over the row: each coordinate is loaded once for both.
    const b0 = c * d;
    const b1 = b0 + d;
    let s0 = 0;
    let s1 = 0;
    for (let j = 0; j < d; j++) {
      const x = X[a + j];
      const e0 = x - centers[b0 + j];
      const e1 = x - centers[b1 + j];
      s0 += e0 * e0;
      s1 += e1 * e1;
    }
    bestC ^= (bestC ^ c) & -(s0 < best);
    second = Math.min(second, Math.max(best, s0));
    best = Math.min(best, s0);
    bestC ^= (bestC ^ (c + 1)) & -(s1 < best);
    second = Math.min(second, Math.max(best, s1));
    best = Math.min(best, s1);
  }
  if (c < k) {
    const b = c * d;
    let s = 0;
    for (let j = 0; j < d; j++) {
      const e = X[a + j] - centers[b + j];
      s += e * e;
    }
    bestC ^= (bestC ^ c) & -(s < best);
    second = Math.min(second, Math.max(best, s));
    best = Math.min(best, s);
  }
  upper[i] = Math.sqrt(best);
  lower[i] = Math.sqrt(second);
  return bestC;
}

/** Labels each row with its nearest centre (lowest index on ties); returns the inertia. */
function assignAll(X: Float64Array, n: number, d: number, k: number, centers: Float64Array, labels: Int32Array): number {
  let inertia = 0;
  let comp = 0;
  for (let i = 0; i < n; i++) {
    let bestDist = Infinity;
    let bestC = 0;
    for (let c = 0; c < k; c++) {
      const s = sqDist(X, i, centers, c, d);
      if (s < bestDist) {
        bestDist = s;
        bestC = c;
      }
    }
    labels[i] = bestC;
    const t = inertia + bestDist;
    comp += inertia >= bestDist ? inertia - t + bestDist : bestDist - t + inertia;
    inertia = t;
  }
  return inertia + comp;
}

/**
 * Plain Lloyd iterations from given centres, every distance computed: the reference that `_lloyd`
 * must reproduce (tests compare the two). One iteration assigns every row to its nearest centre
 * and moves each centre to the mean of its rows. A cluster left empty is re-seeded with the row
 * farthest from its centre (taken out of its old cluster), as scikit-learn does.
 */
export function _lloydPlain(
  X: Float64Array,
  n: number,
  d: number,
  k: number,
  init: Float64Array,
  maxIterations: number,
  toleranceAbs: number,
): MatrixFit {
  let centers = Float64Array.from(init);
  let next = new Float64Array(k * d);
  const counts = new Float64Array(k);
  const labels = new Int32Array(n).fill(-1);
  let iterations = 0;
  let strict = false;
  let converged = false;
  for (let it = 0; it < maxIterations; it++) {
    iterations = it + 1;
    next.fill(0);
    counts.fill(0);
    let changed = false;
    for (let i = 0; i < n; i++) {
      const a = i * d;
      let bestDist = Infinity;
      let bestC = 0;
      for (let c = 0; c < k; c++) {
        const b = c * d;
        let s = 0;
        for (let j = 0; j < d; j++) {
          const diff = X[a + j] - centers[b + j];
          s += diff * diff;
        }
        if (s < bestDist) {
          bestDist = s;
          bestC = c;
        }
      }
      if (labels[i] !== bestC) {
        labels[i] = bestC;
        changed = true;
      }
      counts[bestC]++;
      const b = bestC * d;
      for (let j = 0; j < d; j++) next[b + j] += X[a + j];
    }
    relocateEmpty(X, n, d, k, centers, next, counts, labels);
    const shift = moveCenters(centers, next, counts, k, d, next);
    const swap = centers;
    centers = next;
    next = swap;
    if (!changed) {
      strict = true;
      converged = true;
      break;
    }
    if (shift <= toleranceAbs) {
      converged = true;
      break;
    }
  }
  // Unless the labels were stable, relabel against the final centres so labels and centres agree.
  const inertia = strict ? inertiaOf(X, n, d, centers, labels) : assignAll(X, n, d, k, centers, labels);
  return { labels, centers, inertia, iterations, converged };
}

/**
 * Bounds and buffers of the accelerated loop. The bounds are stored relative to the accumulated
 * centre moves, so a row the bounds vouch for costs three reads and no write: its upper bound is
 * `upper[i] + drift[label]`, its lower bound `lower[i] − lowerDrift`.
 */
interface BoundState {
  labels: Int32Array;
  upper: Float64Array;
  lower: Float64Array;
  /** Per centre: the sum of its moves so far. */
  drift: Float64Array;
  /** The sum over updates of the largest move of any centre. */
  lowerDrift: number;
  /** Half the distance from each centre to its nearest other centre. */
  half: Float64Array;
  /** Running per-cluster sums of the rows and counts. */
  sums: Float64Array;
  counts: Float64Array;
}

/**
 * One assignment pass. With `fresh`, every row is assigned from scratch (bounds set, sums
 * rebuilt); otherwise only the rows whose upper bound exceeds both their lower bound and half the
 * distance from their centre to the nearest other centre are re-examined (first against their
 * own centre, then against all), and a row that changes cluster is moved between the running
 * sums. Returns the number of rows that changed cluster.
 */
function boundedPass(X: Float64Array, n: number, d: number, k: number, centers: Float64Array, state: BoundState, fresh: boolean): number {
  const { labels, upper, lower, drift, half, sums, counts } = state;
  const lowerDrift = state.lowerDrift;
  let changed = 0;
  if (fresh) {
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const label = nearestTwo(X, i * d, centers, k, d, upper, lower, i);
      upper[i] -= drift[label];
      lower[i] += lowerDrift;
      if (labels[i] !== label) changed++;
      labels[i] = label;
      counts[label]++;
      const a = i * d;
      const b = label * d;
      for (let j = 0; j < d; j++) sums[b + j] += X[a + j];
    }
    return changed;
  }
  for (let c = 0; c < k; c++) {
    let nearest = Infinity;
    for (let e = 0; e < k; e++) {
      if (e === c) continue;
      const s = sqDist(centers, c, centers, e, d);
      if (s < nearest) nearest = s;
    }
    half[c] = 0.5 * Math.sqrt(nearest);
  }
  for (let i = 0; i < n; i++) {
    const previous = labels[i];
    const u = upper[i] + drift[previous];
    const l = lower[i] - lowerDrift;
    // Either bound may vouch for the row, each about as often as not: test both without a
    // branch between them (a mispredicted branch costs several times the loads).
    if ((+(u <= half[previous]) | +(u <= l)) !== 0) continue;
    const bound = Math.max(half[previous], l);
    const a = i * d;
    const b = previous * d;
    let s = 0;
    for (let j = 0; j < d; j++) {
      const diff = X[a + j] - centers[b + j];
      s += diff * diff;
    }
    const tight = Math.sqrt(s);
    if (tight <= bound) {
      upper[i] = tight - drift[previous];
      continue;
    }
    const label = nearestTwo(X, a, centers, k, d, upper, lower, i);
    upper[i] -= drift[label];
    lower[i] += lowerDrift;
    if (label !== previous) {
      labels[i] = label;
      changed++;
      counts[label]++;
      counts[previous]--;
      const to = label * d;
      for (let j = 0; j < d; j++) {
        sums[to + j] += X[a + j];
        sums[b + j] -= X[a + j];
      }
    }
  }
  return changed;
}

/**
 * Lloyd iterations from given centres, accelerated with Hamerly's bounds: the same iterates as
 * `_lloydPlain` up to rounding (same assignments; centres from running sums, which differ from
 * freshly summed ones in the last bits). A row whose upper bound to its centre is within both its
 * lower bound to every other centre and half the distance from its centre to the nearest other
 * centre keeps its cluster without any distance computed; after a few iterations that is most
 * rows. (Lower bounds drop by the largest centre move of each update, Hamerly's simple form, so
 * they can be kept relative to a running total.) The running sums are rebuilt from scratch every 10 iterations and after an
 * empty-cluster re-seed, so rounding cannot accumulate.
 *
 * Reference: Hamerly (2010), "Making k-means even faster", SIAM International Conference on Data
 * Mining. Empty clusters as in `_lloydPlain`.
 */
export function _lloyd(
  X: Float64Array,
  n: number,
  d: number,
  k: number,
  init: Float64Array,
  maxIterations: number,
  toleranceAbs: number,
): MatrixFit {
  let centers = Float64Array.from(init);
  let next = new Float64Array(k * d);
  const state: BoundState = {
    labels: new Int32Array(n).fill(-1),
    upper: new Float64Array(n),
    lower: new Float64Array(n),
    drift: new Float64Array(k),
    lowerDrift: 0,
    half: new Float64Array(k),
    sums: new Float64Array(k * d),
    counts: new Float64Array(k),
  };
  const { labels, drift, sums, counts } = state;
  let fresh = true;
  let iterations = 0;
  let strict = false;
  let converged = false;
  for (let it = 0; it < maxIterations; it++) {
    iterations = it + 1;
    const changed = boundedPass(X, n, d, k, centers, state, fresh);
    // Rebuild the running sums now and then (O(n d), no distances) so rounding cannot accumulate.
    if (!fresh && it % 10 === 9) rebuildSums(X, n, d, labels, sums, counts);
    next.set(sums);
    fresh = false;
    for (let c = 0; c < k; c++) if (counts[c] === 0) fresh = true;
    if (fresh) relocateEmpty(X, n, d, k, centers, next, counts, labels);
    let shift = 0;
    let largest = 0;
    for (let c = 0; c < k; c++) {
      const b = c * d;
      const count = counts[c];
      let move = 0;
      for (let j = 0; j < d; j++) {
        const value = count > 0 ? next[b + j] / count : centers[b + j];
        const diff = value - centers[b + j];
        move += diff * diff;
        next[b + j] = value;
      }
      shift += move;
      const distance = Math.sqrt(move);
      drift[c] += distance;
      if (distance > largest) largest = distance;
    }
    state.lowerDrift += largest;
    const swap = centers;
    centers = next;
    next = swap;
    if (changed === 0) {
      strict = true;
      converged = true;
      break;
    }
    if (shift <= toleranceAbs) {
      converged = true;
      break;
    }
  }
  // Unless the labels were stable, relabel against the final centres so labels and centres
  // agree (bounds still valid, so this is one cheap pass).
  if (!strict) boundedPass(X, n, d, k, centers, state, fresh);
  return { labels, centers, inertia: inertiaOf(X, n, d, centers, labels), iterations, converged };
}

/** Per-cluster sums and counts from scratch, in row order. */
function rebuildSums(X: Float64Array, n: number, d: number, labels: Int32Array, sums: Float64Array, counts: Float64Array): void {
  sums.fill(0);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    counts[c]++;
    const a = i * d;
    const b = c * d;
    for (let j = 0; j < d; j++) sums[b + j] += X[a + j];
  }
}

export interface MatrixOptions {
  k: number;
  nInit: number;
  maxIterations: number;
  tolerance: number;
  random: () => number;
  /**
   * Run the hot loops in WebAssembly SIMD where the engine has it (default true): the same
   * labels, several times faster. false forces the JS loops (tests compare the two).
   */
  wasm?: boolean;
}

/** Best of `nInit` seeded fits on a prepared matrix (with the WebAssembly kernels when available). */
export function _kmeansMatrix(X: Float64Array, n: number, d: number, options: MatrixOptions): MatrixFit {
  const { k, nInit, maxIterations, tolerance, random } = options;
  let toleranceAbs = 0;
  if (tolerance > 0 && n > 0) {
    // scikit-learn: tol × mean of the column variances.
    let meanVar = 0;
    for (let j = 0; j < d; j++) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += X[i * d + j];
      mean /= n;
      let ss = 0;
      for (let i = 0; i < n; i++) {
        const dev = X[i * d + j] - mean;
        ss += dev * dev;
      }
      meanVar += ss / n;
    }
    toleranceAbs = (meanVar / d) * tolerance;
  }
  const simd = options.wasm === false ? undefined : kmeansWasm(X, n, d, k);
  let best: MatrixFit | undefined;
  for (let r = 0; r < nInit; r++) {
    const init = simd ? simd.kmeansPlusPlus(random) : _kmeansPlusPlus(X, n, d, k, random);
    const fit = simd ? simd.lloyd(init, maxIterations, toleranceAbs) : _lloyd(X, n, d, k, init, maxIterations, toleranceAbs);
    if (best === undefined || fit.inertia < best.inertia) best = fit;
  }
  return best as MatrixFit;
}

function positiveInteger(value: unknown, name: string, fallback: number): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw mustBe(name, 'a positive integer', { value: v, code: 'num' });
  }
  return v;
}

export interface ResolvedKMeans {
  seed: number;
  nInit: number;
  maxIterations: number;
  standardize: boolean;
  tolerance: number;
}

export function _resolveKMeansOptions(options: Partial<KMeansOptions>): ResolvedKMeans {
  const seed = options.seed ?? 0;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw mustBe('seed', 'a number', { value: seed });
  }
  const tolerance = options.tolerance ?? 1e-4;
  if (typeof tolerance !== 'number' || !(tolerance >= 0) || !Number.isFinite(tolerance)) {
    throw mustBe('tolerance', 'a non-negative number', { value: tolerance, code: 'num' });
  }
  return {
    seed,
    nInit: positiveInteger(options.nInit, 'nInit', 10),
    maxIterations: positiveInteger(options.maxIterations, 'maxIterations', 300),
    standardize: options.standardize ?? true,
    tolerance,
  };
}

/**
 * k-means: partitions rows into k clusters minimizing the sum of squared Euclidean distances to
 * the cluster means (the inertia). Each of `nInit` starts is seeded by greedy k-means++ and
 * refined by Lloyd's iterations; the start with the lowest inertia is kept. Columns are
 * z-scored first when `standardize` (population sd); centroids are reported back in the original
 * units, the inertia in the space the clustering ran in. Deterministic for a given seed.
 * `transform: 'log'` clusters log1p of skewed columns (counts, money), so that a few very large
 * values do not take clusters of their own; centroids come back through expm1.
 *
 * Degenerate data: k above the number of rows is an error; so is k above the number of distinct
 * rows (50 identical customers cannot make 4 clusters), checked when a fit leaves a cluster empty,
 * so it costs nothing otherwise. `countDistinctRows` gives the largest usable k.
 *
 * Reference: Lloyd (1982), "Least squares quantization in PCM", IEEE Trans. Inf. Theory 28(2);
 * Arthur & Vassilvitskii (2007), "k-means++: the advantages of careful seeding", SODA;
 * scikit-learn's `KMeans` for the greedy seeding, tolerance and empty-cluster rules.
 * O(nInit × iterations × n × k × d) time, O(n × d) memory.
 *
 * @param table rows to cluster (an Arquero table or an array of row objects)
 * @param options `columns`, `k`, `seed` (0), `nInit` (10), `maxIterations` (300),
 *   `standardize` (true), `tolerance` (1e-4), `transform` (`'none'`)
 * @returns `{ assignments, centroids, inertia, iterations, converged, sizes, columns, center, scale, transform }`
 * @throws {InputError} on a missing or non-numeric column (naming column and row), k outside
 *   1..rows or above the number of distinct rows, a value at or below −1 in a log-scaled column,
 *   or a bad option
 * @example
 * kmeans([{ x: 0 }, { x: 1 }, { x: 10 }, { x: 11 }], { columns: ['x'], k: 2, standardize: false }).centroids;
 * // => [[0.5], [10.5]] (cluster order depends on the seed)
 */
export function kmeans(table: TableInput, options: KMeansOptions): KMeansResult {
  if (typeof options !== 'object' || options === null) {
    throw invalid('options', 'must give columns and k');
  }
  const resolved = _resolveKMeansOptions(options);
  const matrix = featureMatrix(table, options.columns, resolved.standardize, options.transform);
  const { data, n, d } = matrix;
  const k = options.k;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > n) {
    throw mustBe('k', `an integer from 1 to the number of rows (${n})`, { value: k, code: 'num' });
  }
  const fit = _kmeansMatrix(data, n, d, {
    k,
    nInit: resolved.nInit,
    maxIterations: resolved.maxIterations,
    tolerance: resolved.tolerance,
    random: seededRandom(resolved.seed),
  });
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) sizes[fit.labels[i]]++;
  if (sizes.includes(0)) {
    // Only fewer distinct rows than k leave a cluster empty after the re-seeding: say so.
    const distinct = _distinctRowCount(data, n, d);
    if (distinct < k) {
      throw mustBe('k', `at most the number of distinct rows: ${distinct} of ${n} rows are distinct in columns ${matrix.columns.map((c) => JSON.stringify(c)).join(', ')}`, { value: k, code: 'num' });
    }
  }
  const centroids: number[][] = [];
  for (let c = 0; c < k; c++) {
    const row: number[] = [];
    for (let j = 0; j < d; j++) {
      const value = fit.centers[c * d + j] * matrix.scale[j] + matrix.center[j];
      row.push(matrix.transform[j] === 'log' ? Math.expm1(value) : value);
    }
    centroids.push(row);
  }
  return {
    assignments: fit.labels,
    centroids,
    inertia: fit.inertia,
    iterations: fit.iterations,
    converged: fit.converged,
    sizes,
    columns: matrix.columns,
    center: Array.from(matrix.center),
    scale: Array.from(matrix.scale),
    transform: matrix.transform,
  };
}
