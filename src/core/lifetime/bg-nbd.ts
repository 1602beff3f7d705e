/**
 * The BG/NBD model's individual-level quantities: P(alive), conditional and unconditional
 * expected purchases, and the log-likelihood. Fitting is in `bg-nbd-fit.ts`.
 *
 * Model (Fader, Hardie & Lee 2005): while active, a customer buys as a Poisson process with rate
 * λ ~ Gamma(r, α); after each repeat purchase the customer drops out with probability
 * p ~ Beta(a, b). Time is in the unit the summary was built in.
 */
import { invalid, mustBe } from '../messages.ts';
import { logGamma } from '../math/gamma.ts';
import { aliveExpectation } from './bg-nbd-alive-expectation.ts';
import { checkHorizon, checkRfm } from './btyd-data.ts';

/** BG/NBD parameters: purchase rate λ ~ Gamma(r, α), dropout p ~ Beta(a, b). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * The parameter range in which the BG/NBD quantities are computed and checked (against mpmath
 * for 1e-3..1e3, and for finiteness, sign and agreement of two methods over 1e-6..1e6): r, α, a,
 * b from 1e-6 to 1e6. Purchase counts x and times (t_x, T, t) are limited by `BTYD_DATA_LIMIT`.
 */
export const BGNBD_PARAMETER_RANGE: readonly [number, number] = [1e-6, 1e6];

/** @throws {InputError} unless r, α, a, b are numbers from 1e-6 to 1e6. */
export function checkBgNbdParams(params: BgNbdParams): void {
  if (params === null || typeof params !== 'object') {
    throw invalid('params', 'must be an object { r, alpha, a, b }');
  }
  const [low, high] = BGNBD_PARAMETER_RANGE;
  for (const name of ['r', 'alpha', 'a', 'b'] as const) {
    const v = params[name];
    if (!(typeof v === 'number' && v >= low && v <= high)) {
      throw mustBe(name, 'a number from 1e-6 to 1e6', { value: v, code: 'num' });
    }
  }
}

/**
 * Probability that a customer with history (x, t_x, T) is still active at T:
 * 1 / (1 + δ_{x>0} · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
 *
 * Reference: Fader, Hardie & Lee (2005), Marketing Science 24(2), eq. 12; Fader, Hardie & Lee
 * (2008), "Computing P(alive) using the BG/NBD model" (note 021). O(1).
 *
 * @param params BG/NBD parameters
 * @param x repeat purchases in the calibration period
 * @param t_x time of the last purchase (from the first)
 * @param T age (time from the first purchase to the end of calibration)
 * @returns P(alive) in [0, 1]; 1 when x = 0
 * @throws {InputError} for parameters outside 1e-6..1e6, or a history outside x ≤ 1e6 (whole),
 *   0 ≤ t_x ≤ T ≤ 1e6
 * @example bgNbdPAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 2, 30.43, 38.86); // => 0.7266 (4 dp)
 */
export function bgNbdPAlive(params: BgNbdParams, x: number, t_x: number, T: number): number {
  checkBgNbdParams(params);
  checkRfm(x, t_x, T);
  return pAliveUnchecked(params, x, t_x, T);
}

export function pAliveUnchecked(params: BgNbdParams, x: number, t_x: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  // ln((α+T)/(α+t_x)) as log1p of the exact difference: no cancellation when t_x is near T.
  const logOdds = Math.log(a / (b + x - 1)) + (r + x) * Math.log1p((T - t_x) / (alpha + t_x));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * Conditional expected number of purchases in (T, T + t] for a customer with history
 * (x, t_x, T):
 * E[Y(t) | x, t_x, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1;
 * t/(α+T+t))] / [1 + δ_{x>0} a/(b+x−1) ((α+T)/(α+t_x))^(r+x)].
 *
 * Reference: Fader, Hardie & Lee (2005), eq. 10. O(terms of ₂F₁), a few hundred at most in
 * practice.
 *
 * @param params BG/NBD parameters
 * @param t length of the forecast period
 * @param x repeat purchases in the calibration period
 * @param t_x time of the last purchase
 * @param T age
 * @returns expected purchases in the next t (≥ 0, finite)
 * @throws {InputError} for parameters outside 1e-6..1e6, t outside 0..1e6, or a history outside
 *   x ≤ 1e6 (whole), 0 ≤ t_x ≤ T ≤ 1e6
 * @example bgNbdExpected({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 2, 30.43, 38.86); // => 1.226 (3 dp)
 */
export function bgNbdExpected(params: BgNbdParams, t: number, x: number, t_x: number, T: number): number {
  checkBgNbdParams(params);
  checkHorizon(t);
  checkRfm(x, t_x, T);
  return expectedUnchecked(params, t, x, t_x, T);
}

export function expectedUnchecked(params: BgNbdParams, t: number, x: number, t_x: number, T: number): number {
  if (t === 0) return 0;
  const { r, alpha, a, b } = params;
  return aliveExpectation(r, alpha, a, b, x, T, t) * pAliveUnchecked(params, x, t_x, T);
}

/**
 * Expected number of repeat purchases in (0, t] for a randomly chosen new customer:
 * E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))].
 *
 * Reference: Fader, Hardie & Lee (2005), eq. 7. O(terms of ₂F₁).
 *
 * @param params BG/NBD parameters
 * @param t time since the first purchase
 * @returns E[X(t)] (≥ 0, finite)
 * @throws {InputError} for parameters outside 1e-6..1e6 or t outside 0..1e6
 * @example bgNbdUnconditionalExpected({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 78); // => 1.8605 (4 dp; 1.8580 at the unrounded MLE)
 */
export function bgNbdUnconditionalExpected(params: BgNbdParams, t: number): number {
  checkBgNbdParams(params);
  checkHorizon(t);
  return unconditionalUnchecked(params, t);
}

export function unconditionalUnchecked(params: BgNbdParams, t: number): number {
  const { r, alpha, a, b } = params;
  return aliveExpectation(r, alpha, a, b, 0, 0, t);
}

/**
 * The BG/NBD log-likelihood of one customer:
 * ln[ B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
 *   + δ_{x>0} B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x)) ].
 * Summed over customers it is the likelihood the paper maximizes (−9582.4 on CDNOW).
 *
 * Reference: Fader, Hardie & Lee (2005), eq. 6. O(1).
 *
 * @param params BG/NBD parameters
 * @param x repeat purchases
 * @param t_x time of the last purchase
 * @param T age
 * @returns the log-likelihood contribution
 * @throws {InputError} for bad parameters or history
 * @example bgNbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 0, 0, 38.86); // => -0.5547 (4 dp)
 */
export function bgNbdLogLikelihood(params: BgNbdParams, x: number, t_x: number, T: number): number {
  checkBgNbdParams(params);
  checkRfm(x, t_x, T);
  const { r, alpha, a, b } = params;
  const common =
    logGamma(r + x) - logGamma(r) + r * Math.log(alpha) +
    logGamma(b + x) - logGamma(b) + logGamma(a + b) - logGamma(a + b + x);
  const survive = -(r + x) * Math.log(alpha + T);
  if (x === 0) return common + survive;
  const died = Math.log(a / (b + x - 1)) - (r + x) * Math.log(alpha + t_x);
  const m = Math.max(survive, died);
  return common + m + Math.log(Math.exp(survive - m) + Math.exp(died - m));
}
