/**
 * Reading and validating (x, t_x, T) and (x, monetary) columns, and collapsing identical rows
 * into weighted groups so that a likelihood over a million customers costs what its few
 * thousand distinct rows cost.
 */
import { mustBe } from '../messages.ts';
import { inputColumn, numbersOf, rowCount } from '../table/column-values.ts';

/**
 * Largest purchase count x and largest time (t_x, T, forecast t, in the data's unit) the BTYD
 * functions accept: a million purchases or a million days is beyond any customer base, and the
 * limit keeps every intermediate (Γ(r + x), (α + T)^(r+x), …) finite in log space.
 */
export const BTYD_DATA_LIMIT = 1e6;

/** Distinct (x, t_x, T) rows with their counts. */
export interface GroupedRfm {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  /** Number of customers (Σ weight). */
  customers: number;
  /** Number of customers with x > 0. */
  repeatBuyers: number;
}

/**
 * Checks one customer's (x, t_x, T): x a whole number from 0 to 1e6, 0 ≤ t_x ≤ T ≤ 1e6; `row`
 * (1-based) goes into the message.
 */
export function checkRfm(x: number, tx: number, T: number, row?: number): void {
  const at = (argument: string) => ({ argument, row });
  if (!(Number.isInteger(x) && x >= 0 && x <= BTYD_DATA_LIMIT)) {
    throw mustBe(at('x'), 'a whole number from 0 to 1e6', { value: x, code: 'num' });
  }
  if (!(T >= 0 && T <= BTYD_DATA_LIMIT)) {
    throw mustBe(at('T'), 'a number from 0 to 1e6', { value: T, code: 'num' });
  }
  if (!(Number.isFinite(tx) && tx >= 0 && tx <= T * (1 + 1e-12))) {
    throw mustBe(at('t_x'), `between 0 and T = ${T}`, { value: tx, code: 'num' });
  }
}

/**
 * Checks a forecast length t (of either purchase model): a number from 0 to `BTYD_DATA_LIMIT`,
 * the bound of t_x and T, which keeps (β + T + t)^s and the like finite in log space.
 *
 * @throws {InputError} naming t otherwise
 */
export function checkHorizon(t: number): void {
  if (!(typeof t === 'number' && t >= 0 && t <= BTYD_DATA_LIMIT)) {
    throw mustBe('t', 'a number from 0 to 1e6', { value: t, code: 'num' });
  }
}

/** The summary's x, t_x, T columns as Float64Arrays, validated row by row. */
export function readRfm(summary: unknown): { x: Float64Array; tx: Float64Array; T: Float64Array } {
  const x = numbersOf(inputColumn(summary, 'x', 'summary'), 'x', 'summary');
  const tx = numbersOf(inputColumn(summary, 't_x', 'summary'), 't_x', 'summary');
  const T = numbersOf(inputColumn(summary, 'T', 'summary'), 'T', 'summary');
  for (let i = 0; i < x.length; i++) checkRfm(x[i], tx[i], T[i], i + 1);
  return { x, tx, T };
}

const scratch = new Float64Array(1);
const scratchBits = new Int32Array(scratch.buffer);
/** Mixes a double's bits into a 32-bit hash h (−0 as 0): for open addressing over typed arrays. */
export function mixDouble(h: number, v: number): number {
  scratch[0] = v === 0 ? 0 : v; // −0 and 0 alike
  h = Math.imul(h ^ scratchBits[0], 0x85ebca6b);
  h = Math.imul(h ^ scratchBits[1], 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Identical (x, t_x, T) rows collapsed into groups with counts. O(n) expected (open
 * addressing over typed arrays).
 */
export function groupRfm(x: Float64Array, tx: Float64Array, T: Float64Array): GroupedRfm {
  const n = x.length;
  let capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  const mask = capacity - 1;
  const slots = new Int32Array(capacity).fill(-1);
  const gx = new Float64Array(n);
  const gtx = new Float64Array(n);
  const gT = new Float64Array(n);
  const gw = new Float64Array(n);
  let groups = 0;
  let repeatBuyers = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    // t_x is irrelevant when x = 0: group those by T alone.
    const ti = xi === 0 ? 0 : tx[i];
    const Ti = T[i];
    if (xi > 0) repeatBuyers++;
    let slot = mixDouble(mixDouble(mixDouble(0x9747b28c, xi), ti), Ti) & mask;
    for (;;) {
      const g = slots[slot];
      if (g === -1) {
        slots[slot] = groups;
        gx[groups] = xi;
        gtx[groups] = ti;
        gT[groups] = Ti;
        gw[groups] = 1;
        groups++;
        break;
      }
      if (gx[g] === xi && gtx[g] === ti && gT[g] === Ti) {
        gw[g]++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return {
    x: gx.slice(0, groups),
    tx: gtx.slice(0, groups),
    T: gT.slice(0, groups),
    weight: gw.slice(0, groups),
    customers: n,
    repeatBuyers,
  };
}

/** Number of rows of the summary (0 for anything that is not a table or array). */
export function summaryRows(summary: unknown): number {
  return rowCount(summary);
}
