/**
 * Expected purchases over a grid of frequency and recency for customers of one age: the
 * companion of `pAliveMatrix`, for either purchase model.
 */
import * as aq from 'arquero';
import { frequencyRecencyGrid, type FrequencyRecencyGridOptions } from './frequency-recency-grid.ts';
import { expectedPurchasesAll, type PurchaseModelParams } from './score-all.ts';

export interface ExpectedPurchasesMatrixOptions extends FrequencyRecencyGridOptions {
  /** Forecast length, in the same unit as T. */
  t: number;
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
  const { T, x, tx } = frequencyRecencyGrid(options);
  // x = 0 means no repeat purchase: the model's recency is 0 whatever the column shows.
  const modelRecency = tx.map((v, i) => (x[i] === 0 ? 0 : v));
  const expected = expectedPurchasesAll(fit, aq.table({ x, t_x: modelRecency, T: new Float64Array(x.length).fill(T) }), options.t);
  return aq.table({ x, t_x: tx, expected_purchases: expected });
}
