/**
 * The frequency × recency grid of the P(alive) and expected-purchases matrices: customers of one
 * age T with x = 0..maxFrequency repeat purchases, the last at t_x = 0, T/steps, …, T.
 */
import { mustBe, stated } from '../messages.ts';

export interface FrequencyRecencyGridOptions {
  /** Age of the customers (time from the first purchase to the end of calibration). */
  T: number;
  /** Largest frequency x shown; default 14. */
  maxFrequency?: number;
  /** Number of recency steps over 0..T; default 20 (21 columns). */
  recencySteps?: number;
}

export interface FrequencyRecencyGrid {
  T: number;
  /** Frequency of each cell, row-major over x then recency. */
  x: Int32Array;
  /** Recency of each cell as shown (t_x = T·s/steps, also where x = 0). */
  tx: Float64Array;
}

/**
 * The grid's cells, (maxFrequency + 1) × (recencySteps + 1) of them.
 *
 * @throws {InputError} unless T is a positive number and maxFrequency, recencySteps whole numbers ≥ 1
 */
export function frequencyRecencyGrid(options: FrequencyRecencyGridOptions): FrequencyRecencyGrid {
  const T = options?.T;
  if (!(typeof T === 'number' && Number.isFinite(T) && T > 0)) {
    throw mustBe('T', 'a positive number', { value: T, code: 'num' });
  }
  const top = options.maxFrequency ?? 14;
  const steps = options.recencySteps ?? 20;
  if (!(Number.isInteger(top) && top >= 1) || !(Number.isInteger(steps) && steps >= 1)) {
    throw stated('options', 'maxFrequency and recencySteps must be whole numbers ≥ 1');
  }
  const cells = (top + 1) * (steps + 1);
  const x = new Int32Array(cells);
  const tx = new Float64Array(cells);
  let i = 0;
  for (let k = 0; k <= top; k++) {
    for (let s = 0; s <= steps; s++) {
      x[i] = k;
      tx[i] = (T * s) / steps;
      i++;
    }
  }
  return { T, x, tx };
}
