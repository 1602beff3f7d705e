/**
 * Seeded customer summaries drawn from the BG/NBD and Gamma-Gamma models themselves, for tests
 * that check a fit recovers the parameters it was simulated from, and for benchmarks.
 */
import { seededGamma, seededRandom } from '../math/random.ts';
import type { BgNbdParams } from './bg-nbd.ts';
import type { GammaGammaParams } from './gamma-gamma.ts';

export interface SimulatedSummary {
  x: Float64Array;
  t_x: Float64Array;
  T: Float64Array;
  /** Mean value of the repeat purchases (0 when x = 0). */
  monetary: Float64Array;
}

/**
 * `customers` summaries (x, t_x, T, monetary): each customer's age T is uniform on
 * [minAge, maxAge] (a cohort acquired over time); while alive the customer buys as a Poisson
 * process with rate λ ~ Gamma(r, α) and after each repeat purchase drops out with probability
 * p ~ Beta(a, b) (FHL 2005); each repeat purchase is worth z ~ Gamma(p, ν), ν ~ Gamma(q, γ)
 * (Gamma-Gamma, note 025). With `resolution` > 0, t_x and T are rounded down to multiples of it
 * (1/7 for days in weeks), as in a summary built from a dated log.
 *
 * Reference: Fader, Hardie & Lee (2005), Marketing Science 24(2), §3; Fader & Hardie (2013),
 * note 025. O(customers + purchases).
 *
 * @example simulateBtydSummary(1000, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { p: 6.25, q: 3.74, gamma: 15.44 }, { seed: 1 }).x.length; // => 1000
 */
export function simulateBtydSummary(
  customers: number,
  bgNbd: BgNbdParams,
  gammaGamma: GammaGammaParams,
  {
    seed = 1,
    minAge = 27,
    maxAge = 39,
    resolution = 0,
  }: { seed?: number; minAge?: number; maxAge?: number; resolution?: number } = {},
): SimulatedSummary {
  const random = seededRandom(seed);
  const gamma = seededGamma(random);
  const x = new Float64Array(customers);
  const tx = new Float64Array(customers);
  const T = new Float64Array(customers);
  const monetary = new Float64Array(customers);
  for (let i = 0; i < customers; i++) {
    const age = minAge + (maxAge - minAge) * random();
    const lambda = gamma(bgNbd.r, bgNbd.alpha);
    const g = gamma(bgNbd.a, 1);
    const dropout = g / (g + gamma(bgNbd.b, 1));
    const nu = gamma(gammaGamma.q, gammaGamma.gamma);
    let t = 0;
    let count = 0;
    let last = 0;
    let spend = 0;
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (!(t <= age)) break;
      count++;
      last = t;
      spend += gamma(gammaGamma.p, nu);
      if (random() < dropout) break;
    }
    x[i] = count;
    // Logs record days, not instants: with a resolution (e.g. 1/7 of a week) times are counted
    // in whole steps from the first purchase, as customerSummary does.
    tx[i] = resolution > 0 ? Math.floor(last / resolution) * resolution : last;
    T[i] = resolution > 0 ? Math.floor(age / resolution) * resolution : age;
    monetary[i] = count > 0 ? spend / count : 0;
  }
  return { x, t_x: tx, T, monetary };
}
