/**
 * The shared body of the lifetime-value cases: a seeded CDNOW-like log (untimed), then
 * `customerSummary` (ISO date strings parsed inside the timed section), `fitBgNbd` and
 * `fitGammaGamma`, each timed (median of runs). Reports the total and its parts, and the fitted
 * parameters next to the simulation's (a recovery check).
 */
import * as aq from 'arquero';
import { reportCase, timeMedian } from '../harness.ts';
import { CALIBRATION_END, CDNOW_PARAMS, generateCdnowLike, HOLDOUT_END, SPEND_PARAMS } from '../generate/cdnow-like.ts';
import { customerSummary } from '../../src/core/lifetime/customer-summary.ts';
import { fitBgNbd } from '../../src/core/lifetime/bg-nbd-fit.ts';
import { fitGammaGamma } from '../../src/core/lifetime/gamma-gamma.ts';

export function runClvCase(customers: number, repeats: number, summaryOnly = false): void {
  const log = generateCdnowLike(customers);
  const table = aq.table(log as unknown as Record<string, unknown[]>);
  const options = { calibrationEnd: CALIBRATION_END, holdoutEnd: HOLDOUT_END, timeUnit: 'week' as const };
  let summary = customerSummary(table, options);
  const summaryMs = timeMedian(() => (summary = customerSummary(table, options)), { repeats, warmup: 1 });
  if (summaryOnly) {
    // The same checks as bench/python/clv_summary.py prints.
    const x = summary.column('x') as unknown as Int32Array;
    const xh = summary.column('x_holdout') as unknown as Int32Array;
    let sumX = 0;
    let repeatBuyers = 0;
    let sumXHoldout = 0;
    for (let i = 0; i < x.length; i++) {
      sumX += x[i];
      if (x[i] > 0) repeatBuyers++;
      sumXHoldout += xh[i];
    }
    reportCase({ ms: summaryMs, transactions: log.customer.length, customers: summary.numRows(), repeatBuyers, sumX, sumXHoldout });
    return;
  }
  let bg = fitBgNbd(summary);
  const bgNbdMs = timeMedian(() => (bg = fitBgNbd(summary)), { repeats, warmup: 1 });
  let gg = fitGammaGamma(summary);
  const gammaGammaMs = timeMedian(() => (gg = fitGammaGamma(summary)), { repeats, warmup: 1 });
  const round = (v: number) => Math.round(v * 1000) / 1000;
  reportCase({
    ms: summaryMs + bgNbdMs + gammaGammaMs,
    summaryMs,
    fitMs: bgNbdMs + gammaGammaMs,
    bgNbdMs,
    gammaGammaMs,
    transactions: log.customer.length,
    customers: summary.numRows(),
    bgNbd: { r: round(bg.r), alpha: round(bg.alpha), a: round(bg.a), b: round(bg.b), converged: bg.converged },
    simulatedBgNbd: CDNOW_PARAMS,
    gammaGamma: { p: round(gg.p), q: round(gg.q), gamma: round(gg.gamma), n: gg.n, converged: gg.converged },
    simulatedGammaGamma: SPEND_PARAMS,
  });
}
