/**
 * Cumulative tracking of repeat purchases, actual against the BG/NBD forecast, period by period
 * over calibration and holdout (Fader, Hardie & Lee 2005, Figure 2).
 */
import * as aq from 'arquero';
import { invalid } from '../messages.ts';
import { isoDate } from '../time/day-number.ts';
import { checkBgNbdParams, unconditionalUnchecked, type BgNbdParams } from './bg-nbd.ts';
import { NONE, purchaseOccasions, type CustomerSummaryOptions } from './customer-summary.ts';

/**
 * Repeat purchases per period of `timeUnit`, actual and expected, and their running totals.
 * Period k covers the days start + ⌊(k−1)u⌋ .. start + ⌊ku⌋ − 1 (u = days per unit; `start` =
 * the cohort's first purchase day), so with CDNOW and weeks, week 39 ends on 1997-09-30 and
 * week 78 on 1998-06-30. Actual = repeat purchase days (after each customer's first) in the
 * period. Expected cumulative at the end e_k of period k = Σ over customers of
 * E[X((e_k − first purchase day)/u)] (the unconditional BG/NBD expectation, counted from each
 * customer's own first purchase); customers are grouped by first purchase day, so the cost is
 * O(distinct first days × periods) ₂F₁ evaluations. The cohort is the customers whose first
 * purchase is in the calibration period, as in `customerSummary` (same options and rules).
 *
 * Reference: Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing
 * Science 24(2), Figure 2 (weekly cumulative repeat transactions, CDNOW).
 *
 * @param transactions the log (as for `customerSummary`)
 * @param params BG/NBD parameters in `timeUnit`
 * @param options as `customerSummary` (holdoutEnd extends the series beyond calibration)
 * @returns Arquero table `period, end, actual, expected, actual_cumulative,
 *   expected_cumulative, holdout` (`end` ISO date; `holdout` true after calibrationEnd)
 * @throws {InputError} as `customerSummary`, or for bad parameters
 * @example repeatPurchaseTracking(cdnowRows, fit, { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30' }).numRows(); // => 78
 */
export function repeatPurchaseTracking(
  transactions: unknown,
  params: BgNbdParams,
  options: CustomerSummaryOptions,
) {
  checkBgNbdParams(params);
  const occasions = purchaseOccasions(transactions, options);
  const { first, pairs, pairCustomer, pairDay, kept, calibrationEnd, unitDays } = occasions;
  const lastDay = occasions.holdoutEnd ?? calibrationEnd;
  let start = NONE;
  for (let c = 0; c < first.length; c++) if (first[c] < start) start = first[c];
  if (start === NONE) {
    throw invalid('transactions', 'has no purchase on or before calibrationEnd');
  }
  const periods = Math.ceil((lastDay - start + 1) / unitDays);
  const end = new Int32Array(periods + 1);
  for (let k = 1; k <= periods; k++) end[k] = start + Math.floor(k * unitDays) - 1;
  end[periods] = Math.min(end[periods], lastDay);

  const actual = new Float64Array(periods);
  for (let p = 0; p < pairs; p++) {
    const c = pairCustomer[p];
    const day = pairDay[p];
    if (kept[p] === 0 || first[c] === NONE || day <= first[c] || day > lastDay) continue;
    const k = Math.ceil((day - start + 1) / unitDays); // first k with day ≤ end[k]
    actual[Math.min(k, periods) - 1]++;
  }
  // Cohort sizes by first purchase day.
  const cohorts = new Map<number, number>();
  for (let c = 0; c < first.length; c++) {
    if (first[c] !== NONE) cohorts.set(first[c], (cohorts.get(first[c]) ?? 0) + 1);
  }
  const expectedCumulative = new Float64Array(periods);
  for (let k = 1; k <= periods; k++) {
    let total = 0;
    for (const [day, count] of cohorts) {
      if (end[k] > day) total += count * unconditionalUnchecked(params, (end[k] - day) / unitDays);
    }
    expectedCumulative[k - 1] = total;
  }
  const period = new Int32Array(periods);
  const endIso = new Array<string>(periods);
  const expected = new Float64Array(periods);
  const actualCumulative = new Float64Array(periods);
  const holdout = new Array<boolean>(periods);
  let running = 0;
  for (let k = 0; k < periods; k++) {
    period[k] = k + 1;
    endIso[k] = isoDate(end[k + 1]);
    expected[k] = expectedCumulative[k] - (k > 0 ? expectedCumulative[k - 1] : 0);
    running += actual[k];
    actualCumulative[k] = running;
    holdout[k] = end[k + 1] > calibrationEnd;
  }
  return aq.table({
    period,
    end: endIso,
    actual,
    expected,
    actual_cumulative: actualCumulative,
    expected_cumulative: expectedCumulative,
    holdout,
  });
}
