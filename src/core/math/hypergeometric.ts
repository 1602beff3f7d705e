/**
 * The Gaussian hypergeometric function ₂F₁(a, b; c; z) for real arguments and z < 1, as the
 * BG/NBD expectations need it (Fader, Hardie & Lee 2005, eq. 7 and 10).
 */
import { mustBe, stated } from '../messages.ts';
import { gammaSign, logGamma } from './gamma.ts';
import { CompensatedSum } from './sum.ts';

const EPSILON = 1e-16;
/** Above this z the 1 − z transformation is used when it is well conditioned. */
const TRANSFORM_ABOVE = 0.9;
/** c − a − b this close to an integer makes the 1 − z transformation cancel badly. */
const NEAR_INTEGER = 1e-3;
const MAX_TERMS = 20_000_000;

/**
 * Gauss's series Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ, summed until a term no longer changes the sum.
 * Terms may grow before they shrink (large a, b): the stop test waits until the ratio of
 * successive terms is below one.
 */
function gaussSeries(a: number, b: number, c: number, z: number): number {
  let term = 1;
  // Compensated: long series near z = 1 add many small terms.
  const partialSum = new CompensatedSum();
  partialSum.add(1);
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = ((a + n) * (b + n)) / ((c + n) * (n + 1)) * z;
    term *= ratio;
    partialSum.add(term);
    if (term === 0) return partialSum.value();
    if (Math.abs(term) <= EPSILON * Math.abs(partialSum.total) && Math.abs(ratio) < 1) return partialSum.value();
  }
  throw stated('z', `hypergeometric2F1: the series did not converge at z = ${z}`, 'num');
}

/** Γ(c)Γ(d) / (Γ(e)Γ(f)) in log space, with its sign. */
function gammaRatio(c: number, d: number, e: number, f: number): number {
  for (const v of [e, f]) if (v <= 0 && Number.isInteger(v)) return 0; // 1/Γ at a pole is 0
  const sign = gammaSign(c) * gammaSign(d) * gammaSign(e) * gammaSign(f);
  return sign * Math.exp(logGamma(c) + logGamma(d) - logGamma(e) - logGamma(f));
}

/**
 * Gaussian hypergeometric function ₂F₁(a, b; c; z) = Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ.
 *
 * - 0 ≤ z ≤ 0.9: Gauss's series directly (compensated sum).
 * - z < 0: Pfaff's transformation ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z/(z − 1)),
 *   which maps z to (0, 1).
 * - 0.9 < z < 1: the 1 − z connection formula (A&S 15.3.6), whose two series converge fast,
 *   unless c − a − b is within 10⁻³ of an integer (its gamma factors then cancel badly): then
 *   Gauss's series directly, with up to 2·10⁷ terms (enough for 1 − z > 2·10⁻⁶).
 *
 * Reference: Abramowitz & Stegun (1964), 15.1.1, 15.3.4, 15.3.6. O(1/(1 − z)) terms at worst.
 *
 * @param a first numerator parameter
 * @param b second numerator parameter
 * @param c denominator parameter (not 0 or a negative integer)
 * @param z argument, z < 1
 * @returns ₂F₁(a, b; c; z)
 * @throws {InputError} when z ≥ 1, c is a non-positive integer or the series does not converge
 * @example hypergeometric2F1(1, 1, 2, 0.5); // => 1.3862943611198906 (= −ln(1 − z)/z)
 */
export function hypergeometric2F1(a: number, b: number, c: number, z: number): number {
  if (!(z < 1)) throw mustBe('z', 'less than 1', { value: z, code: 'num' });
  if (c <= 0 && Number.isInteger(c)) {
    throw mustBe('c', 'other than 0 or a negative integer', { value: c, code: 'num' });
  }
  if (z === 0 || a === 0 || b === 0) return 1;
  if (z < 0) {
    const w = z / (z - 1);
    return Math.pow(1 - z, -a) * hypergeometric2F1(a, c - b, c, w);
  }
  const s = c - a - b;
  if (z > TRANSFORM_ABOVE && Math.abs(s - Math.round(s)) > NEAR_INTEGER) {
    const w = 1 - z;
    const first = gammaRatio(c, s, c - a, c - b) * gaussSeries(a, b, 1 - s, w);
    const second =
      Math.pow(w, s) * gammaRatio(c, -s, a, b) * gaussSeries(c - a, c - b, 1 + s, w);
    return first + second;
  }
  return gaussSeries(a, b, c, z);
}
