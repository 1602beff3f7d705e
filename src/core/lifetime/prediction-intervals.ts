/**
 * Per-customer intervals from parameter uncertainty: how much a customer's expected purchases,
 * P(alive) or CLV move when the fitted parameters move within their sampling error.
 *
 * Method: the log-parameters θ = ln p are asymptotically normal around θ̂ with covariance the
 * inverse observed information (the fit's `logCovariance`). `draws` seeded draws
 * θ* = θ̂ + L z (L Lᵀ = covariance, z standard normal) are pushed through the per-customer
 * formula; the interval is the (1 − level)/2 and (1 + level)/2 quantiles (type 7) of the
 * results. It reflects parameter uncertainty only, not the customer's own Poisson noise
 * (a "confidence" interval for the expectation, not a prediction interval for the count).
 */
import { invalid, mustBe } from '../messages.ts';
import { seededNormal, seededRandom } from '../math/random.ts';
import { quantileSorted } from '../math/quantile.ts';
import { customerLifetimeValue, type BtydClvOptions } from './btyd-clv.ts';
import type { GammaGammaParams } from './gamma-gamma.ts';
import { expectedPurchasesAll, isParetoNbd, pAliveAll, type PurchaseModelParams } from './score-all.ts';

/** Options of the draws. */
export interface DrawOptions {
  /** Number of parameter draws; default 200. */
  draws?: number;
  /** Seed of the generator; default 1. */
  seed?: number;
  /** Coverage of the interval; default 0.95. */
  level?: number;
}

/** Lower and upper bounds per customer. */
export interface IntervalColumns {
  lower: Float64Array;
  upper: Float64Array;
}

interface FitWithCovariance {
  logCovariance: number[][] | null;
}

function checkDrawOptions(options: DrawOptions): Required<DrawOptions> {
  const draws = options.draws ?? 200;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.95;
  if (!(Number.isInteger(draws) && draws >= 2)) {
    throw mustBe('draws', 'a whole number ≥ 2', { value: draws });
  }
  if (!Number.isFinite(seed)) throw mustBe('seed', 'a number', { value: seed });
  if (!(typeof level === 'number' && level > 0 && level < 1)) {
    throw mustBe('level', 'between 0 and 1', { value: level });
  }
  return { draws, seed, level };
}

/** Lower Cholesky factor of a positive definite matrix (the fits checked it is one). */
function cholesky(a: number[][]): number[][] {
  const k = a.length;
  const l = a.map(() => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    let d = a[j][j];
    for (let m = 0; m < j; m++) d -= l[j][m] * l[j][m];
    l[j][j] = Math.sqrt(Math.max(d, 0));
    for (let i = j + 1; i < k; i++) {
      let s = a[i][j];
      for (let m = 0; m < j; m++) s -= l[i][m] * l[j][m];
      l[i][j] = l[j][j] > 0 ? s / l[j][j] : 0;
    }
  }
  return l;
}

/**
 * Seeded draws of a fit's parameters from the asymptotic normal of its log-parameters.
 *
 * @param fit a fit with `logCovariance` (fitBgNbd, fitParetoNbd, fitGammaGamma)
 * @param names the parameter names in the covariance's order
 * @param options draws and seed
 * @returns `draws` parameter objects
 * @throws {InputError} when the fit has no covariance (its information matrix was singular)
 */
export function drawParameters<K extends string>(
  fit: Record<K, number> & FitWithCovariance,
  names: readonly K[],
  options: DrawOptions = {},
): Record<K, number>[] {
  const { draws, seed } = checkDrawOptions(options);
  if (!fit || !Array.isArray(fit.logCovariance) || fit.logCovariance.length !== names.length) {
    throw invalid('fit', 'has no covariance (logCovariance): refit, or its information matrix was singular');
  }
  const l = cholesky(fit.logCovariance);
  const normal = seededNormal(seededRandom(seed));
  const theta = names.map((name) => Math.log(fit[name]));
  const out: Record<K, number>[] = [];
  for (let d = 0; d < draws; d++) {
    const z = names.map(() => normal());
    const draw = {} as Record<K, number>;
    names.forEach((name, i) => {
      let shift = 0;
      for (let j = 0; j <= i; j++) shift += l[i][j] * z[j];
      draw[name] = Math.exp(theta[i] + shift);
    });
    out.push(draw);
  }
  return out;
}

/** Per-row quantiles over draws × n values (row-major by draw). */
function quantileColumns(values: Float64Array[], n: number, level: number): IntervalColumns {
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  const column = new Float64Array(values.length);
  for (let i = 0; i < n; i++) {
    for (let d = 0; d < values.length; d++) column[d] = values[d][i];
    column.sort();
    lower[i] = quantileSorted(column, (1 - level) / 2);
    upper[i] = quantileSorted(column, (1 + level) / 2);
  }
  return { lower, upper };
}

function purchaseNames(fit: PurchaseModelParams): readonly string[] {
  return isParetoNbd(fit) ? ['r', 'alpha', 's', 'beta'] : ['r', 'alpha', 'a', 'b'];
}

/**
 * Intervals for every customer's P(alive) and expected purchases in the next t, from the
 * uncertainty of a BG/NBD or Pareto/NBD fit (see the module comment for the method).
 *
 * Reference: the delta-free "parametric bootstrap from the asymptotic normal", e.g. King,
 * Tomz & Wittenberg (2000), "Making the most of statistical analyses", AJPS 44(2).
 * O(draws × scoring).
 *
 * @param fit the result of fitBgNbd or fitParetoNbd (with logCovariance)
 * @param summary table or rows with x, t_x, T
 * @param t forecast length in the summary's time unit
 * @param options draws (200), seed (1), level (0.95)
 * @returns `{ pAlive: { lower, upper }, expectedPurchases: { lower, upper } }`, per customer
 * @throws {InputError} for a fit without covariance, bad rows or options
 * @example purchaseIntervals(fitBgNbd(cdnow), cdnow, 39).expectedPurchases.upper[0]; // an upper bound for customer 1
 */
export function purchaseIntervals(
  fit: PurchaseModelParams & FitWithCovariance,
  summary: unknown,
  t: number,
  options: DrawOptions = {},
): { pAlive: IntervalColumns; expectedPurchases: IntervalColumns } {
  const { level } = checkDrawOptions(options);
  const names = purchaseNames(fit);
  const draws = drawParameters(fit as unknown as Record<string, number> & FitWithCovariance, names, options);
  const p = draws.map((draw) => pAliveAll(draw as unknown as PurchaseModelParams, summary));
  const e = draws.map((draw) => expectedPurchasesAll(draw as unknown as PurchaseModelParams, summary, t));
  const n = p[0].length;
  return { pAlive: quantileColumns(p, n, level), expectedPurchases: quantileColumns(e, n, level) };
}

/**
 * Intervals for every customer's CLV (`customerLifetimeValue`) from the uncertainty of both the
 * purchase fit (BG/NBD or Pareto/NBD) and the Gamma-Gamma fit, drawn independently (the two
 * models are fitted separately and assume independent processes).
 *
 * O(draws × customerLifetimeValue).
 *
 * @param summary table or rows with x, t_x, T, monetary
 * @param purchaseFit fitBgNbd or fitParetoNbd result
 * @param spendFit fitGammaGamma result
 * @param clvOptions as for customerLifetimeValue
 * @param options draws (200), seed (1), level (0.95)
 * @returns `{ lower, upper }` per customer, in row order
 * @throws {InputError} for fits without covariance, bad rows or options
 */
export function clvIntervals(
  summary: unknown,
  purchaseFit: PurchaseModelParams & FitWithCovariance,
  spendFit: GammaGammaParams & FitWithCovariance,
  clvOptions: BtydClvOptions,
  options: DrawOptions = {},
): IntervalColumns {
  const { level, seed } = checkDrawOptions(options);
  const purchaseDraws = drawParameters(
    purchaseFit as unknown as Record<string, number> & FitWithCovariance,
    purchaseNames(purchaseFit),
    options,
  );
  const spendDraws = drawParameters(spendFit, ['p', 'q', 'gamma'] as const, {
    ...options,
    seed: seed + 7919,
  });
  const values = purchaseDraws.map((draw, d) =>
    Float64Array.from(
      customerLifetimeValue(
        summary,
        draw as unknown as PurchaseModelParams,
        spendDraws[d],
        clvOptions,
      ).table.array('clv') as ArrayLike<number>,
    ),
  );
  return quantileColumns(values, values[0].length, level);
}
