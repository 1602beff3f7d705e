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
/** Where the series stop: the bound on their tail below 2⁻⁵⁶ of the sum. */
export const SERIES_TAIL = 2 ** -56;

/**
 * F(1, b; c; z) = Σₙ (b)ₙ/(c)ₙ zⁿ for 0 < b < c, 0 ≤ z < 1. Terms fall monotonically; the sum
 * stops when the bound on the tail, tₙ z/(1 − z), is below 2⁻⁵⁶ of it. NaN if it runs too long.
 */
export function seriesOneB(b: number, c: number, z: number): number {
  if (z === 0) return 1;
  const tailFactor = z / (1 - z);
  let term = 1;
  let total = 1;
  for (let n = 0; n < MAX_TERMS; n++) {
    term *= ((b + n) / (c + n)) * z;
    total += term;
    if (term * tailFactor <= SERIES_TAIL * total) return total;
  }
  return NaN;
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
    if (z === 0 || q * (n + 1) * (1 + sumB + sumC) * tailFactor * tailFactor <= SERIES_TAIL * total) {
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
function dropoutTermLog(params: ParetoNbdParams, x: number, u: number, T: number): number {
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
function pAliveFromTerms(logPX: number, logPT: number): number {
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
