/**
 * The Pareto/NBD model's individual-level quantities: the log-likelihood (with its gradient, for
 * the fit in `pareto-nbd-fit.ts`), P(alive) and conditional expected purchases.
 *
 * Model (Schmittlein, Morrison & Colombo 1987): while active, a customer buys as a Poisson process
 * with rate λ ~ Gamma(r, α); the customer's lifetime is exponential with rate μ ~ Gamma(s, β).
 * Time is in the unit the summary was built in.
 *
 * Numerics. The likelihood carries the term (Fader & Hardie 2005, "A note on deriving the
 * Pareto/NBD model and related expressions", eq. 22)
 *   A₀ = ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+t_x)) / (α+t_x)^(r+s+x) − (same at T)      (α ≥ β)
 *   A₀ = ₂F₁(r+s+x, r+x; r+s+x+1; (β−α)/(β+t_x)) / (β+t_x)^(r+s+x) − (same at T)      (α < β)
 * Euler's transformation ₂F₁(a, b; c; z) = (1−z)^(c−a−b) ₂F₁(c−a, c−b; c; z) turns each ₂F₁ into
 * F(1, b'; c; z) = Σₙ (b')ₙ/(c)ₙ zⁿ with b' < c and 0 ≤ z < 1: every term is positive and
 * smaller than the one before, so the sum has no cancellation, its tail is bounded by
 * tₙ z/(1 − z), and large x shortens it rather than lengthening it. Everything is then scaled by
 * (α+T)^(−(r+x)) (β+T)^(−s) and kept in log space, so that large x, t_x and T neither overflow
 * nor underflow, and the α ≥ β / α < β switch is continuous (both forms agree at α = β, z = 0).
 * The number of terms grows like 1/(1 − z) ≤ max(α, β)/min(α, β): a ratio of α to β beyond
 * about 10⁶ is refused.
 */
import { invalid, mustBe, stated } from '../messages.ts';
import { digamma, logGamma } from '../math/gamma.ts';
import { checkHorizon, checkRfm } from './btyd-data.ts';
import type { XTPairs } from './xt-pairs.ts';

/** Pareto/NBD parameters: purchase rate λ ~ Gamma(r, α), dropout rate μ ~ Gamma(s, β). */
export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/**
 * Largest r, α, s, β accepted: the range a fit reports (1e-6..1e6, as for BG/NBD); a value beyond
 * it is a typing error (s = 1e300), not an estimate.
 */
export const MAX_PARETONBD_PARAMETER = 1e6;

/** @throws {InputError} unless r, α, s, β are positive numbers up to 1e6, α and β at most 1e6 times apart. */
export function checkParetoNbdParams(params: ParetoNbdParams): void {
  if (params === null || typeof params !== 'object') {
    throw invalid('params', 'must be an object { r, alpha, s, beta }');
  }
  for (const name of ['r', 'alpha', 's', 'beta'] as const) {
    const v = params[name];
    if (!(typeof v === 'number' && Number.isFinite(v) && v > 0)) {
      throw mustBe(name, 'a positive number', { value: v, code: 'num' });
    }
    if (v > MAX_PARETONBD_PARAMETER) {
      throw mustBe(name, 'at most 1e6', { value: v, code: 'num' });
    }
  }
  const ratio = Math.max(params.alpha, params.beta) / Math.min(params.alpha, params.beta);
  if (!(ratio <= MAX_SCALE_RATIO)) {
    // Name the two values, not their ratio: it overflows to Infinity for a denormal scale.
    throw stated('params', `alpha and beta are too far apart for the Pareto/NBD series (alpha ${params.alpha}, beta ${params.beta}; the larger may be at most ${MAX_SCALE_RATIO} times the smaller)`, 'num');
  }
}

/** Largest max(α, β) / min(α, β) accepted: the series then needs up to ~4·10⁷ terms at worst. */
export const MAX_SCALE_RATIO = 1e6;
const MAX_TERMS = 50_000_000;
const TAIL = 2 ** -56;

/**
 * F(1, b; c; z) = Σₙ (b)ₙ/(c)ₙ zⁿ for 0 < b < c, 0 ≤ z < 1. Terms fall monotonically; the sum
 * stops when the bound on the tail, tₙ z/(1 − z), is below 2⁻⁵⁶ of it. NaN if it runs too long.
 * `ratios`, when given, holds (b+n)/(c+n) for its first n (see `termRatios`): the same sum
 * without a division per term, for many z with one (b, c).
 */
export function seriesOneB(b: number, c: number, z: number, ratios: Float64Array = NO_RATIOS): number {
  if (z === 0) return 1;
  const tailFactor = z / (1 - z);
  const known = ratios.length;
  let term = 1;
  let total = 1;
  for (let n = 0; n < MAX_TERMS; n++) {
    term *= (n < known ? ratios[n] : (b + n) / (c + n)) * z;
    total += term;
    if (term * tailFactor <= TAIL * total) return total;
  }
  return NaN;
}

// Float64Array like every table, so that the loop's element access sees one kind of array.
const NO_RATIOS = new Float64Array(0);

/**
 * (b+n)/(c+n) for n = 0 … up to the number of terms `seriesOneB` needs at `zMax` (at most 4,096),
 * computed as `seriesOneB` computes them, so that sums over the table are identical.
 */
export function termRatios(b: number, c: number, zMax: number): Float64Array {
  // Terms fall at least by z per step: zⁿ ≤ 2⁻⁵⁶ (1 − z) bounds the count.
  const length = zMax <= 0 ? 0 : Math.min(4096, Math.ceil(Math.log(TAIL * (1 - zMax)) / Math.log(zMax)) + 1);
  const ratios = new Float64Array(length);
  for (let n = 0; n < length; n++) ratios[n] = (b + n) / (c + n);
  return ratios;
}

/**
 * F(1, b; c; z) with its partial derivatives in b, c and z, written to `out` as
 * [F, ∂F/∂b, ∂F/∂c, ∂F/∂z]. Term n is tₙ = (b)ₙ/(c)ₙ zⁿ; ∂tₙ/∂b = tₙ Σ_{j<n} 1/(b+j),
 * ∂tₙ/∂c = −tₙ Σ_{j<n} 1/(c+j), ∂tₙ/∂z = n tₙ / z (carried without dividing by z).
 */
export function seriesOneBWithDerivatives(b: number, c: number, z: number, out: Float64Array): void {
  const tailFactor = 1 / (1 - z);
  let total = 1;
  let db = 0;
  let dc = 0;
  let dz = 0;
  let q = b / c; // qₙ = (b)ₙ/(c)ₙ z^(n−1), so tₙ = qₙ z and ∂tₙ/∂z = n qₙ
  let sumB = 1 / b; // Σ_{j<n} 1/(b+j)
  let sumC = 1 / c;
  for (let n = 1; n <= MAX_TERMS; n++) {
    const term = q * z;
    total += term;
    db += term * sumB;
    dc -= term * sumC;
    dz += n * q;
    // Tails: Σ_{k>n} tₖ ≤ tₙ z/(1−z); the b and c sums grow like ln k; Σ_{k>n} k qₖ ≤ qₙ (n+1)/(1−z)².
    if (z === 0 || q * (n + 1) * (1 + sumB + sumC) * tailFactor * tailFactor <= TAIL * total) {
      out[0] = total;
      out[1] = db;
      out[2] = dc;
      out[3] = dz;
      return;
    }
    const bn = b + n;
    const inverseCn = 1 / (c + n);
    q *= bn * inverseCn * z;
    sumB += 1 / bn;
    sumC += inverseCn;
  }
  out.fill(NaN);
}

const seriesT = new Float64Array(4);
const seriesX = new Float64Array(4);

/**
 * One customer's Pareto/NBD log-likelihood
 * ln[ Γ(r+x) α^r β^s / Γ(r) · ((α+T)^(−(r+x)) (β+T)^(−s) + s/(r+s+x) · A₀) ],
 * and, when `gradient` is given, its derivatives in (r, α, s, β) written there. Inputs are not
 * checked (the fit checks them once). NaN when the series runs too long.
 *
 * Reference: Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related
 * expressions", eq. 22; Schmittlein, Morrison & Colombo (1987), Management Science 33(1).
 */
export function paretoNbdLogLikelihoodUnchecked(
  params: ParetoNbdParams,
  x: number,
  tx: number,
  T: number,
  gradient?: Float64Array,
): number {
  const { r, alpha, s, beta } = params;
  const m = r + x;
  const a = m + s;
  const logAT = Math.log(alpha + T);
  const logBT = Math.log(beta + T);
  const logK = Math.log(s) - Math.log(a);
  const logScale = -m * logAT - s * logBT;
  const constant = r * Math.log(alpha) + s * Math.log(beta) + logGamma(m) - logGamma(r);
  const alphaFirst = alpha >= beta;
  // E(u) + ln F(u) for u = T and u = t_x: the two terms of A₀ relative to the scale.
  const logTerm = (u: number, out: Float64Array): number => {
    const la = Math.log(alpha + u);
    const lb = Math.log(beta + u);
    let e = m * (logAT - la) + s * (logBT - lb);
    let z: number;
    if (alphaFirst) {
      z = (alpha - beta) / (alpha + u);
      if (gradient) seriesOneBWithDerivatives(m, a + 1, z, out);
      else out[0] = seriesOneB(m, a + 1, z);
    } else {
      z = (beta - alpha) / (beta + u);
      e += la - lb;
      if (gradient) seriesOneBWithDerivatives(s + 1, a + 1, z, out);
      else out[0] = seriesOneB(s + 1, a + 1, z);
    }
    return logK + e + Math.log(out[0]);
  };
  const logPT = logTerm(T, seriesT);
  const logPX = tx === T ? logPT : logTerm(tx, seriesX);
  if (tx === T && gradient) seriesX.set(seriesT);
  // R = 1 − P(T) + P(t_x) ≥ 1, where P(T) ≤ 1 (it is the part of the dropout density beyond T).
  const pT = Math.exp(logPT);
  const p0 = Math.max(0, 1 - pT);
  const logR = logPX > 0 ? logPX + Math.log1p(p0 * Math.exp(-logPX)) : Math.log(p0 + Math.exp(logPX));
  if (gradient) {
    const wT = Math.exp(logPT - logR);
    const wX = Math.exp(logPX - logR);
    const dR = [0, 0, 0, 0];
    const add = (u: number, series: Float64Array, weight: number) => {
      const au = alpha + u;
      const bu = beta + u;
      const [f, fb, fc, fz] = series;
      const dr = logAT - Math.log(au) - 1 / a;
      const ds = logBT - Math.log(bu) + 1 / s - 1 / a;
      let dAlpha = m * (1 / (alpha + T) - 1 / au);
      let dBeta = s * (1 / (beta + T) - 1 / bu);
      let gr: number;
      let gs: number;
      if (alphaFirst) {
        gr = (fb + fc) / f;
        gs = fc / f;
        dAlpha += ((fz / f) * bu) / (au * au);
        dBeta -= fz / f / au;
      } else {
        gr = fc / f;
        gs = (fb + fc) / f;
        dAlpha += 1 / au - fz / f / bu;
        dBeta += -1 / bu + ((fz / f) * au) / (bu * bu);
      }
      dR[0] += weight * (dr + gr);
      dR[1] += weight * dAlpha;
      dR[2] += weight * (ds + gs);
      dR[3] += weight * dBeta;
    };
    add(tx, seriesX, wX);
    add(T, seriesT, -wT);
    gradient[0] = Math.log(alpha) + digamma(m) - digamma(r) - logAT + dR[0];
    gradient[1] = r / alpha - m / (alpha + T) + dR[1];
    gradient[2] = Math.log(beta) - logBT + dR[2];
    gradient[3] = s / beta - s / (beta + T) + dR[3];
  }
  return constant + logScale + logR;
}

/**
 * ln of the dropout term of A₀ at u relative to the scale (α+T)^(−(r+x)) (β+T)^(−s), times
 * s/(r+s+x): ln P(u) in R = 1 − P(T) + P(t_x), where P(alive) = 1/R. Value-only (no gradient).
 */
export function dropoutTermLog(params: ParetoNbdParams, x: number, u: number, T: number): number {
  const { r, alpha, s, beta } = params;
  const m = r + x;
  const a = m + s;
  const la = Math.log(alpha + u);
  const lb = Math.log(beta + u);
  const e = m * (Math.log(alpha + T) - la) + s * (Math.log(beta + T) - lb) + Math.log(s / a);
  if (alpha >= beta) return e + Math.log(seriesOneB(m, a + 1, (alpha - beta) / (alpha + u)));
  return e + la - lb + Math.log(seriesOneB(s + 1, a + 1, (beta - alpha) / (beta + u)));
}

/** P(alive) = 1/R from the two dropout terms ln P(t_x) and ln P(T) (see `dropoutTermLog`). */
export function pAliveFromTerms(logPX: number, logPT: number): number {
  const p0 = Math.max(0, 1 - Math.exp(logPT));
  const logR = logPX > 0 ? logPX + Math.log1p(p0 * Math.exp(-logPX)) : Math.log(p0 + Math.exp(logPX));
  return Math.exp(-logR);
}

/** P(alive) without checks (parameters and history already validated). */
export function paretoNbdPAliveUnchecked(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  if (tx === T) return 1;
  return pAliveFromTerms(dropoutTermLog(params, x, tx, T), dropoutTermLog(params, x, T, T));
}

/**
 * P(alive) of many customers whose rows are already checked, in row order, times `factor` of the
 * row's (x, T) pair when one is given: the terms of `paretoNbdPAliveUnchecked`, rearranged for
 * speed. Per repeat buyer: one series (its term ratios shared by all customers with the same x),
 * two logarithms and one exponential: P(t_x) = exp(m ln((α+T)/(α+t_x)) + s ln((β+T)/(β+t_x))) ·
 * s F / (r+s+x), times (α+t_x)/(β+t_x) when α < β. 1 − P(T) depends on (x, T) only, and the
 * P(alive) of customers without repeat purchases on T only: each is computed once per pair.
 *
 * @param pairs the rows' distinct (x, T) pairs (`indexXTPairs`)
 * @param factor one value per pair, or undefined for P(alive) itself
 */
export function paretoNbdScoreRows(
  params: ParetoNbdParams,
  rows: { x: ArrayLike<number>; tx: ArrayLike<number>; T: ArrayLike<number> },
  pairs: XTPairs,
  factor?: Float64Array,
): Float64Array {
  const { rest, noRepeat } = pairTerms(params, pairs, factor);
  const out = new Float64Array(rows.x.length);
  scoreEachRow(params.r, params.alpha, params.s, params.beta, rows.x, rows.tx, rows.T, pairs.ids, rest, noRepeat, factor, out);
  return out;
}

/**
 * The per-row loop of `paretoNbdScoreRows`, on numbers and arrays only: given objects, V8's
 * inlining made the same loop run 1.3–1.9× slower depending on which caller it met first.
 */
function scoreEachRow(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
  ids: Int32Array,
  rest: Float64Array,
  noRepeat: Float64Array,
  factor: Float64Array | undefined,
  out: Float64Array,
): void {
  const alphaFirst = alpha >= beta;
  const gap = Math.abs(alpha - beta);
  // The series' term ratios depend on x only: one table per x (below 1,024; larger x divide).
  const zMax = alphaFirst ? gap / alpha : gap / beta;
  const ratiosOfX: (Float64Array | undefined)[] = [];
  for (let i = 0; i < out.length; i++) {
    const xi = x[i];
    const Ti = T[i];
    const u = tx[i];
    const id = ids[i];
    if (u === Ti) {
      out[i] = factor === undefined ? 1 : factor[id];
      continue;
    }
    if (xi === 0) {
      out[i] = noRepeat[id];
      continue;
    }
    const m = r + xi;
    const a = m + s;
    const au = alpha + u;
    const bu = beta + u;
    let ratios = xi < 1024 ? ratiosOfX[xi] : NO_RATIOS;
    if (ratios === undefined) {
      ratios = alphaFirst ? termRatios(m, a + 1, zMax) : termRatios(s + 1, a + 1, zMax);
      ratiosOfX[xi] = ratios;
    }
    const last = alphaFirst ? (s * seriesOneB(m, a + 1, gap / au, ratios)) / a : (s * seriesOneB(s + 1, a + 1, gap / bu, ratios) * au) / (a * bu);
    // P(t_x) = e^scale · last, scale ≥ 0 (t_x ≤ T), last ≤ s/(r+s+x)/(1 − z) < 1e12.
    const scale = m * Math.log((alpha + Ti) / au) + s * Math.log((beta + Ti) / bu);
    // R = rest + P(t_x); beyond e⁶⁵⁰ P(t_x) could overflow: ln R in log space, as pAliveFromTerms.
    let pAlive: number;
    if (scale < 650) {
      pAlive = 1 / (rest[id] + Math.exp(scale) * last);
    } else {
      const logPX = scale + Math.log(last);
      pAlive = Math.exp(-logPX - Math.log1p(rest[id] * Math.exp(-logPX)));
    }
    out[i] = factor === undefined ? pAlive : pAlive * factor[id];
  }
}

/**
 * Per (x, T) pair: 1 − P(T), the rest of R, and the whole score (P(alive) times the factor) of a
 * customer without repeat purchases. Kept apart from the per-row loop, which then touches no
 * object: with these calls inlined, that loop ran 1.6× slower.
 */
function pairTerms(params: ParetoNbdParams, pairs: XTPairs, factor?: Float64Array): { rest: Float64Array; noRepeat: Float64Array } {
  const rest = new Float64Array(pairs.count);
  const noRepeat = new Float64Array(pairs.count);
  for (let k = 0; k < pairs.count; k++) {
    const Tk = pairs.T[k];
    rest[k] = Math.max(0, 1 - Math.exp(dropoutTermLog(params, pairs.x[k], Tk, Tk)));
    if (pairs.x[k] === 0) noRepeat[k] = paretoNbdPAliveUnchecked(params, 0, 0, Tk) * (factor === undefined ? 1 : factor[k]);
  }
  return { rest, noRepeat };
}

/**
 * [1 − ((β+T)/(β+T+t))^(s−1)] / (s − 1), continuous through s = 1 (where it is ln(1 + t/(β+T))).
 */
function dropoutHorizon(s: number, beta: number, T: number, t: number): number {
  const l = Math.log1p(t / (beta + T));
  const g = s - 1;
  if (Math.abs(g * l) < 1e-8) return l * (1 - (g * l) / 2);
  return -Math.expm1(-g * l) / g;
}

/**
 * E[Y(t) | x, t_x, T] / P(alive | x, t_x, T), which does not depend on t_x: the expectation of a
 * customer known to be alive at T, ((r+x)(β+T)/(α+T)) · [1 − ((β+T)/(β+T+t))^(s−1)] / (s − 1).
 */
export function paretoNbdAliveExpected(params: ParetoNbdParams, t: number, x: number, T: number): number {
  if (t === 0) return 0;
  const { r, alpha, s, beta } = params;
  const rate = ((r + x) * (beta + T)) / (alpha + T);
  return rate * dropoutHorizon(s, beta, T, t);
}

/** Conditional expected purchases without checks. */
export function paretoNbdExpectedUnchecked(params: ParetoNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t === 0) return 0;
  return paretoNbdAliveExpected(params, t, x, T) * paretoNbdPAliveUnchecked(params, x, tx, T);
}

/**
 * Probability that a customer with history (x, t_x, T) is still active at T:
 * P(alive) = (α+T)^(−(r+x)) (β+T)^(−s) / [(α+T)^(−(r+x)) (β+T)^(−s) + s/(r+s+x) A₀].
 *
 * Reference: Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related
 * expressions", eq. 24 (with A₀ of eq. 22); the BTYD package's walkthrough (r 0.5534,
 * α 10.5802, s 0.6061, β 11.6562; x = 26, t_x = 30.86, T = 31 → 0.9979). O(series terms).
 *
 * @param params Pareto/NBD parameters
 * @param x repeat purchases in the calibration period
 * @param t_x time of the last purchase (from the first)
 * @param T age (time from the first purchase to the end of calibration)
 * @returns P(alive) in (0, 1]; 1 when t_x = T
 * @throws {InputError} for bad parameters or history
 * @example paretoNbdPAlive({ r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }, 26, 30.86, 31); // => 0.9979 (4 dp)
 */
export function paretoNbdPAlive(params: ParetoNbdParams, x: number, t_x: number, T: number): number {
  checkParetoNbdParams(params);
  checkRfm(x, t_x, T);
  return paretoNbdPAliveUnchecked(params, x, t_x, T);
}

/**
 * Conditional expected number of purchases in (T, T + t] for a customer with history
 * (x, t_x, T):
 * E[Y(t) | x, t_x, T] = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive),
 * taken to its limit (r+x)(β+T)/(α+T) · ln(1 + t/(β+T)) · P(alive) at s = 1.
 *
 * Reference: Fader & Hardie (2005), note above, eq. 26; BTYD walkthrough: 25.46 purchases in the
 * next 52 weeks for the customer of `paretoNbdPAlive`'s example. O(series terms).
 *
 * @param params Pareto/NBD parameters
 * @param t length of the forecast period
 * @param x repeat purchases in the calibration period
 * @param t_x time of the last purchase
 * @param T age
 * @returns expected purchases in the next t
 * @throws {InputError} for bad parameters, history, or t outside 0..1e6
 * @example paretoNbdExpected({ r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }, 52, 26, 30.86, 31); // => 25.45 (2 dp; 25.46 with the walkthrough's unrounded parameters)
 */
export function paretoNbdExpected(params: ParetoNbdParams, t: number, x: number, t_x: number, T: number): number {
  checkParetoNbdParams(params);
  checkHorizon(t);
  checkRfm(x, t_x, T);
  return paretoNbdExpectedUnchecked(params, t, x, t_x, T);
}

/**
 * One customer's Pareto/NBD log-likelihood (see `paretoNbdLogLikelihoodUnchecked`); summed over
 * customers it is what `fitParetoNbd` maximizes (−9595.0 on CDNOW at the published estimates).
 *
 * @param params Pareto/NBD parameters
 * @param x repeat purchases
 * @param t_x time of the last purchase
 * @param T age
 * @returns the log-likelihood contribution
 * @throws {InputError} for bad parameters or history
 * @example paretoNbdLogLikelihood({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 0, 0, 38.86); // => -0.5210 (4 dp)
 */
export function paretoNbdLogLikelihood(params: ParetoNbdParams, x: number, t_x: number, T: number): number {
  checkParetoNbdParams(params);
  checkRfm(x, t_x, T);
  return paretoNbdLogLikelihoodUnchecked(params, x, t_x, T);
}

/**
 * Expected number of repeat purchases in (0, t] for a randomly chosen new customer:
 * E[X(t)] = rβ / (α(s−1)) · [1 − (β/(β+t))^(s−1)], taken to its limit (r/α) β ln(1 + t/β) at
 * s = 1.
 *
 * Reference: Schmittlein, Morrison & Colombo (1987); Fader & Hardie (2005) note, eq. 17. O(1).
 *
 * @param params Pareto/NBD parameters
 * @param t time since the first purchase
 * @returns E[X(t)]
 * @throws {InputError} for bad parameters, or t outside 0..1e6
 * @example paretoNbdUnconditionalExpected({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 39); // => 1.2130 (4 dp)
 */
export function paretoNbdUnconditionalExpected(params: ParetoNbdParams, t: number): number {
  checkParetoNbdParams(params);
  checkHorizon(t);
  const { r, alpha, s, beta } = params;
  return ((r * beta) / alpha) * dropoutHorizon(s, beta, 0, t);
}
