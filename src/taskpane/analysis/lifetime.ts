/**
 * The Lifetime value view's computation: customer summary (x, t_x, T, monetary) at a calibration
 * date, BG/NBD and Gamma-Gamma fits, and per customer P(alive), expected purchases and
 * discounted CLV over a horizon.
 */
import {
  customerLifetimeValue,
  customerSummary,
  fitBgNbd,
  fitGammaGamma,
  type BgNbdFit,
  type BtydClvResult,
  type AnalysisEnd,
  type GammaGammaFit,
  valueOverPeriods,
} from '../../core/index.ts';
import type { ColumnTable } from '../excel/cell-values.ts';
import type { Mapping } from '../mapping/roles.ts';
import { datedLog, localToday } from './dates.ts';
import { chosenModel, defaultHoldoutWeeks, holdoutComparison, withClvIntervals, type HoldoutComparison, type ModelChoice, type ModelName, type PurchaseFit } from './lifetime-model.ts';
import { rowObjects } from '../../core/table/row-objects.ts';
import { blankUnconvergedPeriods, requireConverged } from './fit-not-converged.ts';

export interface LifetimeOptions {
  /** Calibration end (the analysis date); default the last purchase day on or before today. */
  calibrationEnd?: string;
  /** Today (default: now); rows after it never set the default calibration end. */
  today?: unknown;
  /** Profit margin as a fraction of spend. */
  margin: number;
  /** Discount rate per month. */
  monthlyDiscount: number;
  /** Horizon in months. */
  months: number;
  /** The purchase model (default BG/NBD). */
  model?: ModelChoice;
  /** Holdout length in weeks for the model comparison (default: half the history). */
  holdoutWeeks?: number | null;
}

export interface LifetimeResult {
  /** What the view was given: a transaction log, or a per-customer summary (x, t_x, T, monetary). */
  input: 'transactions' | 'summary';
  calibrationEnd: string;
  /** How the calibration end was chosen and the rows dated after it (left out). */
  window: AnalysisEnd;
  /** Transactions used (on or before the calibration end). */
  transactions: number;
  summary: ColumnTable;
  bgNbd: BgNbdFit;
  gammaGamma: GammaGammaFit;
  clv: BtydClvResult;
  /** The largest customer age T (weeks), for the P(alive) matrix. */
  maxT: number;
  /** The purchase model used for P(alive), expected purchases and CLV, and its fit. */
  model: ModelName;
  purchase: PurchaseFit;
  /** BG/NBD against Pareto/NBD on a holdout (when the choice is "the better one"). */
  comparison: HoldoutComparison | null;
  /** The top customers by CLV with 95% CLV intervals from parameter uncertainty. */
  top: Record<string, unknown>[];
}

/** How many top customers the view lists (with CLV intervals). */
export const TOP_CUSTOMERS = 15;

export function runLifetime(table: ColumnTable, mapping: Mapping, options: LifetimeOptions): LifetimeResult {
  const columns = { customer: mapping.customer as string, date: mapping.date as string, amount: mapping.amount as string };
  const { window, table: used } = datedLog(table, columns.date, options.calibrationEnd, options.today ?? localToday());
  const calibrationEnd = window.end;
  const summary = customerSummary(used, { ...columns, calibrationEnd, timeUnit: 'week' });
  const choice = options.model ?? 'bg-nbd';
  const comparison =
    choice === 'holdout'
      ? holdoutComparison(used, columns, calibrationEnd, options.holdoutWeeks ?? defaultHoldoutWeeks(used, columns.date, calibrationEnd))
      : null;
  return { input: 'transactions', calibrationEnd, window, transactions: used.numRows(), ...scoreSummary(summary, options, comparison) };
}

/**
 * The fits and per-customer values of a summary (weeks): BG/NBD, the chosen purchase model,
 * Gamma-Gamma, CLV, and the top customers with CLV intervals.
 */
export function scoreSummary(summary: ColumnTable, options: LifetimeOptions, comparison: HoldoutComparison | null): Omit<LifetimeResult, 'input' | 'calibrationEnd' | 'window' | 'transactions'> {
  const bgNbd = fitBgNbd(summary);
  const gammaGamma = fitGammaGamma(summary);
  const { model, fit: purchase } = chosenModel(options.model ?? 'bg-nbd', summary, bgNbd, comparison);
  // Never score with a fit that did not converge: its parameters are no estimate.
  requireConverged(purchase, model, 'purchases');
  requireConverged(gammaGamma, 'Gamma-Gamma', 'spend');
  const clvOptions = {
    margin: options.margin,
    discountRate: options.monthlyDiscount,
    horizon: options.months,
    timeUnit: 'week',
    period: 'month',
  } as const;
  const clv = customerLifetimeValue(summary, purchase, gammaGamma, clvOptions);
  let maxT = 0;
  const ages = summary.array('T') as ArrayLike<number>;
  for (let i = 0; i < ages.length; i++) if (ages[i] > maxT) maxT = ages[i];
  const top = withClvIntervals(topOf(summary, clv, TOP_CUSTOMERS), purchase, gammaGamma, clvOptions);
  return { summary, bgNbd, gammaGamma, clv, maxT, model, purchase, comparison, top };
}

/** The `n` customers with the highest CLV, with their summary columns. */
export function topCustomers(result: LifetimeResult, n: number): Record<string, unknown>[] {
  return topOf(result.summary, result.clv, n);
}

function topOf(table: ColumnTable, clv: BtydClvResult, n: number): Record<string, unknown>[] {
  const rows = rowObjects(clv.table) as Record<string, unknown>[];
  const summary = rowObjects(table) as Record<string, unknown>[];
  return rows
    .map((row, i) => ({ ...summary[i], ...row }))
    .sort((a, b) => (b.clv as number) - (a.clv as number))
    .slice(0, n);
}

/** The customer base at each quarter end (models refitted on the data up to it), with the view's CLV options. */
export function runValueOverQuarters(table: ColumnTable, mapping: Mapping, options: LifetimeOptions): ColumnTable {
  const periods = valueOverPeriods(table, {
    customer: mapping.customer as string,
    date: mapping.date as string,
    amount: mapping.amount as string,
    every: 'quarter',
    margin: options.margin,
    discountRate: options.monthlyDiscount,
    horizon: options.months,
    timeUnit: 'week',
    period: 'month',
  });
  return blankUnconvergedPeriods(periods);
}
