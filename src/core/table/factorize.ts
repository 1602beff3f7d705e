/**
 * Group keys to dense ids 0..g−1 in order of first appearance: the first step of every typed-array
 * group-by. Integer keys in a compact range use a direct-address table; other numeric keys an
 * open-addressing hash over typed arrays (no boxing); any other keys a Map (SameValueZero, so
 * `1` and `'1'` are different keys).
 */
import { blankCell } from '../messages.ts';
import { isBlank } from './cell.ts';

export interface Factorized {
  /** Dense id of each row's key. */
  ids: Int32Array;
  /** The distinct keys, by id. */
  keys: unknown[];
}

function blankKey(i: number, column: string, argument: string): never {
  throw blankCell({ argument, column, row: i + 1 });
}

const scratch = new Float64Array(1);
const scratchBits = new Int32Array(scratch.buffer);

function hashNumber(v: number): number {
  let h: number;
  if ((v | 0) === v) h = Math.imul(v, 0x9e3779b1);
  else {
    scratch[0] = v;
    h = Math.imul(scratchBits[0], 0x9e3779b1) ^ Math.imul(scratchBits[1], 0x85ebca77);
  }
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return h ^ (h >>> 13);
}

/**
 * Integer keys within a range of at most max(4n, 2^16) values (ids 1..n, cluster labels, codes):
 * a direct-address table instead of a hash. Returns undefined when the keys do not qualify
 * (checked in a first pass that stops at the first key that is not a small-range integer).
 */
function factorizeSmallIntegers(values: ArrayLike<number>): Factorized | undefined {
  const n = values.length;
  const limit = Math.max(4 * n, 65536);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== 'number' || (v | 0) !== v) return undefined;
    if (v < min) min = v;
    if (v > max) max = v;
    if (max - min >= limit) return undefined;
  }
  const slot = new Int32Array(max - min + 1).fill(-1);
  const ids = new Int32Array(n);
  const keys: number[] = [];
  for (let i = 0; i < n; i++) {
    const offset = values[i] - min;
    let id = slot[offset];
    if (id === -1) {
      id = keys.length;
      slot[offset] = id;
      keys.push(values[i]);
    }
    ids[i] = id;
  }
  return { ids, keys };
}

/** Numeric keys; returns undefined at the first non-number so the caller can fall back. */
function factorizeNumbers(values: ArrayLike<unknown>, column: string, argument: string): Factorized | undefined {
  const n = values.length;
  const ids = new Int32Array(n);
  let capacity = 1024;
  let mask = capacity - 1;
  let slots = new Int32Array(capacity).fill(-1);
  let keys = new Float64Array(256);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== 'number') {
      if (isBlank(v)) blankKey(i, column, argument);
      return undefined;
    }
    if (v !== v) blankKey(i, column, argument);
    let slot = hashNumber(v) & mask;
    for (;;) {
      const id = slots[slot];
      if (id === -1) {
        if (count === keys.length) {
          const grown = new Float64Array(keys.length * 2);
          grown.set(keys);
          keys = grown;
        }
        keys[count] = v;
        slots[slot] = count;
        ids[i] = count++;
        if (count * 2 > capacity) {
          // Keep the load under one half: rehash into twice the slots.
          capacity *= 2;
          mask = capacity - 1;
          slots = new Int32Array(capacity).fill(-1);
          for (let g = 0; g < count; g++) {
            let s = hashNumber(keys[g]) & mask;
            while (slots[s] !== -1) s = (s + 1) & mask;
            slots[s] = g;
          }
        }
        break;
      }
      if (keys[id] === v) {
        ids[i] = id;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { ids, keys: Array.from(keys.subarray(0, count)) };
}

/**
 * Dense ids for a column of group keys.
 *
 * @param values the keys, one per row
 * @param column the column's name, for the message
 * @param argument the option that named the column, for the message
 * @returns `{ ids, keys }`: `keys[ids[i]]` is row i's key
 * @throws {InputError} naming the column and the 1-based row of the first blank key
 * @example factorize(['b', 'a', 'b'], 'customer', 'customer').keys; // => ['b', 'a'] (and ids Int32Array [0, 1, 0])
 */
export function factorize(values: ArrayLike<unknown>, column: string, argument: string): Factorized {
  const n = values.length;
  if (n > 0 && typeof values[0] === 'number') {
    const dense = factorizeSmallIntegers(values as ArrayLike<number>);
    if (dense) return dense;
    const numeric = factorizeNumbers(values, column, argument);
    if (numeric) return numeric;
  }
  const ids = new Int32Array(n);
  const map = new Map<unknown, number>();
  const keys: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const key = values[i];
    let id = map.get(key);
    if (id === undefined) {
      if (isBlank(key)) blankKey(i, column, argument);
      id = keys.length;
      map.set(key, id);
      keys.push(key);
    }
    ids[i] = id;
  }
  return { ids, keys };
}
