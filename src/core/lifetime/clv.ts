/**
 * Simple customer lifetime value: a constant margin per period, a constant retention rate and a
 * discount rate (the retention model of Gupta & Lehmann).
 */
import { invalid, mustBe, stated } from '../messages.ts';

export interface ClvInput {
  /** Margin per customer per period (may be negative). */
  margin: number;
  /** Probability a customer stays from one period to the next, in [0, 1]. */
  retention: number;
  /** Discount rate per period, > −1 (usually ≥ 0). */
  discount: number;
  /** Number of periods; omitted = infinite horizon. A positive integer. */
  periods?: number;
  /** Cost of acquiring the customer, subtracted once (default 0). */
  acquisitionCost?: number;
}

function finite(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw mustBe(name, 'a finite number', { value });
  }
  return value;
}

/**
 * Customer lifetime value with constant margin m, retention r and discount rate d, margins
 * received at the end of each period the customer survives (period t earns m with probability
 * r^t, discounted by (1 + d)^t):
 *
 *   finite horizon n:  CLV = Σ_{t=1..n} m r^t / (1 + d)^t = m q (1 − q^n)/(1 − q),  q = r/(1 + d)
 *   infinite horizon:  CLV = m r / (1 + d − r)   (the "margin multiple" r/(1 + d − r) times m)
 *
 * minus the acquisition cost. With r = 0.8 and d = 0.1 the margin multiple is 0.8/0.3 = 2.67.
 *
 * Retention may be 1 (a customer who never leaves): the finite sum is then m Σ (1+d)^−t and the
 * infinite one the perpetuity m/d. The infinite horizon needs r < 1 + d, otherwise the sum
 * diverges.
 *
 * Reference: Gupta & Lehmann (2003), "Customers as assets", Journal of Interactive Marketing
 * 17(1); Gupta, Lehmann & Stuart (2004), "Valuing customers", Journal of Marketing Research
 * 41(1). O(1).
 *
 * @param input `{ margin, retention, discount, periods?, acquisitionCost? }` (see {@link ClvInput})
 * @returns the lifetime value, in the margin's currency
 * @throws {InputError} when a value is not a finite number, retention is outside [0, 1],
 *   discount ≤ −1, periods is not a positive integer, (infinite horizon) retention ≥ 1 +
 *   discount, or the value is too large to represent (naming margin or acquisitionCost)
 * @example clv({ margin: 100, retention: 0.8, discount: 0.1 }); // => 266.67 (100 · 8/3)
 */
export function clv(input: ClvInput): number {
  if (input === null || typeof input !== 'object') {
    throw stated('input', 'clv needs { margin, retention, discount }');
  }
  const m = finite(input.margin, 'margin');
  const r = finite(input.retention, 'retention');
  const d = finite(input.discount, 'discount');
  const cost = input.acquisitionCost === undefined ? 0 : finite(input.acquisitionCost, 'acquisitionCost');
  if (r < 0 || r > 1) {
    throw mustBe('retention', 'between 0 and 1', { value: r });
  }
  if (d <= -1) {
    throw mustBe('discount', 'greater than -1', { value: d });
  }
  if (input.periods === undefined) {
    if (r >= 1 + d) {
      // #VALUE! rather than #NUM!: Excel shows #VALUE!'s message
      throw invalid('retention', `must be below 1 + discount for an infinite horizon (retention ${r}, discount ${d}): the sum diverges`);
    }
    // (1 − r) + d rather than (1 + d) − r: keeps digits when d is small.
    return lessCost((m * r) / (1 - r + d), cost, { margin: m, retention: r, discount: d });
  }
  const n = finite(input.periods, 'periods');
  if (!Number.isInteger(n) || n < 1) {
    throw mustBe('periods', 'a positive integer', { value: n });
  }
  const q = r / (1 + d);
  // 1 − q formed from the inputs, (1 − r + d)/(1 + d), not from the rounded q: when q is within
  // 1e-14 of 1, 1 − q from q keeps no correct digit (one period came out 1014.2 for 1000).
  const gap = (1 - r + d) / (1 + d);
  if (gap === 0) return lessCost(m * n, cost, { margin: m, retention: r, discount: d, periods: n });
  if (q === 0) return -cost;
  // 1 − q^n = −expm1(n ln(1 − gap)): accurate when q is close to 1.
  const gross = (m * q * -Math.expm1(n * Math.log1p(-gap))) / gap;
  if (!Number.isFinite(gross) && q > 1) {
    // A negative discount rate makes the terms grow: too many periods.
    throw stated('periods', `clv overflows (retention ${r}, discount ${d}, periods ${n})`, 'num');
  }
  return lessCost(gross, cost, { margin: m, retention: r, discount: d, periods: n });
}

/** The value less the acquisition cost, or an error naming what made it overflow. */
function lessCost(gross: number, cost: number, inputs: Record<string, number>): number {
  const shown = Object.entries(inputs)
    .map(([name, value]) => `${name} ${value}`)
    .join(', ');
  if (!Number.isFinite(gross)) {
    throw stated('margin', `the lifetime value is too large to represent; scale the margin down (${shown})`);
  }
  const value = gross - cost;
  if (!Number.isFinite(value)) {
    throw stated('acquisitionCost', `the lifetime value less the acquisition cost is too large to represent; scale margin and acquisitionCost down (acquisitionCost ${cost})`);
  }
  return value;
}
