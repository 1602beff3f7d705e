/**
 * The Lifetime value view's purchase model: BG/NBD, Pareto/NBD or the one that forecasts a
 * holdout period better (`compareModels` on the log split at calibration end − holdout), the
 * parameters with their standard errors, the P(alive) grid for either model and CLV intervals
 * from parameter uncertainty for the top customers.
 */
import * as aq from 'arquero';
import {
  clvIntervals,
  compareModels,
  customerSummary,
  dayNumber,
  fitParetoNbd,
  isoDate,
  pAliveAll,
  type BgNbdFit,
  type BtydClvOptions,
  type GammaGammaFit,
  type ModelComparison,
  type ParetoNbdFit,
} from '../../core/index.ts';
import { stated } from '../../core/messages.ts';
import { frequencyRecencyGrid } from '../../core/lifetime/frequency-recency-grid.ts';
import { columnValues } from '../../core/table/column-values.ts';
import type { ColumnTable } from '../excel/cell-values.ts';
import { fmt } from '../ui/format.ts';

/** What the user picks: one model, or the better of the two on a holdout period. */
export type ModelChoice = 'bg-nbd' | 'pareto-nbd' | 'holdout';
export type ModelName = 'BG/NBD' | 'Pareto/NBD';
export type PurchaseFit = BgNbdFit | ParetoNbdFit;

export const MODEL_CHOICES: readonly { value: ModelChoice; text: string }[] = [
  { value: 'bg-nbd', text: 'BG/NBD' },
  { value: 'pareto-nbd', text: 'Pareto/NBD' },
  { value: 'holdout', text: 'the better one on a holdout period' },
];

/** The comparison on a calibration/holdout split of the log. */
export interface HoldoutComparison {
  comparison: ModelComparison;
  /** The split: the models are fitted on purchases up to it… */
  splitDate: string;
  /** …and forecast the purchases after it up to the calibration end. */
  holdoutEnd: string;
  weeks: number;
}

export function isParetoFit(fit: PurchaseFit): fit is ParetoNbdFit {
  return 's' in fit && 'beta' in fit;
}

/**
 * Half the history in whole weeks: from the first purchase day in the log to the end. On the
 * CDNOW sample (1997-01-01 to 1998-06-30) that is 39 weeks, the split of Fader, Hardie & Lee (2005).
 */
export function defaultHoldoutWeeks(log: ColumnTable, dateColumn: string, end: string): number {
  const days = columnValues(log, dateColumn, 'date');
  let first = Infinity;
  for (let i = 0; i < days.length; i++) {
    const day = days[i] as unknown;
    if (day === null || day === undefined || day === '') continue;
    const d = dayNumber(day, `${dateColumn} (row ${i + 1})`);
    if (d < first) first = d;
  }
  return Math.max(1, Math.round((dayNumber(end, 'calibration end') - first) / 14));
}

/**
 * BG/NBD against Pareto/NBD: fitted on the log up to `end − weeks`, scored on the purchases in
 * the `weeks` after it.
 *
 * @throws {InputError} naming the holdout when it leaves no customer before the split
 */
export function holdoutComparison(
  log: ColumnTable,
  columns: { customer: string; date: string; amount: string },
  end: string,
  weeks: number,
): HoldoutComparison {
  const splitDate = isoDate(dayNumber(end, 'calibration end') - 7 * weeks);
  const summary = customerSummary(log, { ...columns, calibrationEnd: splitDate, holdoutEnd: end, timeUnit: 'week' });
  if (summary.numRows() < 2) {
    throw stated(
      'holdout',
      `Holdout (weeks): ${weeks} weeks before ${end} is ${splitDate}, and fewer than two customers bought before it; choose a shorter holdout.`,
    );
  }
  return { comparison: compareModels(summary, { duration: weeks }), splitDate, holdoutEnd: end, weeks };
}

/**
 * The fit of the chosen model on the full summary: BG/NBD is already fitted (`bgNbd`),
 * Pareto/NBD is fitted when chosen or when it wins the holdout comparison.
 */
export function chosenModel(choice: ModelChoice, summary: unknown, bgNbd: BgNbdFit, comparison: HoldoutComparison | null): { model: ModelName; fit: PurchaseFit } {
  const model: ModelName =
    choice === 'pareto-nbd' ? 'Pareto/NBD' : choice === 'holdout' && comparison ? comparison.comparison.better.holdoutMae : 'BG/NBD';
  return { model, fit: model === 'BG/NBD' ? bgNbd : fitParetoNbd(summary) };
}

function estimate(value: number, error: number | undefined): string {
  return error === undefined ? fmt(value, 4) : `${fmt(value, 4)} ± ${fmt(error, 4)}`;
}

/** "r = 0.2426 ± 0.0126, α = 4.4135 ± 0.3782, …" (± one standard error; none when the information was singular). */
export function parameterText(fit: PurchaseFit | GammaGammaFit): string {
  const se = (fit.standardErrors ?? {}) as Record<string, number | undefined>;
  if ('p' in fit) return `p = ${estimate(fit.p, se.p)}, q = ${estimate(fit.q, se.q)}, γ = ${estimate(fit.gamma, se.gamma)}`;
  const tail = isParetoFit(fit) ? `s = ${estimate(fit.s, se.s)}, β = ${estimate(fit.beta, se.beta)}` : `a = ${estimate(fit.a, se.a)}, b = ${estimate(fit.b, se.b)}`;
  return `r = ${estimate(fit.r, se.r)}, α = ${estimate(fit.alpha, se.alpha)}, ${tail}`;
}

/**
 * P(alive) over the frequency × recency grid for customers of age T, for either model (the
 * companion of the core's BG/NBD-only `pAliveMatrix`, same grid and columns).
 */
export function pAliveGrid(fit: PurchaseFit, T: number): ColumnTable {
  const { x, tx } = frequencyRecencyGrid({ T });
  // x = 0 means no repeat purchase: the model's recency is 0 whatever the column shows.
  const recency = tx.map((v, i) => (x[i] === 0 ? 0 : v));
  const p = pAliveAll(fit, aq.table({ x, t_x: recency, T: new Float64Array(x.length).fill(T) }));
  return aq.table({ x, t_x: tx, p_alive: p });
}

/** Draws of the parameters behind the CLV intervals (see `clvIntervals` in the core). */
export const CLV_DRAWS = 200;

/**
 * The rows given (customers with x, t_x, T, monetary, clv) with `clv_low` and `clv_high`: the
 * 95% interval of each customer's CLV from the uncertainty of both fits (200 seeded draws of the
 * log-parameters from their asymptotic normal). Blank when a fit has no covariance.
 */
export function withClvIntervals(
  rows: Record<string, unknown>[],
  purchase: PurchaseFit,
  spend: GammaGammaFit,
  options: BtydClvOptions,
): Record<string, unknown>[] {
  if (rows.length === 0 || !purchase.logCovariance || !spend.logCovariance) {
    return rows.map((row) => ({ ...row, clv_low: null, clv_high: null }));
  }
  const summary = aq.table({
    x: rows.map((r) => r.x as number),
    t_x: rows.map((r) => r.t_x as number),
    T: rows.map((r) => r.T as number),
    monetary: rows.map((r) => r.monetary as number),
  });
  const { lower, upper } = clvIntervals(summary, purchase, spend, options, { draws: CLV_DRAWS, seed: 1 });
  return rows.map((row, i) => ({ ...row, clv_low: lower[i], clv_high: upper[i] }));
}
