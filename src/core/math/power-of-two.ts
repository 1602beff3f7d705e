/**
 * Scaling by powers of two: dividing by one is exact (barring underflow), so a column, a weight
 * vector or a list of values can be brought near 1 before summing squares or totals, without
 * changing any ratio of them.
 */

/**
 * The largest power of two at or below `x` (for a positive finite `x`; 1 otherwise).
 * `Math.log2` rounds up near the top of the double range (log2 of 1.797e308 is 1024), so the
 * result is corrected rather than trusted.
 *
 * @param x a positive number
 * @returns 2^⌊log2 x⌋
 * @example powerOfTwoAtOrBelow(10); // => 8
 */
export function powerOfTwoAtOrBelow(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return 1;
  let power = 2 ** Math.min(1023, Math.floor(Math.log2(x)));
  if (power > x) power /= 2;
  return power;
}
