/**
 * Seeded CDNOW-shaped transaction logs for the lifetime-value benchmarks, simulated from the
 * models themselves with the CDNOW estimates: each customer makes a first purchase on a day
 * uniform over the first 12 weeks of 1997 (the CDNOW cohort), then buys as a Poisson process
 * with rate λ ~ Gamma(r = 0.243, α = 4.414) per week and, after each repeat purchase, drops out
 * with probability p ~ Beta(a = 0.793, b = 2.426) (BG/NBD, Fader, Hardie & Lee 2005); every
 * purchase is worth z ~ Gamma(p = 6.25, ν) with ν ~ Gamma(q = 3.74, γ = 15.44) per customer
 * (Gamma-Gamma, note 025), in cents. Purchases run to 1998-06-30 (78 weeks), so the logs have
 * CDNOW's 39-week calibration and 39-week holdout. Dates are ISO strings shared per day, as a
 * CSV reader leaves them.
 *
 * Run `npx tsx bench/generate/cdnow-like.ts [customers]` to write
 * `bench/raw/cdnow-like-<customers>.csv` for the Python side.
 */
import { writeFileSync } from 'node:fs';
import { seededGamma, seededRandom } from '../../src/core/math/random.ts';
import { dayNumberFromCivil, isoDate } from '../../src/core/time/day-number.ts';
import { rawPath } from '../harness.ts';

export const CDNOW_PARAMS = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
export const SPEND_PARAMS = { p: 6.25, q: 3.74, gamma: 15.44 };
export const CALIBRATION_END = '1997-09-30';
export const HOLDOUT_END = '1998-06-30';
const START = dayNumberFromCivil(1997, 1, 1);
const LAST = dayNumberFromCivil(1998, 6, 30);

export interface CdnowLikeLog {
  customer: Int32Array;
  date: string[];
  amount: Float64Array;
}

export function generateCdnowLike(customers: number, seed = 1997): CdnowLikeLog {
  const random = seededRandom(seed);
  const gamma = seededGamma(random);
  const days = Array.from({ length: LAST - START + 1 }, (_, d) => isoDate(START + d));
  let capacity = Math.ceil(customers * 3.2) + 16;
  let customer = new Int32Array(capacity);
  let day = new Int32Array(capacity);
  let amount = new Float64Array(capacity);
  let n = 0;
  const push = (c: number, d: number, value: number) => {
    if (n === capacity) {
      capacity *= 2;
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (k: number) => T): T => {
        const b = make(capacity);
        b.set(a);
        return b;
      };
      customer = grow(customer, (k) => new Int32Array(k));
      day = grow(day, (k) => new Int32Array(k));
      amount = grow(amount, (k) => new Float64Array(k));
    }
    customer[n] = c;
    day[n] = d;
    amount[n] = Math.round(value * 100) / 100;
    n++;
  };
  const { r, alpha, a, b } = CDNOW_PARAMS;
  const { p, q, gamma: g } = SPEND_PARAMS;
  for (let c = 0; c < customers; c++) {
    const first = START + Math.floor(random() * 84);
    const lambda = gamma(r, alpha); // per week
    const x = gamma(a, 1);
    const dropout = x / (x + gamma(b, 1));
    const nu = gamma(q, g);
    push(c, first, gamma(p, nu));
    let t = 0; // weeks since the first purchase
    const horizon = (LAST + 1 - first) / 7;
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (!(t < horizon)) break;
      push(c, first + Math.floor(t * 7), gamma(p, nu));
      if (random() < dropout) break;
    }
  }
  const date = new Array<string>(n);
  for (let i = 0; i < n; i++) date[i] = days[day[i] - START];
  return { customer: customer.slice(0, n), date, amount: amount.slice(0, n) };
}

export function cdnowLikeCsv(customers: number): string {
  return rawPath(`cdnow-like-${customers}.csv`);
}

/** Writes the log as CSV (`customer,date,amount`). */
export function writeCdnowLikeCsv(path: string, log: CdnowLikeLog): void {
  const lines: string[] = ['customer,date,amount'];
  for (let i = 0; i < log.customer.length; i++) lines.push(`${log.customer[i]},${log.date[i]},${log.amount[i]}`);
  writeFileSync(path, lines.join('\n') + '\n');
}

if (typeof require !== 'undefined' && require.main === module) {
  const customers = Number(process.argv[2] ?? 1_000_000);
  writeCdnowLikeCsv(cdnowLikeCsv(customers), generateCdnowLike(customers));
}
