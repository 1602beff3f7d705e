/**
 * Student's t distribution: the two-sided critical value t_{1−α/2, df} that t-based confidence
 * intervals of a mean need. The CDF is F(t) = 1 − ½ I_{df/(df+t²)}(df/2, ½) for t ≥ 0 (Abramowitz
 * & Stegun 1964, 26.7.1); the quantile inverts it by bisection, which is exact to the last bits
 * in about a hundred steps and needs no starting guess.
 */
import { incompleteBeta } from './incomplete-beta.ts';

/** P(T ≤ t) for t ≥ 0 with df degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * The p-quantile of Student's t with df degrees of freedom, for 0.5 ≤ p < 1.
 *
 * @example studentTQuantile(0.975, 10); // => 2.228138851986 (R: qt(0.975, 10))
 */
export function studentTQuantile(p: number, df: number): number {
  if (p === 0.5) return 0;
  let low = 0;
  let high = 1;
  while (studentTCdf(high, df) < p) high *= 2;
  for (let step = 0; step < 200 && high - low > 1e-15 * high; step++) {
    const middle = (low + high) / 2;
    if (studentTCdf(middle, df) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
