/**
 * The numeric heart of PLS path modeling (Wold 1982; Lohmöller 1989), working on the correlation
 * matrix of the standardized indicators only: with every indicator standardized, each step of
 * the algorithm (latent scores, inner estimates, mode A outer weights, loadings, paths) is a
 * linear function of the data whose covariances are entries of that matrix. So one O(n p²) pass
 * builds the matrix and every iteration after it costs O(p²), whatever the number of
 * respondents; bootstrap resamples only rebuild the matrix.
 *
 * Conventions (those of plspm, semPLS, seminr and SmartPLS): latent scores have unit variance
 * (n − 1 divisor); all blocks are updated together from the previous scores (Lohmöller);
 * initial outer weights are 1; stop when Σ|w_new − w_old| < tolerance.
 *
 * Outer weights: mode A (reflective) w_i = cov(x_i, z_b); mode B (formative composite) the
 * multiple regression of the inner estimate z_b on the block's indicators,
 * w_b = R_bb⁻¹ cov(X_b, z_b) (Wold 1982; Lohmöller 1989; seminr's mode_B). Both are then scaled
 * so that the score has unit variance.
 */
import { invalid } from '../messages.ts';
import { choleskySolve } from '../math/solve.ts';

export type PlsScheme = 'path' | 'centroid' | 'factorial';

/** The model as index arrays: constructs 0..q−1, indicators 0..p−1 ordered block by block. */
export interface PlsLayout {
  constructs: string[];
  indicators: string[];
  q: number;
  p: number;
  /** Indicators of construct b are blockStart[b] .. blockStart[b + 1] − 1. */
  blockStart: Int32Array;
  /** The construct of each indicator. */
  blockOf: Int32Array;
  /** predecessors[b]: the constructs with a path into b. */
  predecessors: number[][];
  /** adjacent[a * q + b] = 1 when a path joins a and b in either direction. */
  adjacent: Uint8Array;
  /** formative[b] = 1 when construct b is estimated in mode B; absent means every block in mode A. */
  formative?: Uint8Array;
}

export interface PlsEstimate {
  /** Outer weights on the standardized indicators (scores have unit variance). */
  weights: Float64Array;
  /** Correlation of each indicator with its construct's score. */
  loadings: Float64Array;
  /** q × q correlations of the construct scores, row-major. */
  latentCorrelations: Float64Array;
  /** q × q standardized path coefficients, `paths[from * q + to]`. */
  paths: Float64Array;
  /** R² per construct (NaN for an exogenous one). */
  rSquared: Float64Array;
  iterations: number;
  converged: boolean;
}

export interface PlsSettings {
  scheme: PlsScheme;
  tolerance: number;
  maxIterations: number;
  /** Orient each construct so that the sum of its loadings is positive. */
  fixSigns: boolean;
  /** Orient each construct so that its weights agree with these (bootstrap sign alignment). */
  orientTo?: Float64Array;
}

/** cov(x_i, y_b) for every indicator i and construct b: p × q, row-major. */
function indicatorLatentCovariances(
  s: Float64Array,
  w: Float64Array,
  layout: PlsLayout,
  out: Float64Array,
): void {
  const { p, q, blockStart } = layout;
  for (let i = 0; i < p; i++) {
    const row = i * p;
    for (let b = 0; b < q; b++) {
      let sum = 0;
      for (let j = blockStart[b]; j < blockStart[b + 1]; j++) sum += s[row + j] * w[j];
      out[i * q + b] = sum;
    }
  }
}

/** Correlations of the construct scores, from the indicator–construct covariances. */
function latentCorrelations(
  sw: Float64Array,
  w: Float64Array,
  layout: PlsLayout,
  out: Float64Array,
): void {
  const { q, blockStart } = layout;
  for (let a = 0; a < q; a++) {
    for (let b = 0; b < q; b++) {
      let sum = 0;
      for (let i = blockStart[a]; i < blockStart[a + 1]; i++) sum += w[i] * sw[i * q + b];
      out[a * q + b] = sum;
    }
  }
}

/** Scales each block's weights so that its score has unit variance. */
function normalizeWeights(s: Float64Array, w: Float64Array, layout: PlsLayout): void {
  const { p, q, blockStart, constructs } = layout;
  for (let b = 0; b < q; b++) {
    let variance = 0;
    for (let i = blockStart[b]; i < blockStart[b + 1]; i++) {
      for (let j = blockStart[b]; j < blockStart[b + 1]; j++) variance += w[i] * w[j] * s[i * p + j];
    }
    if (!(variance > 1e-300)) {
      throw invalid('model', `: the score of construct "${constructs[b]}" vanished during the iterations (its neighbours are uncorrelated with it)`, 'num');
    }
    // A single item's score is the item itself: weight ±1 exactly (not 1 ± rounding), so that its
    // bootstrap standard error is 0 rather than 1e-17.
    if (blockStart[b + 1] - blockStart[b] === 1) {
      w[blockStart[b]] = Math.sign(w[blockStart[b]]);
      continue;
    }
    const scale = 1 / Math.sqrt(variance);
    for (let i = blockStart[b]; i < blockStart[b + 1]; i++) w[i] *= scale;
  }
}

/** Regression of construct b's score on its predecessors' scores. */
function regressOnPredecessors(c: Float64Array, layout: PlsLayout, b: number): Float64Array {
  const { q, predecessors, constructs } = layout;
  const pred = predecessors[b];
  const k = pred.length;
  const a = new Float64Array(k * k);
  const rhs = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    rhs[i] = c[pred[i] * q + b];
    for (let j = 0; j < k; j++) a[i * k + j] = c[pred[i] * q + pred[j]];
  }
  const beta = choleskySolve(a, rhs, k);
  if (!beta) {
    throw invalid('model', `: the scores of the constructs explaining "${constructs[b]}" (${pred.map((x) => constructs[x]).join(', ')}) are collinear`, 'num');
  }
  return beta;
}

/** Inner weights e[a * q + b]: how construct a enters construct b's inner estimate. */
function innerWeights(c: Float64Array, layout: PlsLayout, scheme: PlsScheme, e: Float64Array): void {
  const { q, adjacent, predecessors } = layout;
  e.fill(0);
  if (scheme === 'path') {
    for (let b = 0; b < q; b++) {
      // Followers of b enter with their correlation, predecessors with the regression weights.
      for (let a = 0; a < q; a++) if (adjacent[a * q + b]) e[a * q + b] = c[a * q + b];
      const pred = predecessors[b];
      if (pred.length > 0) {
        const beta = regressOnPredecessors(c, layout, b);
        for (let i = 0; i < pred.length; i++) e[pred[i] * q + b] = beta[i];
      }
    }
  } else {
    for (let a = 0; a < q; a++) {
      for (let b = 0; b < q; b++) {
        if (!adjacent[a * q + b]) continue;
        e[a * q + b] = scheme === 'centroid' ? Math.sign(c[a * q + b]) : c[a * q + b];
      }
    }
  }
}

/** The k × k correlation matrix of block b's indicators, row-major. */
function blockCorrelations(s: Float64Array, layout: PlsLayout, b: number): Float64Array {
  const { p, blockStart } = layout;
  const start = blockStart[b];
  const k = blockStart[b + 1] - start;
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) out[i * k + j] = s[(start + i) * p + start + j];
  return out;
}

/** Replaces the mode A weights of every mode B block by R_bb⁻¹ times them (the regression weights). */
function regressFormativeBlocks(s: Float64Array, layout: PlsLayout, next: Float64Array): void {
  const { q, blockStart, formative, constructs } = layout;
  if (!formative) return;
  for (let b = 0; b < q; b++) {
    if (!formative[b]) continue;
    const start = blockStart[b];
    const k = blockStart[b + 1] - start;
    const solution = choleskySolve(blockCorrelations(s, layout, b), next.subarray(start, start + k), k);
    if (!solution) {
      throw invalid(
        'modes',
        `: the indicators of mode B construct "${constructs[b]}" are collinear (their correlation matrix is singular), so its regression weights are not defined; drop a redundant indicator or estimate it in mode A`,
        'num',
      );
    }
    next.set(solution, start);
  }
}

/**
 * Runs the PLS algorithm on the indicator correlation matrix.
 *
 * @param s p × p correlation matrix of the indicators, ordered as in the layout
 * @throws {InputError} when a construct's predecessors are collinear, a score vanishes or a
 *   mode B block's indicators are collinear
 */
export function estimatePls(s: Float64Array, layout: PlsLayout, settings: PlsSettings): PlsEstimate {
  const { p, q, blockOf, blockStart, predecessors } = layout;
  let w = new Float64Array(p).fill(1);
  normalizeWeights(s, w, layout);
  const sw = new Float64Array(p * q);
  const c = new Float64Array(q * q);
  const e = new Float64Array(q * q);
  let iterations = 0;
  let converged = false;
  while (iterations < settings.maxIterations) {
    iterations++;
    indicatorLatentCovariances(s, w, layout, sw);
    latentCorrelations(sw, w, layout, c);
    innerWeights(c, layout, settings.scheme, e);
    // Mode A: w_i = cov(x_i, z_b) with z_b = Σ_a e[a, b] y_a; mode B regresses z_b on the block.
    const next = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      const b = blockOf[i];
      let sum = 0;
      for (let a = 0; a < q; a++) sum += e[a * q + b] * sw[i * q + a];
      next[i] = sum;
    }
    regressFormativeBlocks(s, layout, next);
    normalizeWeights(s, next, layout);
    let change = 0;
    for (let i = 0; i < p; i++) change += Math.abs(next[i] - w[i]);
    w = next;
    if (change < settings.tolerance) {
      converged = true;
      break;
    }
  }

  const orient = (flip: (b: number) => boolean) => {
    for (let b = 0; b < q; b++) {
      if (!flip(b)) continue;
      for (let i = blockStart[b]; i < blockStart[b + 1]; i++) w[i] = -w[i];
    }
  };
  if (settings.orientTo) {
    const target = settings.orientTo;
    orient((b) => {
      let agreement = 0;
      for (let i = blockStart[b]; i < blockStart[b + 1]; i++) agreement += w[i] * target[i];
      return agreement < 0;
    });
  }
  indicatorLatentCovariances(s, w, layout, sw);
  if (settings.fixSigns) {
    orient((b) => {
      let total = 0;
      for (let i = blockStart[b]; i < blockStart[b + 1]; i++) total += sw[i * q + b];
      return total < 0;
    });
    indicatorLatentCovariances(s, w, layout, sw);
  }
  latentCorrelations(sw, w, layout, c);

  const loadings = new Float64Array(p);
  for (let i = 0; i < p; i++) loadings[i] = sw[i * q + blockOf[i]];
  const paths = new Float64Array(q * q);
  const rSquared = new Float64Array(q).fill(NaN);
  for (let b = 0; b < q; b++) {
    const pred = predecessors[b];
    if (pred.length === 0) continue;
    const beta = regressOnPredecessors(c, layout, b);
    let r2 = 0;
    for (let i = 0; i < pred.length; i++) {
      paths[pred[i] * q + b] = beta[i];
      r2 += beta[i] * c[pred[i] * q + b];
    }
    rSquared[b] = r2;
  }
  return { weights: w, loadings, latentCorrelations: c, paths, rSquared, iterations, converged };
}
