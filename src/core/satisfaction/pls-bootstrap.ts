/**
 * The seeded bootstrap of a PLS path model: resamples of the respondents, the model re-estimated
 * on each, and per path, outer weight, loading and HTMT pair the mean, standard error, t-value
 * and percentile interval of the re-estimates (seminr's bootstrap_model: `bootstrapped_paths`,
 * `bootstrapped_weights`, `bootstrapped_loadings`, `bootstrapped_HTMT`).
 *
 * Resampling: `seededRandom(seed)` (mulberry32); each resample draws n row numbers
 * `⌊u · n⌋` in turn and counts how often each row was drawn (the counts are frequency weights
 * of the correlation matrix, so no rows are copied). test/fixtures/pls_bootstrap_reference.py
 * repeats the same generator in Python, so both sides see the same resamples.
 *
 * Sign alignment: each resample's constructs are oriented so that their weights agree with the
 * full-sample weights (construct-level sign change, Tenenhaus et al. 2005, CSDA 48, §2.4), else
 * a flipped score would put a weight's draws on both sides of zero.
 *
 * Percentile interval: the (1 − level)/2 and (1 + level)/2 type 7 quantiles (Hyndman & Fan 1996;
 * R's `quantile` default, as seminr uses; numpy's "linear") of the resamples that could be
 * estimated. Standard error: their standard deviation with the n − 1 divisor; t = estimate / SE.
 */
import { InputError } from '../errors.ts';
import { correlationMatrix } from '../math/correlation.ts';
import { quantileSorted } from '../math/quantile.ts';
import { seededRandom } from '../math/random.ts';
import { invalid } from '../messages.ts';
import { estimatePls, type PlsLayout, type PlsSettings } from './pls-algorithm.ts';
import { htmtPairs, htmtValues } from './pls-quality/htmt.ts';

/** Bootstrap summary of one estimate. */
export interface BootstrapInference {
  /** Mean of the bootstrap estimates. */
  mean: number;
  /** Standard deviation of the bootstrap estimates (n − 1 divisor). */
  standardError: number;
  /** Estimate / standard error; null when the standard error is 0 (a single item's weight is always 1). */
  t: number | null;
  /** Percentile interval (type 7 quantiles of the bootstrap estimates). */
  lower: number;
  upper: number;
}

/** The re-estimates of every resample that could be estimated, column by column. */
export interface BootstrapDraws {
  /** Resamples estimated. */
  good: number;
  /** Resamples that could not be estimated (a constant indicator, collinear scores or mode B items). */
  failed: number;
  /** Per path of `pathList`, its estimates. */
  paths: Float64Array[];
  pathList: [number, number][];
  /** Per indicator (layout order): outer weights and loadings. */
  weights: Float64Array[];
  loadings: Float64Array[];
  /** Per pair of `htmtPairs(layout)`: HTMT. */
  htmt: Float64Array[];
}

/**
 * Re-estimates the model on `samples` seeded resamples.
 *
 * @param data the kept answers, n × p column-major in layout order
 * @param fullWeights the full-sample outer weights (for the sign alignment)
 * @throws {InputError} when fewer than two resamples could be estimated
 */
export function drawPlsBootstrap(
  data: Float64Array,
  n: number,
  layout: PlsLayout,
  settings: PlsSettings,
  fullWeights: Float64Array,
  samples: number,
  seed: number,
): BootstrapDraws {
  const { p, q, predecessors } = layout;
  const pathList: [number, number][] = [];
  for (let b = 0; b < q; b++) for (const a of predecessors[b]) pathList.push([a, b]);
  const column = () => new Float64Array(samples);
  const paths = pathList.map(column);
  const weights = Array.from({ length: p }, column);
  const loadings = Array.from({ length: p }, column);
  const htmt = htmtPairs(layout).map(column);
  const random = seededRandom(seed);
  const counts = new Float64Array(n);
  let good = 0;
  let failed = 0;
  for (let s = 0; s < samples; s++) {
    counts.fill(0);
    for (let r = 0; r < n; r++) counts[Math.floor(random() * n)]++;
    const resample = correlationMatrix(data, n, p, counts);
    if (resample.sds.some((sd) => sd === 0)) {
      failed++;
      continue;
    }
    try {
      const fit = estimatePls(resample.matrix, layout, { ...settings, fixSigns: false, orientTo: fullWeights });
      pathList.forEach(([a, b], k) => (paths[k][good] = fit.paths[a * q + b]));
      for (let i = 0; i < p; i++) {
        weights[i][good] = fit.weights[i];
        loadings[i][good] = fit.loadings[i];
      }
      htmtValues(resample.matrix, layout).forEach((value, k) => (htmt[k][good] = value));
      good++;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failed++;
    }
  }
  if (good < 2) {
    throw invalid(
      'bootstrap',
      `: only ${good} of ${samples} resamples could be estimated (the others had a constant indicator or collinear scores or items), so there are no intervals; use more respondents or fewer items per construct`,
      'num',
    );
  }
  return { good, failed, paths, pathList, weights, loadings, htmt };
}

/** The estimated resamples of one column, sorted. */
export function sortedDraws(column: Float64Array, good: number): Float64Array {
  return column.slice(0, good).sort();
}

/**
 * Mean, standard error, t and percentile interval of one estimate's draws.
 *
 * @param column the draws (first `good` entries used)
 * @param estimate the full-sample estimate
 * @param level the interval's coverage, e.g. 0.95
 */
export function bootstrapInference(column: Float64Array, good: number, estimate: number, level: number): BootstrapInference {
  const values = sortedDraws(column, good);
  let mean = 0;
  for (const v of values) mean += v;
  mean /= good;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const standardError = Math.sqrt(ss / (good - 1));
  const tail = (1 - level) / 2;
  return {
    mean,
    standardError,
    t: standardError > 0 ? estimate / standardError : null,
    lower: quantileSorted(values, tail),
    upper: quantileSorted(values, 1 - tail),
  };
}
