/**
 * The conditional-expectation check of a BTYD model: customers grouped by calibration
 * frequency, actual mean holdout purchases against the model's conditional expectation
 * (Fader, Hardie & Lee 2005, Figure 4).
 */
import * as aq from 'arquero';
import { mustBe } from '../messages.ts';
import { checkBgNbdParams, expectedUnchecked, type BgNbdParams } from './bg-nbd.ts';
import { readRfm } from './btyd-data.ts';
import { frequencyRecencyGrid, type FrequencyRecencyGridOptions } from './frequency-recency-grid.ts';
import { inputColumn, numbersOf } from '../table/column-values.ts';

export interface CalibrationHoldoutOptions {
  /** Length of the holdout period in the summary's time unit (39 weeks for CDNOW). */
  duration: number;
  /** Frequencies above this share the last group `n+`. Default 7. */
  maxFrequency?: number;
}

/**
 * Per calibration frequency x = 0, 1, …, maxFrequency+ : number of customers, mean actual
 * holdout purchases (`x_holdout`) and mean BG/NBD conditional expectation
 * E[Y(duration) | x, t_x, T].
 *
 * Reference: Fader, Hardie & Lee (2005), Marketing Science 24(2), Figure 4. O(n) ₂F₁
 * evaluations.
 *
 * @param summary table or rows with x, t_x, T and x_holdout (`customerSummary` with holdoutEnd)
 * @param params BG/NBD parameters
 * @param options holdout duration and the top frequency group
 * @returns Arquero table `frequency` (label), `x`, `customers`, `actual`, `expected`
 * @throws {InputError} for a missing x_holdout column, bad duration or parameters
 * @example calibrationHoldout(cdnowSummary, fit, { duration: 39 }).numRows(); // => 8 (0..6 and 7+)
 */
export function calibrationHoldout(summary: unknown, params: BgNbdParams, options: CalibrationHoldoutOptions) {
  checkBgNbdParams(params);
  const duration = options?.duration;
  if (!(typeof duration === 'number' && Number.isFinite(duration) && duration > 0)) {
    throw mustBe('duration', 'a positive number', { value: duration, code: 'num' });
  }
  const top = options.maxFrequency ?? 7;
  if (!(Number.isInteger(top) && top >= 1)) {
    throw mustBe('maxFrequency', 'a whole number ≥ 1', { value: top });
  }
  const { x, tx, T } = readRfm(summary);
  const holdout = numbersOf(inputColumn(summary, 'x_holdout', 'summary'), 'x_holdout', 'summary');
  const customers = new Float64Array(top + 1);
  const actual = new Float64Array(top + 1);
  const expected = new Float64Array(top + 1);
  for (let i = 0; i < x.length; i++) {
    const g = Math.min(x[i], top);
    customers[g]++;
    actual[g] += holdout[i];
    expected[g] += expectedUnchecked(params, duration, x[i], tx[i], T[i]);
  }
  const label = new Array<string>(top + 1);
  const xs = new Int32Array(top + 1);
  for (let g = 0; g <= top; g++) {
    label[g] = g === top ? `${top}+` : String(g);
    xs[g] = g;
    actual[g] = customers[g] > 0 ? actual[g] / customers[g] : NaN;
    expected[g] = customers[g] > 0 ? expected[g] / customers[g] : NaN;
  }
  return aq.table({ frequency: label, x: xs, customers, actual, expected });
}

/**
 * P(alive) over a grid of frequency x = 0..maxFrequency and recency t_x for customers of age T
 * (the "frequency–recency" matrix of Fader, Hardie & Lee 2005, Figure 5 style).
 *
 * @param params BG/NBD parameters
 * @param options `T` the age, `maxFrequency` (default 14), `recencySteps` (default 20 cells over 0..T)
 * @returns Arquero table `x, t_x, p_alive` (long form, one row per cell)
 * @throws {InputError} for bad parameters or options
 * @example pAliveMatrix({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { T: 38.86 }).numRows(); // => 315 (15 × 21)
 */
export function pAliveMatrix(params: BgNbdParams, options: FrequencyRecencyGridOptions) {
  checkBgNbdParams(params);
  const { T, x, tx } = frequencyRecencyGrid(options);
  const p = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const k = x[i];
    p[i] = k === 0 ? 1 : 1 / (1 + Math.exp(Math.log(params.a / (params.b + k - 1)) + (params.r + k) * (Math.log(params.alpha + T) - Math.log(params.alpha + tx[i]))));
  }
  return aq.table({ x, t_x: tx, p_alive: p });
}
