/**
 * The BG/NBD expected number of purchases in the next t for a customer known to be alive: the
 * factor that the conditional (FHL 2005 eq. 10) and unconditional (eq. 7) expectations are built
 * from, evaluated to ALIVE_EXPECTATION_ACCURACY (2e-12) relative over the whole parameter space
 * (r, α, a, b > 0).
 *
 * With k = r + x, B = b + x, c = a + B − 1, u = t/(α + T) and z = u/(1 + u) it is
 *
 *   D = E[(1 − (1 + p u)^(−k)) / p],  p ~ Beta(a, B)                       (1)
 *     = c/(a − 1) · [1 − (1 − z)^k ₂F₁(k, B; c; z)]                        (2, the paper's form)
 *     = Σ_{n≥1} NB(n; k, z) · [1 + B·(1 − ρ_n)/(a − 1)],  ρ_n = Π_{j=1}^{n−1} (B + j)/(c + j)   (3)
 *
 * (1) is the model read directly: a live customer with dropout probability p and rate λ ~
 * Gamma(k, α + T) buys (1 − e^(−λpt))/p times on average. (2) divides by a − 1, takes 1 minus a
 * number close to 1 when t is small or a is near 1, and its ₂F₁ changes sign when c < 0
 * (a + b < 1 and x = 0): taking its logarithm gave NaN and clamping a away from 1 gave negative
 * values. (3) expands (2) term by term (NB is the negative binomial distribution of the purchases
 * a live customer makes in t): every term is positive and (1 − ρ_n)/(a − 1) is formed from
 * log1p's without cancellation, with its limit at a = 1.
 *
 * Each call takes the first of these that is both cheap and accurate:
 * 1. (3) when it needs at most 300 terms (about k·u + 40·(1 + u) + 40·√k·u);
 * 2. (2), through Euler's or the plain form of ₂F₁ and its 1 − z connection formula, when the
 *    error estimate of the evaluation (rounding of the series, the gamma factors and 1 − G) is
 *    below 1e-12 relative (measured against the quadrature, errors stay within 1.5 times the
 *    estimate: 11,000 random points with k from 1e-3 to 1e5, a, B from 1e-3 to 1e3, u from 1e-4
 *    to 1e3, and 6,000 next to the poles r + x − a + 1 ∈ {1, …, 4});
 * 3. (3) when it needs at most 20,000 terms;
 * 4. (1) by adaptive Gauss–Kronrod quadrature in θ = logit(p), with the two tails in closed form
 *    (`aliveExpectationSum` integrates all the horizons that need it on one set of nodes, and
 *    skips step 3 for them).
 * Forms (1) and (3) agree to 2e-13 on the same 11,000 points (the series' weights rescaled to
 * their known total, see `positiveSeries`; before, they drifted by up to 6e-12 where k·u is in the
 * thousands).
 */
import { gammaSign, logGamma } from '../math/gamma.ts';
import { integrateAdaptive } from '../math/gauss-kronrod.ts';
import { CompensatedSum } from '../math/sum.ts';

/**
 * The relative accuracy `aliveExpectation` is documented to (and the BG/NBD expectations built on
 * it, which multiply it by P(alive)): the closed form is taken at an estimated 1e-12 and measured
 * within 1.5 times that; the series and the quadrature agree to 2e-13. Two values for forecast
 * lengths t₁ < t₂ are therefore in order to within twice this.
 */
export const ALIVE_EXPECTATION_ACCURACY = 2e-12;

/** Below this many terms (3) is cheaper than (2); up to SERIES_TERMS it is cheaper than (1). */
const SHORT_SERIES = 300;
const SERIES_TERMS = 20_000;
const RELATIVE_TAIL = 1e-17;
const CLOSED_FORM_ERROR = 1e-12;
const EPS = 2.2e-16;

/** expm1(y)/y, 1 at y = 0. */
function exprel(y: number): number {
  return y === 0 ? 1 : Math.abs(y) < 1e-5 ? 1 + y / 2 + (y * y) / 6 : Math.expm1(y) / y;
}

/**
 * E[purchases in (T, T + t] | alive at T] for a customer with x repeat purchases and age T.
 *
 * Reference: Fader, Hardie & Lee (2005), Marketing Science 24(2), eq. 10 (the numerator
 * (a+b+x−1)/(a−1)·[…]); forms (1) and (3) above are derived from it. O(1) to O(4,000) for (3) and
 * (2); (3) takes a few hundred to a few thousand integrand calls.
 *
 * @param r BG/NBD r
 * @param alpha BG/NBD α
 * @param a BG/NBD a
 * @param b BG/NBD b
 * @param x repeat purchases (0 for a new customer)
 * @param T age (0 for a new customer)
 * @param t forecast length, ≥ 0
 * @param coefficients the series coefficients for k = r + x, a, B = b + x, when shared between calls
 * @returns the expected purchases of a live customer, ≥ 0
 * @example aliveExpectation(0.243, 4.414, 0.793, 2.426, 0, 0, 78); // => 1.8605 (4 dp: E[X(78)], FHL 2005)
 */
export function aliveExpectation(
  r: number,
  alpha: number,
  a: number,
  b: number,
  x: number,
  T: number,
  t: number,
  coefficients?: SeriesCoefficients,
): number {
  if (t === 0) return 0;
  const u = t / (alpha + T);
  const quick = withoutQuadrature(r + x, a, b + x, u, true, coefficients);
  return Number.isNaN(quick) ? betaMixture(r + x, a, b + x, [u], [1]) : quick;
}

/**
 * Σ_j weights[j] · E[purchases in (T, T + t_j] | alive] over several horizons at once (the
 * discounted sum of `customerLifetimeValue`): horizons that need quadrature share its nodes.
 *
 * @param times forecast lengths t_j ≥ 0
 * @param weights one weight ≥ 0 per t_j
 * @param coefficients the series coefficients for k = r + x, a, B = b + x, when shared between calls
 * @returns the weighted sum
 */
export function aliveExpectationSum(
  r: number,
  alpha: number,
  a: number,
  b: number,
  x: number,
  T: number,
  times: ArrayLike<number>,
  weights: ArrayLike<number>,
  coefficients?: SeriesCoefficients,
): number {
  const k = r + x;
  const B = b + x;
  const us: number[] = [];
  const ws: number[] = [];
  const sum = new CompensatedSum();
  for (let j = 0; j < times.length; j++) {
    if (times[j] === 0 || weights[j] === 0) continue;
    const u = times[j] / (alpha + T);
    const value = withoutQuadrature(k, a, B, u, false, coefficients);
    if (Number.isNaN(value)) {
      us.push(u);
      ws.push(weights[j]);
      continue;
    }
    sum.add(value * weights[j]);
  }
  // The quadrature's share joins the running total (one addition, as before compensation).
  if (us.length > 0) sum.total += betaMixture(k, a, B, us, ws);
  return sum.value();
}

/**
 * Methods 1–3; NaN when only the quadrature is both accurate and affordable. Sums over many
 * horizons skip the long series (`longSeries` false): there one shared quadrature costs less.
 */
function withoutQuadrature(k: number, a: number, B: number, u: number, longSeries: boolean, coefficients?: SeriesCoefficients): number {
  const terms = k * u + 40 * (1 + u) + 40 * Math.sqrt(k) * u;
  if (terms <= SHORT_SERIES) return positiveSeries(k, a, B, u, coefficients);
  const closed = closedForm(k, a, B, u);
  if (closed.error <= CLOSED_FORM_ERROR) return closed.value;
  if (longSeries && terms <= SERIES_TERMS) return positiveSeries(k, a, B, u, coefficients);
  return NaN;
}

/** Most coefficients a `SeriesCoefficients` keeps (16 bytes each); later terms are computed as they come. */
const CACHED_TERMS = 1 << 16;

/**
 * The parts of series (3) that do not depend on u, for one (k, a, B): the step (k + n)/(n + 1)
 * from the negative binomial weight of n to that of n + 1 (over z), and g_n = (1 − ρ_{n+1})/(a − 1).
 * Customers with the same x share k and B, so a whole base's horizons and ages reuse one set
 * (customer-lifetime-value sums a dozen horizons for each of a few hundred ages per x).
 */
export class SeriesCoefficients {
  /** step[n] = (k + n)/(n + 1), n ≥ 1. */
  step = new Float64Array(64);
  /** g[n] = (1 − ρ_{n+1})/(a − 1) ≥ 0, n ≥ 1. */
  g = new Float64Array(64);
  /** Entries 1..filled − 1 are computed. */
  filled = 1;
  /** Σ_{j=1}^{filled−1} log1p(−(a−1)/(c+j))/(a−1), to carry on from. */
  e = 0;

  constructor(
    readonly k: number,
    readonly a: number,
    readonly B: number,
  ) {}

  /** Computes entries up to twice as many (at most CACHED_TERMS); false when the cache is full. */
  extend(): boolean {
    if (this.filled >= CACHED_TERMS) return false;
    if (this.filled === this.step.length) {
      const size = Math.min(2 * this.step.length, CACHED_TERMS);
      const step = new Float64Array(size);
      const g = new Float64Array(size);
      step.set(this.step);
      g.set(this.g);
      this.step = step;
      this.g = g;
    }
    const { k, a, B } = this;
    const am1 = a - 1;
    const c = a + B - 1;
    let e = this.e;
    for (let n = this.filled; n < this.step.length; n++) {
      this.step[n] = (k + n) / (n + 1);
      e += am1 === 0 ? -1 / (c + n) : Math.log1p(-am1 / (c + n)) / am1;
      this.g[n] = -e * exprel(am1 * e);
    }
    this.e = e;
    this.filled = this.step.length;
    return true;
  }
}

/**
 * The series coefficients of each x for one fit (k = r + x, a, B = b + x), made when an x is first
 * asked for: the cache that scoring a whole base shares between the customers with the same x.
 */
export function seriesCoefficientsByX(r: number, a: number, b: number): (x: number) => SeriesCoefficients {
  const byX = new Map<number, SeriesCoefficients>();
  return (x) => {
    let coefficients = byX.get(x);
    if (coefficients === undefined) {
      coefficients = new SeriesCoefficients(r + x, a, b + x);
      byX.set(x, coefficients);
    }
    return coefficients;
  };
}

/**
 * Below this ln(weight of n = 1) the weights are carried in log space (a product of steps would
 * underflow); above it, as running products, which round at 1 ulp per step where a log-space
 * walk rounds at the magnitude of ln(weight).
 */
const LOG_SPACE_BELOW = -600;

/**
 * Form (3): the negative binomial mixture, positive terms. `coefficients` (for this k, a, B) may
 * be shared between calls with different u.
 */
export function positiveSeries(k: number, a: number, B: number, u: number, coefficients = new SeriesCoefficients(k, a, B)): number {
  const am1 = a - 1;
  const c = a + B - 1;
  const logZ = Math.log(u) - Math.log1p(u);
  const z = Math.exp(logZ);
  const logNone = -k * Math.log1p(u); // ln P(N = 0)
  const atLeastOne = -Math.expm1(logNone);
  // Weight of n = 1: k z (1 − z)^k; its q_1 = 1 is already in atLeastOne.
  let logWeight = logNone + Math.log(k) + logZ;
  let weight = Math.exp(logWeight);
  const inLogSpace = logWeight < LOG_SPACE_BELOW;
  // P(N ≥ 2), what the weights summed below add up to.
  const beyondOne = atLeastOne - weight;
  const sum = new CompensatedSum();
  const mass = new CompensatedSum();
  const mode = Math.max(0, (k - 1) * u);
  let steps = coefficients.step;
  let gs = coefficients.g;
  let filled = coefficients.filled;
  let e = NaN; // past the cache: Σ log1p(−(a−1)/(c+j))/(a−1) carried on here
  for (let n = 1; n < 1e7; n++) {
    if (n >= filled && coefficients.extend()) {
      steps = coefficients.step;
      gs = coefficients.g;
      filled = coefficients.filled;
    }
    // Advance the weight to n + 1; g is (1 − ρ_{n+1})/(a − 1) ≥ 0.
    let step: number;
    let g: number;
    if (n < filled) {
      step = steps[n];
      g = gs[n];
    } else {
      if (e !== e) e = coefficients.e;
      step = (k + n) / (n + 1);
      e += am1 === 0 ? -1 / (c + n) : Math.log1p(-am1 / (c + n)) / am1;
      g = -e * exprel(am1 * e);
    }
    if (inLogSpace) {
      logWeight += Math.log(step) + logZ;
      weight = Math.exp(logWeight);
    } else {
      weight *= step * z;
    }
    const term = weight * g;
    sum.add(term);
    mass.add(weight);
    if (n > mode) {
      // Beyond the mode the weights change by (k+m)z/(m+1) per step, which is monotone in m and
      // tends to z, and g grows by at most 1 + 2/m: this ratio bounds all later steps.
      const ratio = Math.max((k + n + 1) / (n + 2), 1) * z * (1 + 2 / n);
      if (ratio < 1 && term * ratio <= RELATIVE_TAIL * (1 - ratio) * (sum.total + atLeastOne / B)) break;
    }
  }
  // Each step's rounding compounds: in log space it is at the magnitude of ln(weight), up to
  // k·ln(1 + u) at the start, and over thousands of steps the weights drifted by 1e-12 relative
  // when k·u was in the thousands, by nearly the same factor for neighbouring n. Rescaling them to
  // add up to P(N ≥ 2), known to full precision, removes that common factor (g changes slowly
  // across the weights' bulk). Only where P(N ≥ 2) ≥ 1/2, so that forming it does not cancel;
  // below, the walk is short and small.
  const scale = beyondOne >= 0.5 ? beyondOne / mass.value() : 1;
  return atLeastOne + B * sum.value() * scale;
}

/** Gauss's series with the sum of |terms| (for the rounding estimate); NaN if it does not settle. */
function series(A: number, Bp: number, C: number, z: number): { sum: number; abs: number; terms: number } {
  let term = 1;
  let sum = 1;
  let abs = 1;
  for (let n = 0; n < 20_000 + Math.max(0, -C); n++) {
    const ratio = (((A + n) * (Bp + n)) / ((C + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    abs += Math.abs(term);
    if (!Number.isFinite(abs)) break;
    // With C < 0 the terms swell again as C + n nears 0: never stop before C + n > 0.
    if (term === 0) return { sum, abs, terms: n + 1 };
    if (C + n + 1 > 0) {
      // Later ratios are z·(A+m)/(m+1)·(B+m)/(C+m), m > n; each factor is monotone in m and
      // tends to 1, so R = |z|·max(|A+n+1|/(n+2), 1)·max(|B+n+1|/(C+n+1), 1) bounds them all,
      // and the rest of the series is below |term|·R/(1 − R).
      const R = Math.abs(z) * Math.max(Math.abs(A + n + 1) / (n + 2), 1) * Math.max(Math.abs(Bp + n + 1) / (C + n + 1), 1);
      if (R < 1 && Math.abs(term) * R <= 1e-17 * (1 - R) * abs) return { sum, abs, terms: n + 1 };
    }
  }
  return { sum: NaN, abs: NaN, terms: 0 };
}

function isPole(v: number): boolean {
  return v <= 0 && Number.isInteger(v);
}

/**
 * w^power · ₂F₁(A, B; C; 1 − w), w = 1/(1 + u), with an absolute error estimate: Gauss's series for w ≥ 0.2,
 * else the 1 − z connection formula (A&S 15.3.6), every factor in log space.
 */
function scaled2F1(power: number, A: number, Bp: number, C: number, u: number): { value: number; error: number } {
  // z = u/(1 + u) and w = 1 − z = 1/(1 + u), each to full relative precision.
  const w = 1 / (1 + u);
  const logW = -Math.log1p(u);
  if (w >= 0.2) {
    const s = series(A, Bp, C, u / (1 + u));
    const scale = Math.exp(power * logW);
    const value = scale * s.sum;
    const error = EPS * (scale * s.abs * (s.terms + 2) + Math.abs(value) * (Math.abs(power * logW) + 1));
    return { value, error };
  }
  const s = C - A - Bp;
  if ([C, s, -s, 1 - s, 1 + s].some(isPole)) return { value: NaN, error: Infinity };
  // Next to an integer s both parts grow like 1/δ, δ = |s − round(s)|, and cancel; their
  // sensitivity to s is ~1/δ too, so the rounding of s itself (up to 2 ulps of the largest
  // operand) costs each part a relative error of about that rounding over δ.
  const distance = Math.abs(s - Math.round(s));
  const sRounding = 2 * EPS * Math.max(Math.abs(A), Math.abs(Bp), Math.abs(C), Math.abs(s));
  const poleError = distance === 0 ? Infinity : (4 * sRounding) / distance;
  let value = 0;
  let error = 0;
  const parts: [number[], number[], number, number[]][] = [
    // [numerator gammas, denominator gammas, extra power of w, series parameters]
    [[C, s], [C - A, C - Bp], 0, [A, Bp, 1 - s]],
    [[C, -s], [A, Bp], s, [C - A, C - Bp, 1 + s]],
  ];
  for (const [top, bottom, extra, [p1, p2, p3]] of parts) {
    if (bottom.some(isPole)) continue; // 1/Γ at a pole is 0: the part vanishes
    let sign = 1;
    let logSize = (power + extra) * logW;
    let logError = Math.abs(logSize) + 1;
    for (const v of top) {
      sign *= gammaSign(v);
      const lg = logGamma(v);
      logSize += lg;
      logError += Math.abs(lg);
    }
    for (const v of bottom) {
      sign *= gammaSign(v);
      const lg = logGamma(v);
      logSize -= lg;
      logError += Math.abs(lg);
    }
    const ser = series(p1, p2, p3, w);
    const size = Math.exp(logSize);
    const part = sign * size * ser.sum;
    value += part;
    error += EPS * (size * ser.abs * (ser.terms + 2) + Math.abs(part) * logError) + size * ser.abs * poleError;
  }
  return { value, error };
}

/** Form (2), through the better conditioned of Euler's and the plain form, with its relative error estimate. */
export function closedForm(k: number, a: number, B: number, u: number): { value: number; error: number } {
  const c = a + B - 1;
  if (a === 1 || c === 0) return { value: NaN, error: Infinity };
  let best = { value: NaN, error: Infinity };
  // G = (1 − z)^(a−1) ₂F₁(c − k, a − 1; c; z) = (1 − z)^k ₂F₁(k, B; c; z).
  for (const [power, A, Bp] of [
    [a - 1, c - k, a - 1],
    [k, k, B],
  ]) {
    const G = scaled2F1(power, A, Bp, c, u);
    const oneMinus = 1 - G.value;
    const value = (c / (a - 1)) * oneMinus;
    const error = (G.error + EPS) / Math.abs(oneMinus) + 4 * EPS;
    if (Number.isFinite(value) && value > 0 && error < best.error) best = { value, error };
  }
  return best;
}

/** log p and log(1 − p) for p = 1/(1 + e^(−θ)), without cancellation. */
function logitLogs(theta: number): [number, number] {
  if (theta < 0) {
    const l = Math.log1p(Math.exp(theta));
    return [theta - l, -l];
  }
  const l = Math.log1p(Math.exp(-theta));
  return [-l, -theta - l];
}

/**
 * Form (1) by quadrature over θ = logit(p): the Beta(a, B) density in θ is p^a (1 − p)^B up to
 * its constant (divided out by integrating it on the same nodes). Beyond θ_L = −ln(10¹⁴((k+1)u
 * + a + B + 1)) the integrand is e^(aθ)·k·u to 1e-14, and beyond θ_R = ln(10¹⁴(k + a + B + 2))
 * it is e^(−Bθ)·h(1): those tails are added in closed form.
 */
export function betaMixture(k: number, a: number, B: number, us: number[], weights: number[]): number {
  const m = us.length;
  let uMin = Infinity;
  let uMax = 0;
  for (const u of us) {
    uMin = Math.min(uMin, u);
    uMax = Math.max(uMax, u);
  }
  // Σ_j w_j h_{u_j}(p), h_u(p) = (1 − (1 + p u)^(−k))/p → k·u as p → 0.
  const h = (logP: number): number => {
    const p = Math.exp(logP);
    let total = 0;
    for (let j = 0; j < m; j++) {
      const pu = p * us[j];
      total += weights[j] * (pu === 0 ? k * us[j] : -Math.expm1(-k * Math.log1p(pu)) / p);
    }
    return total;
  };
  const thetaL = -Math.log(1e14 * ((k + 1) * uMax + a + B + 1));
  const thetaR = Math.log(1e14 * (k + a + B + 2));
  const mode = Math.log(a / B);
  const [lpMode, lqMode] = logitLogs(mode);
  const logPeak = a * lpMode + B * lqMode;
  const density = (theta: number): [number, number] => {
    const [lp, lq] = logitLogs(theta);
    return [Math.exp(a * lp + B * lq - logPeak), lp];
  };
  const breaks = new Set<number>([thetaL, thetaR]);
  for (const v of [mode, -Math.log(uMin), -Math.log(uMax)]) if (v > thetaL && v < thetaR) breaks.add(v);
  const sorted = [...breaks].sort((p, q) => p - q);
  // Panels at most 4 wide, and the density's width around the mode.
  const width = Math.min(4, Math.sqrt(1 / a + 1 / B));
  const fine: number[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const span = sorted[i + 1] - sorted[i];
    const near = Math.min(Math.abs(sorted[i] - mode), Math.abs(sorted[i + 1] - mode)) < 6 * width;
    const pieces = Math.max(1, Math.ceil(span / (near ? 2 * width : 4)));
    for (let j = 0; j < pieces; j++) fine.push(sorted[i] + (span * j) / pieces);
  }
  fine.push(sorted[sorted.length - 1]);
  const [fL, lpL] = density(thetaL);
  const [fR] = density(thetaR);
  const massL = fL / a;
  const massR = fR / B;
  const { values } = integrateAdaptive(
    (theta, out) => {
      const [f, lp] = density(theta);
      out[0] = f * h(lp);
      out[1] = f;
    },
    2,
    fine,
    { relativeTolerance: 1e-13 },
  );
  const numerator = values[0] + massL * h(lpL) + massR * h(0);
  const denominator = values[1] + massL + massR;
  return numerator / denominator;
}
