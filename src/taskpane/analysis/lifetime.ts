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
import { rowObjects } from '../../core/table/row-objects.ts';

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
}

export interface LifetimeResult {
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
}

export function runLifetime(table: ColumnTable, mapping: Mapping, options: LifetimeOptions): LifetimeResult {
  const columns = { customer: mapping.customer as string, date: mapping.date as string, amount: mapping.amount as string };
  const { window, table: used } = datedLog(table, columns.date, options.calibrationEnd, options.today ?? localToday());
  const calibrationEnd = window.end;
  const summary = customerSummary(used, { ...columns, calibrationEnd, timeUnit: 'week' });
  const bgNbd = fitBgNbd(summary);
  const gammaGamma = fitGammaGamma(summary);
  const clv = customerLifetimeValue(summary, bgNbd, gammaGamma, {
    margin: options.margin,
    discountRate: options.monthlyDiscount,
    horizon: options.months,
    timeUnit: 'week',
    period: 'month',
  });
  let maxT = 0;
  const ages = summary.array('T') as ArrayLike<number>;
  for (let i = 0; i < ages.length; i++) if (ages[i] > maxT) maxT = ages[i];
  return { calibrationEnd, window, transactions: used.numRows(), summary, bgNbd, gammaGamma, clv, maxT };
}

/** The `n` customers with the highest CLV, with their summary columns. */
export function topCustomers(result: LifetimeResult, n: number): Record<string, unknown>[] {
  const rows = rowObjects(result.clv.table) as Record<string, unknown>[];
  const summary = rowObjects(result.summary) as Record<string, unknown>[];
  return rows
    .map((row, i) => ({ ...summary[i], ...row }))
    .sort((a, b) => (b.clv as number) - (a.clv as number))
    .slice(0, n);
}

/** The customer base at each quarter end (models refitted on the data up to it), with the view's CLV options. */
export function runValueOverQuarters(table: ColumnTable, mapping: Mapping, options: LifetimeOptions): ColumnTable {
  return valueOverPeriods(table, {
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
}
