/**
 * PLS path modeling (PLS-PM) of a satisfaction model such as the ECSI/ACSI, with the 0–100
 * customer satisfaction index of each construct.
 */
import { stated } from '../messages.ts';
import { correlationMatrix } from '../math/correlation.ts';
import { quantileSorted } from '../math/quantile.ts';
import { nameRecord } from '../table/named-columns.ts';
import { estimatePls, type PlsLayout, type PlsScheme } from './pls-algorithm.ts';
import { readSurveyColumns, type MissingPolicy } from './survey-columns.ts';
import { plsQuality, type PlsQuality } from './pls-quality/index.ts';
import { bootstrapInference, drawPlsBootstrap, sortedDraws, type BootstrapInference } from './pls-bootstrap.ts';

export type { PlsScheme } from './pls-algorithm.ts';
export type { PlsQuality } from './pls-quality/index.ts';
export type { BootstrapInference } from './pls-bootstrap.ts';

/** How a construct's outer weights are estimated: mode A (reflective) or mode B (formative composite). */
export type PlsMode = 'A' | 'B';

export interface PlsModel {
  /** Each construct's indicator columns. */
  blocks: Record<string, string[]>;
  /** Structural paths `[from, to]`; the graph must be acyclic. */
  paths: [string, string][];
  /**
   * Estimation mode per construct; a construct not listed is mode A. Mode A: w_i = cov(x_i, z)
   * (reflective). Mode B: w = R⁻¹ r(X, z), the regression of the inner estimate on the block
   * (formative composite); its indicators must not be collinear.
   */
  modes?: Record<string, PlsMode>;
}

export interface PlsBootstrapOptions {
  /** Number of resamples (≥ 2). */
  samples: number;
  /** Seed of the resampling (same seed, same result). */
  seed: number;
  /** Level of the percentile intervals; default 0.95. */
  level?: number;
}

export interface PlsOptions {
  /** Inner weighting scheme; default `'path'`. */
  scheme?: PlsScheme;
  /** Stop when Σ|w_new − w_old| < tolerance; default 1e-7. */
  tolerance?: number;
  /** Default 300. */
  maxIterations?: number;
  /** Lowest answer of the scale, for the indices; default the smallest value over all indicators. */
  scaleMin?: number;
  /** Highest answer of the scale; default the largest value over all indicators. */
  scaleMax?: number;
  /**
   * Constructs to compute a 0–100 index for: `'all'` (default), `'none'`, a list, or `'defined'`:
   * every construct whose outer weights are all positive, skipping the others without an error
   * (a mode B construct with a negative weight, a reverse-worded item) — they get no index.
   */
  indices?: 'all' | 'none' | 'defined' | string[];
  /** Orient every construct so that the sum of its loadings is positive; default false. */
  fixSigns?: boolean;
  /** Rows with a blank answer: dropped (`'listwise'`, default) or an error. */
  missing?: MissingPolicy;
  /** Bootstrap standard errors, t-values and percentile intervals of the paths, outer weights and loadings (and HTMT intervals); see ./pls-bootstrap.ts. */
  bootstrap?: PlsBootstrapOptions;
}

/** Bootstrap mean, standard error, t-value and percentile interval of a path (see ./pls-bootstrap.ts). */
export type PathInference = BootstrapInference;

export interface PlsResult {
  scheme: PlsScheme;
  /** `pathCoefficients[from][to]`, standardized. */
  pathCoefficients: Record<string, Record<string, number>>;
  /** R² of each endogenous construct. */
  rSquared: Record<string, number>;
  /** 1 − (1 − R²)(n − 1)/(n − k − 1), k the number of predecessors. */
  adjustedRSquared: Record<string, number>;
  /** Outer weights on the standardized indicators (scores have unit variance, n − 1). */
  outerWeights: Record<string, number>;
  /** Correlation of each indicator with its construct's score. */
  loadings: Record<string, number>;
  /** Standardized construct scores, one per kept respondent. */
  scores: Record<string, Float64Array>;
  /** `totalEffects[from][to]` for every construct reachable from `from`: direct plus indirect. */
  totalEffects: Record<string, Record<string, number>>;
  /** 0–100 index per construct (weighted by the unstandardized outer weights). */
  indices: Record<string, number>;
  /**
   * Each kept respondent's 0–100 score per indexed construct: the same rescaled weighted sum as
   * the index, so its mean is the index (IPMA's rescaled latent variable scores).
   */
  indexScores: Record<string, Float64Array>;
  /** 0–100 index per construct with equal item weights (mean of the item means), for contrast. */
  equalWeightIndices: Record<string, number>;
  /** The scale the indices are on. */
  scale: { min: number; max: number };
  /** Correlations of the construct scores, `latentCorrelations[a][b]`. */
  latentCorrelations: Record<string, Record<string, number>>;
  iterations: number;
  converged: boolean;
  /**
   * Measurement quality (seminr's definitions): α, ρ_A, ρ_C, AVE per construct; HTMT (with
   * bootstrap percentile intervals `low`/`high` when `bootstrap` is set); Fornell–Larcker; item
   * and inner VIFs; f² per path. See src/core/satisfaction/pls-quality/.
   */
  quality: PlsQuality;
  /** Respondents used and dropped (listwise deletion), with the dropped rows (0-based). */
  rows: { total: number; used: number; dropped: number; droppedRows: number[] };
  bootstrap?: {
    samples: number;
    /** Resamples that could not be estimated (a constant indicator, collinear scores). */
    failed: number;
    seed: number;
    level: number;
    paths: Record<string, Record<string, PathInference>>;
    /** Per indicator: its outer weight's inference (seminr's `bootstrapped_weights`). */
    weights: Record<string, BootstrapInference>;
    /** Per indicator: its loading's inference (seminr's `bootstrapped_loadings`). */
    loadings: Record<string, BootstrapInference>;
  };
}

function fail(message: string, argument: string, code: 'value' | 'na' | 'num' = 'value'): never {
  throw stated(argument, message, code);
}

/** Checks the model and turns it into index arrays; rejects cycles. */
function layoutModel(model: PlsModel): PlsLayout {
  if (typeof model !== 'object' || model === null) fail('model must be { blocks, paths }', 'model');
  const { blocks, paths } = model;
  if (typeof blocks !== 'object' || blocks === null || Object.keys(blocks).length < 2) {
    fail('blocks must name at least two constructs', 'blocks');
  }
  const constructs = Object.keys(blocks);
  const q = constructs.length;
  const index = new Map(constructs.map((name, b) => [name, b]));
  const indicators: string[] = [];
  const owner = new Map<string, string>();
  const blockStart = new Int32Array(q + 1);
  constructs.forEach((name, b) => {
    const items = blocks[name];
    if (!Array.isArray(items) || items.length === 0) {
      fail(`blocks: construct "${name}" has no indicators`, 'blocks');
    }
    for (const item of items) {
      if (typeof item !== 'string') fail(`blocks: construct "${name}" lists a non-text indicator (${JSON.stringify(item)})`, 'blocks');
      const previous = owner.get(item);
      if (previous !== undefined) {
        fail(`blocks: indicator "${item}" is in both "${previous}" and "${name}"`, 'blocks');
      }
      owner.set(item, name);
      indicators.push(item);
    }
    blockStart[b + 1] = indicators.length;
  });
  const p = indicators.length;
  const blockOf = new Int32Array(p);
  for (let b = 0; b < q; b++) for (let i = blockStart[b]; i < blockStart[b + 1]; i++) blockOf[i] = b;

  if (!Array.isArray(paths) || paths.length === 0) fail('paths must list at least one [from, to] pair', 'paths');
  const predecessors: number[][] = constructs.map(() => []);
  const successors: number[][] = constructs.map(() => []);
  const adjacent = new Uint8Array(q * q);
  paths.forEach((path, k) => {
    if (!Array.isArray(path) || path.length !== 2) fail(`paths: item ${k + 1} is not a [from, to] pair`, 'paths');
    const [from, to] = path;
    for (const end of [from, to]) {
      if (!index.has(end)) fail(`paths: construct "${end}" (path ${k + 1}) is not in blocks`, 'paths');
    }
    const a = index.get(from)!;
    const b = index.get(to)!;
    if (a === b) fail(`paths: the model has a cycle (${from} → ${from})`, 'paths');
    if (adjacent[a * q + b]) fail(`paths: ${from} and ${to} are joined twice (path ${k + 1})`, 'paths');
    adjacent[a * q + b] = adjacent[b * q + a] = 1;
    predecessors[b].push(a);
    successors[a].push(b);
  });
  for (let b = 0; b < q; b++) {
    if (predecessors[b].length + successors[b].length === 0) {
      fail(`paths: construct "${constructs[b]}" is in no path (PLS estimates each construct from its neighbours)`, 'paths');
    }
  }
  // Depth-first search for a cycle, to name it.
  const state = new Uint8Array(q); // 0 new, 1 on the stack, 2 done
  const stack: number[] = [];
  const visit = (a: number): void => {
    state[a] = 1;
    stack.push(a);
    for (const b of successors[a]) {
      if (state[b] === 1) {
        const cycle = stack.slice(stack.indexOf(b)).concat(b).map((x) => constructs[x]);
        fail(`paths: the model has a cycle (${cycle.join(' → ')})`, 'paths');
      }
      if (state[b] === 0) visit(b);
    }
    stack.pop();
    state[a] = 2;
  };
  for (let a = 0; a < q; a++) if (state[a] === 0) visit(a);
  return { constructs, indicators, q, p, blockStart, blockOf, predecessors, adjacent, formative: formativeFlags(model.modes, index) };
}

/** formative[b] = 1 for the constructs `modes` puts in mode B (own entries only: names are data). */
function formativeFlags(modes: unknown, index: Map<string, number>): Uint8Array {
  const formative = new Uint8Array(index.size);
  if (modes === undefined) return formative;
  if (typeof modes !== 'object' || modes === null || Array.isArray(modes)) {
    fail(`modes must map constructs to 'A' or 'B' (got ${JSON.stringify(modes)})`, 'modes');
  }
  for (const [name, mode] of Object.entries(modes)) {
    const b = index.get(name);
    if (b === undefined) fail(`modes: construct "${name}" is not in blocks`, 'modes');
    if (mode !== 'A' && mode !== 'B') fail(`modes: construct "${name}" has mode ${JSON.stringify(mode)}; use 'A' or 'B'`, 'modes');
    formative[b] = mode === 'B' ? 1 : 0;
  }
  return formative;
}

function checkOptions(options: PlsOptions): Required<Pick<PlsOptions, 'scheme' | 'tolerance' | 'maxIterations'>> {
  const { scheme = 'path', tolerance = 1e-7, maxIterations = 300 } = options;
  if (scheme !== 'path' && scheme !== 'centroid' && scheme !== 'factorial') {
    fail(`scheme must be 'path', 'centroid' or 'factorial' (got ${JSON.stringify(scheme)})`, 'scheme');
  }
  if (!(typeof tolerance === 'number' && tolerance > 0)) fail(`tolerance must be positive (got ${tolerance})`, 'tolerance', 'num');
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) {
    fail(`maxIterations must be a positive integer (got ${maxIterations})`, 'maxIterations', 'num');
  }
  if (options.bootstrap) {
    const { samples, seed, level = 0.95 } = options.bootstrap;
    if (!(Number.isInteger(samples) && samples >= 2)) fail(`bootstrap.samples must be an integer ≥ 2 (got ${samples})`, 'bootstrap', 'num');
    if (!Number.isInteger(seed)) fail(`bootstrap.seed must be an integer (got ${seed})`, 'bootstrap', 'num');
    if (!(level > 0 && level < 1)) fail(`bootstrap.level must be between 0 and 1 (got ${level})`, 'bootstrap', 'num');
  }
  return { scheme, tolerance, maxIterations };
}

/** Pairwise map `[a][b]` of a q × q row-major matrix, keeping the pairs `keep` accepts. */
function pairs(
  matrix: Float64Array,
  constructs: string[],
  keep: (a: number, b: number) => boolean,
): Record<string, Record<string, number>> {
  const q = constructs.length;
  // Construct names are user text (`__proto__`, `constructor` …): null-prototype records.
  const out = nameRecord<Record<string, number>>();
  for (let a = 0; a < q; a++) {
    for (let b = 0; b < q; b++) {
      if (!keep(a, b)) continue;
      (out[constructs[a]] ??= nameRecord())[constructs[b]] = matrix[a * q + b];
    }
  }
  return out;
}

/** Total effects T = B + B² + … (B is nilpotent in an acyclic model) and which pairs a path joins. */
function totalEffectsOf(paths: Float64Array, layout: PlsLayout): { total: Float64Array; reach: Uint8Array } {
  const { q, predecessors } = layout;
  const edge = new Uint8Array(q * q);
  for (let b = 0; b < q; b++) for (const a of predecessors[b]) edge[a * q + b] = 1;
  const total = new Float64Array(q * q);
  const reach = new Uint8Array(q * q);
  let power = paths.slice();
  let powerReach = edge.slice();
  for (let step = 0; step < q; step++) {
    for (let i = 0; i < q * q; i++) {
      total[i] += power[i];
      reach[i] |= powerReach[i];
    }
    const nextPower = new Float64Array(q * q);
    const nextReach = new Uint8Array(q * q);
    for (let a = 0; a < q; a++) {
      for (let k = 0; k < q; k++) {
        if (!powerReach[a * q + k]) continue;
        for (let b = 0; b < q; b++) {
          if (!edge[k * q + b]) continue;
          nextPower[a * q + b] += power[a * q + k] * paths[k * q + b];
          nextReach[a * q + b] = 1;
        }
      }
    }
    power = nextPower;
    powerReach = nextReach;
  }
  return { total, reach };
}

/**
 * PLS path model (PLS-PM, "soft modeling"): estimates each construct of a structural model as a
 * weighted sum of its standardized indicators (mode A: reflective, or mode B: formative composite,
 * per `model.modes`), alternating inner estimates
 * from the neighbouring constructs (path, centroid or factorial scheme) and outer weights, until
 * the weights settle; then the paths by least squares on the construct scores. The index of a
 * construct (ACSI/ECSI convention) rescales the outer weights to the items' units
 * (w̃_i ∝ w_i / sd_i, Σ w̃_i = 1) and maps Σ w̃_i · mean_i from [scaleMin, scaleMax] to 0–100.
 *
 * References: Wold (1982), "Soft modeling: the basic design and some extensions", in Jöreskog &
 * Wold (eds.), Systems under Indirect Observation II; Lohmöller (1989), "Latent Variable Path
 * Modeling with Partial Least Squares"; Tenenhaus, Esposito Vinzi, Chatelin & Lauro (2005), "PLS
 * path modeling", Computational Statistics & Data Analysis 48; Fornell et al. (1996), "The
 * American Customer Satisfaction Index", Journal of Marketing 60(4) (the index).
 *
 * Complexity: O(n p²) to build the indicator correlation matrix, then O(p² q) per iteration
 * whatever n; O(n p) for the scores; each bootstrap resample O(n p²).
 *
 * @param table respondents × items: an Arquero table or an array of row objects
 * @param model `{ blocks: { construct: [columns] }, paths: [[from, to], …], modes?: { construct: 'A' | 'B' } }`
 * @param options scheme, tolerance, maxIterations, scaleMin/scaleMax, indices, fixSigns,
 *   missing, bootstrap (see {@link PlsOptions})
 * @returns paths, R² (and adjusted), outer weights, loadings, scores, total effects, 0–100
 *   indices, iterations, converged, rows used/dropped and the optional bootstrap inference
 * @throws {InputError} for a cycle, a construct without indicators or in no path, a missing
 *   column, a non-numeric or constant indicator, a blank under `missing: 'error'`, collinear
 *   construct scores, collinear indicators of a mode B construct, a bad `modes` entry, or a
 *   non-positive outer weight in a construct whose index is asked for (mode B weights can be
 *   negative: leave such a construct out of `indices`, or pass `indices: 'defined'`)
 * @example
 * const rows = [
 *   { a1: 1, a2: 2, b1: 2, b2: 1 }, { a1: 2, a2: 2, b1: 3, b2: 2 }, { a1: 3, a2: 4, b1: 3, b2: 4 },
 *   { a1: 4, a2: 3, b1: 5, b2: 4 }, { a1: 5, a2: 5, b1: 4, b2: 5 },
 * ];
 * const fit = plsPathModel(rows, { blocks: { A: ['a1', 'a2'], B: ['b1', 'b2'] }, paths: [['A', 'B']] });
 * fit.pathCoefficients.A.B; // => 0.9137 (to 4 dp)
 * fit.indices.B; // => 57.5121 (to 4 dp; scale 1..5 observed)
 */
export function plsPathModel(table: unknown, model: PlsModel, options: PlsOptions = {}): PlsResult {
  const layout = layoutModel(model);
  const { scheme, tolerance, maxIterations } = checkOptions(options);
  const { constructs, indicators, q, p, blockStart, predecessors } = layout;
  const fixSigns = options.fixSigns ?? false;

  const wanted = options.indices ?? 'all';
  let indexConstructs: number[];
  if (wanted === 'all' || wanted === 'defined') indexConstructs = constructs.map((_, b) => b);
  else if (wanted === 'none') indexConstructs = [];
  else if (Array.isArray(wanted)) {
    indexConstructs = wanted.map((name) => {
      const b = constructs.indexOf(name);
      if (b < 0) fail(`indices: construct "${name}" is not in blocks`, 'indices', 'na');
      return b;
    });
  } else fail(`indices must be 'all', 'none' or a list of constructs`, 'indices');

  const survey = readSurveyColumns(table, indicators, 'blocks', options.missing ?? 'listwise');
  const { data, n } = survey;
  const { means, sds, matrix } = correlationMatrix(data, n, p);
  for (let i = 0; i < p; i++) {
    if (sds[i] === 0) {
      fail(`blocks: indicator "${indicators[i]}" is constant (every used answer is ${means[i]})`, 'blocks');
    }
  }

  const settings = { scheme, tolerance, maxIterations, fixSigns };
  const estimate = estimatePls(matrix, layout, settings);
  const { weights, loadings, paths } = estimate;

  // Scores on the standardized indicators: y_b = Σ (w_i / sd_i) x_i − Σ (w_i / sd_i) mean_i.
  const scores = nameRecord<Float64Array>();
  for (let b = 0; b < q; b++) {
    const y = new Float64Array(n);
    let offset = 0;
    for (let i = blockStart[b]; i < blockStart[b + 1]; i++) {
      const coefficient = weights[i] / sds[i];
      offset += coefficient * means[i];
      const column = i * n;
      for (let r = 0; r < n; r++) y[r] += coefficient * data[column + r];
    }
    for (let r = 0; r < n; r++) y[r] -= offset;
    scores[constructs[b]] = y;
  }

  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < data.length; k++) {
    if (data[k] < min) min = data[k];
    if (data[k] > max) max = data[k];
  }
  const scaleMin = options.scaleMin ?? min;
  const scaleMax = options.scaleMax ?? max;
  if (!(Number.isFinite(scaleMin) && Number.isFinite(scaleMax) && scaleMin < scaleMax)) {
    fail(`scaleMin must be below scaleMax (got ${scaleMin} and ${scaleMax})`, 'scaleMin', 'num');
  }
  const rescale = (value: number) => ((value - scaleMin) / (scaleMax - scaleMin)) * 100;
  const indices = nameRecord<number>();
  const equalWeightIndices = nameRecord<number>();
  const indexScores: Record<string, Float64Array> = Object.create(null);
  const hasPositiveWeights = (b: number) => weights.subarray(blockStart[b], blockStart[b + 1]).every((w) => w > 0);
  if (wanted === 'defined') indexConstructs = indexConstructs.filter(hasPositiveWeights);
  for (const b of indexConstructs) {
    let weightSum = 0;
    let weighted = 0;
    let meanSum = 0;
    for (let i = blockStart[b]; i < blockStart[b + 1]; i++) {
      if (!(weights[i] > 0)) {
        fail(
          `indices: the outer weight of indicator "${indicators[i]}" in "${constructs[b]}" is ${weights[i]}; a 0–100 index needs positive weights (reverse-code the item, or leave "${constructs[b]}" out of options.indices)`,
          'indices',
          'num',
        );
      }
      const unstandardized = weights[i] / sds[i];
      weightSum += unstandardized;
      weighted += unstandardized * means[i];
      meanSum += means[i];
    }
    indices[constructs[b]] = rescale(weighted / weightSum);
    const perRespondent = new Float64Array(n);
    for (let i = blockStart[b]; i < blockStart[b + 1]; i++) {
      const share = weights[i] / sds[i] / weightSum;
      const column = i * n;
      for (let r = 0; r < n; r++) perRespondent[r] += share * data[column + r];
    }
    for (let r = 0; r < n; r++) perRespondent[r] = rescale(perRespondent[r]);
    indexScores[constructs[b]] = perRespondent;
    equalWeightIndices[constructs[b]] = rescale(meanSum / (blockStart[b + 1] - blockStart[b]));
  }

  const rSquared = nameRecord<number>();
  const adjustedRSquared = nameRecord<number>();
  for (let b = 0; b < q; b++) {
    const k = predecessors[b].length;
    if (k === 0) continue;
    const r2 = estimate.rSquared[b];
    rSquared[constructs[b]] = r2;
    adjustedRSquared[constructs[b]] = n - k - 1 > 0 ? 1 - ((1 - r2) * (n - 1)) / (n - k - 1) : NaN;
  }
  const outerWeights = nameRecord<number>();
  const loadingMap = nameRecord<number>();
  for (let i = 0; i < p; i++) {
    outerWeights[indicators[i]] = weights[i];
    loadingMap[indicators[i]] = loadings[i];
  }
  const isPath = (a: number, b: number) => predecessors[b].includes(a);
  const { total, reach } = totalEffectsOf(paths, layout);

  const result: PlsResult = {
    scheme,
    pathCoefficients: pairs(paths, constructs, isPath),
    rSquared,
    adjustedRSquared,
    outerWeights,
    loadings: loadingMap,
    scores,
    totalEffects: pairs(total, constructs, (a, b) => reach[a * q + b] === 1),
    indices,
    indexScores,
    equalWeightIndices,
    scale: { min: scaleMin, max: scaleMax },
    latentCorrelations: pairs(estimate.latentCorrelations, constructs, () => true),
    quality: undefined as unknown as PlsQuality, // defined below: computed on first read
    iterations: estimate.iterations,
    converged: estimate.converged,
    rows: {
      total: survey.totalRows,
      used: n,
      dropped: survey.droppedRows.length,
      droppedRows: survey.droppedRows,
    },
  };
  // Quality re-estimates the model once per path (f²): computed on first read and kept, so that
  // fits that never look at it (benchmarks, formulas, the pane before it shows quality) stay fast.
  let quality: PlsQuality | undefined;
  Object.defineProperty(result, 'quality', {
    enumerable: true,
    get: () => (quality ??= plsQuality(matrix, layout, estimate, settings)),
  });

  if (options.bootstrap) {
    const { samples, seed, level = 0.95 } = options.bootstrap;
    const draws = drawPlsBootstrap(data, n, layout, settings, weights, samples, seed);
    const { good } = draws;
    const inference = nameRecord<Record<string, PathInference>>();
    draws.pathList.forEach(([a, b], k) => {
      (inference[constructs[a]] ??= nameRecord())[constructs[b]] = bootstrapInference(draws.paths[k], good, paths[a * q + b], level);
    });
    const weightInference = nameRecord<BootstrapInference>();
    const loadingInference = nameRecord<BootstrapInference>();
    for (let i = 0; i < p; i++) {
      weightInference[indicators[i]] = bootstrapInference(draws.weights[i], good, weights[i], level);
      loadingInference[indicators[i]] = bootstrapInference(draws.loadings[i], good, loadings[i], level);
    }
    result.bootstrap = {
      samples,
      failed: draws.failed,
      seed,
      level,
      paths: inference,
      weights: weightInference,
      loadings: loadingInference,
    };
    const tail = (1 - level) / 2;
    result.quality.htmt.forEach((row, k) => {
      const values = sortedDraws(draws.htmt[k], good);
      if (values.some((v) => !Number.isFinite(v))) return;
      row.low = quantileSorted(values, tail);
      row.high = quantileSorted(values, 1 - tail);
    });
    for (const row of result.quality.formative) {
      for (const item of row.weights) {
        item.low = weightInference[item.item].lower;
        item.high = weightInference[item.item].upper;
      }
    }
  }
  return result;
}
