/**
 * Expected purchases over a grid of frequency and recency for customers of one age: the
 * companion of `pAliveMatrix`, for either purchase model.
 */
import * as aq from 'arquero';
import { InputError } from '../errors.ts';
import { expectedPurchasesAll, type PurchaseModelParams } from './score-all.ts';

export interface ExpectedPurchasesMatrixOptions {
  /** Age of the customers (time from the first purchase to the end of calibration). */
  T: number;
  /** Forecast length, in the same unit. */
  t: number;
  /** Largest frequency x shown; default 14. */
  maxFrequency?: number;
  /** Number of recency steps over 0..T; default 20 (21 columns). */
  recencySteps?: number;
}

/**
 * E[Y(t) | x, t_x, T] over x = 0..maxFrequency and t_x = 0, T/steps, …, T, for a BG/NBD or
 * Pareto/NBD fit (Fader, Hardie & Lee 2005, Figure 6 style iso-value view).
 *
 * @param fit BG/NBD `{ r, alpha, a, b }` or Pareto/NBD `{ r, alpha, s, beta }`
 * @param options T, t, maxFrequency, recencySteps
 * @returns Arquero table `x, t_x, expected_purchases` (long form, one row per cell)
 * @throws {InputError} for bad parameters or options
 * @example expectedPurchasesMatrix({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { T: 38.86, t: 39 }).numRows(); // => 315
 */
export function expectedPurchasesMatrix(fit: PurchaseModelParams, options: ExpectedPurchasesMatrixOptions) {
  const T = options?.T;
  if (!(typeof T === 'number' && Number.isFinite(T) && T > 0)) {
    throw new InputError(`T must be a positive number (it is ${String(T)})`, { code: 'num', argument: 'T' });
  }
  const top = options.maxFrequency ?? 14;
  const steps = options.recencySteps ?? 20;
  if (!(Number.isInteger(top) && top >= 1) || !(Number.isInteger(steps) && steps >= 1)) {
    throw new InputError('maxFrequency and recencySteps must be whole numbers ≥ 1', { argument: 'options' });
  }
  const rows = (top + 1) * (steps + 1);
  const x = new Float64Array(rows);
  const tx = new Float64Array(rows);
  const Ts = new Float64Array(rows).fill(T);
  let i = 0;
  for (let k = 0; k <= top; k++) {
    for (let s = 0; s <= steps; s++) {
      x[i] = k;
      // x = 0 means no repeat purchase: recency is 0 whatever the column.
      tx[i] = k === 0 ? 0 : (T * s) / steps;
      i++;
    }
  }
  const expected = expectedPurchasesAll(fit, aq.table({ x, t_x: tx, T: Ts }), options.t);
  const shownRecency = new Float64Array(rows);
  i = 0;
  for (let k = 0; k <= top; k++) for (let s = 0; s <= steps; s++) shownRecency[i++] = (T * s) / steps;
  return aq.table({ x: Int32Array.from(x), t_x: shownRecency, expected_purchases: expected });
}
