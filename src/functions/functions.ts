/**
 * Excel custom functions, namespace CRM. Each is a thin adapter: read the ranges, call the core,
 * return a value or a 2-D array (which spills). Every failure leaves as a `CustomFunctions.Error`
 * (#VALUE! or #N/A with a message naming the argument) through `excelResult`.
 *
 * `functions.json` is generated from these JSDoc comments by CustomFunctionsMetadataPlugin, which
 * also registers each function: the `@customfunction` tag gives the id, TypeScript types give the
 * parameter types and dimensionality (`any[][]` = a range whose blanks stay blank).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands ranges over as any[][] */
import * as aq from 'arquero';
import {
  abcClasses,
  bgNbdExpected,
  bgNbdPAlive,
  bgNbdUnconditionalExpected,
  clv,
  csi,
  csiByGroup,
  csiChange,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  paretoNbdExpected,
  paretoNbdPAlive,
  paretoNbdUnconditionalExpected,
  isInputError,
  relocated,
  keyDrivers,
  loyaltyIndex,
  nps,
  npsByGroup,
  priceLevel,
  qualityLevel,
  relativeRatio,
  rfmScores,
  rfmSegments,
  tableFromColumns,
} from '../core/index.ts';
import { customerColumns, namingCustomerColumns, namingParameterRanges, parameterRange } from './btyd-ranges.ts';
import { excelResult } from './excel-errors.ts';
import { cell as groupCell, groupedSurveyRange } from './group-ranges.ts';
import { numberMatrix, numberVector, optionalNumber, requiredNumber } from './ranges.ts';
import { segmentColumns } from './segment-ranges.ts';
import { surveyRange } from './survey-range.ts';
import { invalid, stated } from '../core/messages.ts';
import { rowObjects } from '../core/table/row-objects.ts';

// ---- satisfaction & value basics ---------------------------------------------------------------

/**
 * Customer satisfaction index (0–100): the weighted mean of the item means, rescaled from the
 * answer scale. Blank cells are missing answers, skipped per item; a 0 is a real answer.
 * @customfunction CSI
 * @param scores Respondents in rows, survey items in columns.
 * @param [weights] One weight per item (a row or column); equal weights when omitted.
 * @param [scaleMin] Lowest point of the answer scale (default 1).
 * @param [scaleMax] Highest point of the answer scale (default 10).
 * @returns The index, 0 to 100.
 */
export function CSI(scores: any[][], weights?: any[][], scaleMin?: number, scaleMax?: number): number {
  return excelResult(() =>
    csi(numberMatrix(scores, 'scores'), {
      weights: weights == null ? undefined : numberVector(weights, 'weights'),
      scaleMin: optionalNumber(scaleMin, 'scaleMin', 1),
      scaleMax: optionalNumber(scaleMax, 'scaleMax', 10),
    }),
  );
}

/**
 * Net promoter score: % promoters (9–10) minus % detractors (0–6) among the answers given.
 * Blank cells are skipped.
 * @customfunction NPS
 * @param scores Answers on the 0–10 recommendation scale (any shape).
 * @returns The score, −100 to 100.
 */
export function NPS(scores: any[][]): number {
  return excelResult(() => nps(numberMatrix(scores, 'scores').flat().filter((s): s is number => s !== null)));
}

/**
 * Loyalty index: attractiveness × satisfaction × engagement.
 * @customfunction LOYALTY
 * @param attractiveness Attractiveness of the offer.
 * @param satisfaction Satisfaction with the offer.
 * @param engagement Engagement with the brand.
 * @returns Their product.
 */
export function LOYALTY(attractiveness: number, satisfaction: number, engagement: number): number {
  return excelResult(() =>
    loyaltyIndex(
      requiredNumber(attractiveness, 'attractiveness'),
      requiredNumber(satisfaction, 'satisfaction'),
      requiredNumber(engagement, 'engagement'),
    ),
  );
}

/**
 * Market-perceived quality level: the weighted average of the quality attribute scores (Gale).
 * @customfunction QUALITYLEVEL
 * @param scores One score per quality attribute (a row or column).
 * @param weights One importance weight per attribute.
 * @returns Σ w·score / Σ w.
 */
export function QUALITYLEVEL(scores: any[][], weights: any[][]): number {
  return excelResult(() => qualityLevel(numberVector(scores, 'scores'), numberVector(weights, 'weights')));
}

/**
 * Market-perceived price level: the weighted average of the price attribute scores (Gale).
 * @customfunction PRICELEVEL
 * @param scores One score per price attribute (a row or column).
 * @param weights One importance weight per attribute.
 * @returns Σ w·score / Σ w.
 */
export function PRICELEVEL(scores: any[][], weights: any[][]): number {
  return excelResult(() => priceLevel(numberVector(scores, 'scores'), numberVector(weights, 'weights')));
}

/**
 * Gale's market-perceived ratio: 100 · Σ w·(ours / competitor) / Σ w. 100 means at par.
 * @customfunction RELATIVE
 * @param ours Our score per attribute (a row or column).
 * @param competitors The competitor's score per attribute, in the same order.
 * @param weights One importance weight per attribute.
 * @returns The weighted ratio, 100 = at par.
 */
export function RELATIVE(ours: any[][], competitors: any[][], weights: any[][]): number {
  return excelResult(() =>
    relativeRatio(numberVector(ours, 'ours'), numberVector(competitors, 'competitors'), numberVector(weights, 'weights')),
  );
}

/**
 * Customer lifetime value from a margin, a retention rate and a discount rate per period:
 * m·r/(1+d−r) over an infinite horizon, Σ m·rᵗ/(1+d)ᵗ over `periods` periods, minus the
 * acquisition cost.
 * @customfunction CLV
 * @param margin Margin per customer per period.
 * @param retention Retention rate per period, 0 ≤ r < 1.
 * @param discount Discount rate per period.
 * @param [periods] Number of periods; infinite horizon when omitted.
 * @param [acquisitionCost] Cost to acquire the customer (default 0).
 * @returns The lifetime value.
 */
export function CLV(margin: number, retention: number, discount: number, periods?: number, acquisitionCost?: number): number {
  return excelResult(() =>
    clv({
      margin: requiredNumber(margin, 'margin'),
      retention: requiredNumber(retention, 'retention'),
      discount: requiredNumber(discount, 'discount'),
      periods: optionalNumber(periods, 'periods'),
      acquisitionCost: optionalNumber(acquisitionCost, 'acquisitionCost', 0),
    }),
  );
}

// ---- satisfaction modeling ---------------------------------------------------------------------

/**
 * Key drivers of an outcome (e.g. overall satisfaction): each driver's correlation with it and its
 * Johnson relative weight, the part of R² it accounts for (the weights sum to R²), and its share
 * in %. Respondents with a blank in any column are left out. A first row of text is read as
 * names. Spills a table: driver, correlation, weight, share %; the last row gives R² and 100.
 * @customfunction DRIVERS
 * @param outcome The outcome, one column (one answer per respondent; may start with its name).
 * @param drivers The drivers, one column each, respondents in rows (may start with a row of names).
 * @returns Rows of driver, correlation, relative weight, share %, then R².
 */
export function DRIVERS(outcome: any[][], drivers: any[][]): any[][] {
  return excelResult(() => {
    const y = surveyRange(outcome, 'outcome', 'outcome');
    if (y.names.length !== 1) {
      throw invalid('outcome', `must be a single column (got ${y.names.length} columns)`);
    }
    const x = surveyRange(drivers, 'drivers', 'driver');
    if (y.rows.length !== x.rows.length) {
      throw stated('drivers', `outcome has ${y.rows.length} answers but drivers has ${x.rows.length} rows; select the same respondents`);
    }
    const outcomeName = x.names.includes(y.names[0]) ? `${y.names[0]} (outcome)` : y.names[0];
    // Headers are user text (`__proto__` is a name like any other): columns, not row records.
    const table = tableFromColumns(
      [outcomeName, ...x.names],
      [y.rows.map((row) => row[0]), ...x.names.map((_, j) => x.rows.map((row) => row[j]))],
    );
    const result = keyDrivers(table, outcomeName, x.names);
    return [
      ['driver', 'correlation', 'weight', 'share %'],
      ...result.drivers.map((d) => [d.driver, d.correlation, d.weight, d.share]),
      ['R²', '', result.rSquared, result.rSquared > 0 ? 100 : 0],
    ];
  });
}

// ---- lifetime value from transactions (BG/NBD, Gamma-Gamma) ------------------------------------

/** One result per customer row as a column that spills; blank rows stay blank. */
function perCustomer(
  ranges: { range: unknown; argument: string }[],
  compute: (row: number[]) => number,
): (number | string)[][] {
  const { rows, blank, values } = customerColumns(ranges);
  const out: (number | string)[][] = new Array(rows);
  const row = new Array<number>(values.length);
  for (let i = 0; i < rows; i++) {
    if (blank[i]) {
      out[i] = [''];
      continue;
    }
    for (let j = 0; j < values.length; j++) row[j] = values[j][i];
    try {
      out[i] = [compute(row)];
    } catch (error) {
      if (isInputError(error) && rows > 1) throw relocated(error, { row: i + 1 });
      throw error;
    }
  }
  return out;
}

/**
 * BG/NBD probability that a customer is still active, given x repeat purchases, the time of
 * the last one t_x and the age T (Fader, Hardie & Lee 2005). x, t_x and T may be single cells
 * or whole columns: one result per customer spills down. Limits: r, alpha, a, b from 1e-6 to
 * 1e6; x whole from 0 to 1e6; 0 ≤ t_x ≤ T ≤ 1e6.
 * @customfunction PALIVE
 * @param r BG/NBD r (shape of the purchase-rate distribution).
 * @param alpha BG/NBD alpha (scale, in the time unit of t_x and T).
 * @param a BG/NBD a (dropout distribution).
 * @param b BG/NBD b (dropout distribution).
 * @param x Repeat purchases in the calibration period (cell or column).
 * @param t_x Time of the last purchase, from the first (cell or column).
 * @param T Age: time from the first purchase to the end of calibration (cell or column).
 * @returns P(alive) per customer, 0 to 1.
 */
export function PALIVE(r: number, alpha: number, a: number, b: number, x: any[][], t_x: any[][], T: any[][]): any[][] {
  return excelResult(() => {
    const params = bgNbdArguments(r, alpha, a, b);
    return perCustomer(
      [
        { range: x, argument: 'x' },
        { range: t_x, argument: 't_x' },
        { range: T, argument: 'T' },
      ],
      ([xi, txi, Ti]) => bgNbdPAlive(params, xi, txi, Ti),
    );
  });
}

/**
 * BG/NBD expected purchases in the next t periods for a customer with history (x, t_x, T); with
 * x, t_x and T omitted, E[X(t)] for a new customer from the first purchase. t, x, t_x, T may be
 * cells or columns: one result per row spills down. Limits: r, alpha, a, b from 1e-6 to 1e6;
 * t from 0 to 1e6; x whole from 0 to 1e6; 0 ≤ t_x ≤ T ≤ 1e6.
 * @customfunction EXPECTEDPURCHASES
 * @param r BG/NBD r.
 * @param alpha BG/NBD alpha (in the time unit of t, t_x and T).
 * @param a BG/NBD a.
 * @param b BG/NBD b.
 * @param t Length of the forecast period (cell or column).
 * @param [x] Repeat purchases in calibration (cell or column).
 * @param [t_x] Time of the last purchase (cell or column).
 * @param [T] Age at the end of calibration (cell or column).
 * @returns Expected purchases per row.
 */
export function EXPECTEDPURCHASES(
  r: number,
  alpha: number,
  a: number,
  b: number,
  t: any[][],
  x?: any[][],
  t_x?: any[][],
  T?: any[][],
): any[][] {
  return excelResult(() => {
    const params = bgNbdArguments(r, alpha, a, b);
    const history = [x, t_x, T].filter((v) => v != null).length;
    if (history === 0) {
      return perCustomer([{ range: t, argument: 't' }], ([ti]) => bgNbdUnconditionalExpected(params, ti));
    }
    if (history !== 3) {
      throw stated('x', 'give all of x, t_x and T (conditional forecast) or none (new customer)');
    }
    return perCustomer(
      [
        { range: t, argument: 't' },
        { range: x, argument: 'x' },
        { range: t_x, argument: 't_x' },
        { range: T, argument: 'T' },
      ],
      ([ti, xi, txi, Ti]) => bgNbdExpected(params, ti, xi, txi, Ti),
    );
  });
}

/**
 * Customer lifetime value from the BG/NBD and Gamma-Gamma models: margin × expected spend ×
 * Σ discounted expected purchases per period over the horizon (Fader, Hardie & Lee 2005). The
 * periods, the horizon and the discount rate are in the time unit of t_x and T (e.g. weeks).
 * Limits: horizon a whole number from 1 to 1,200; BG/NBD parameters from 1e-6 to 1e6; p, q from
 * 1e-6 to 1e6 and gamma to 1e15; x whole to 1e6, 0 ≤ t_x ≤ T ≤ 1e6, |monetary| ≤ 1e15.
 * @customfunction CLVBTYD
 * @param bgnbd BG/NBD parameters: r, alpha, a, b as four cells, or the label/value spill of CRM.BGNBDFIT.
 * @param gammagamma Gamma-Gamma parameters: p, q, gamma as three cells, or the spill of CRM.GAMMAGAMMAFIT.
 * @param x Repeat purchases in calibration (cell or column).
 * @param t_x Time of the last purchase (cell or column).
 * @param T Age at the end of calibration (cell or column).
 * @param monetary Mean value of the repeat purchases (cell or column; 0 when x = 0).
 * @param margin Margin as a fraction of spend, 0 to 1.
 * @param discountRate Discount rate per period (the time unit of t_x and T).
 * @param horizon Number of periods, 1 to 1,200.
 * @returns CLV per customer.
 */
export function CLVBTYD(
  bgnbd: any[][],
  gammagamma: any[][],
  x: any[][],
  t_x: any[][],
  T: any[][],
  monetary: any[][],
  margin: number,
  discountRate: number,
  horizon: number,
): any[][] {
  return excelResult(() =>
    clvColumn(
      { range: bgnbd, argument: 'bgnbd', names: ['r', 'alpha', 'a', 'b'], params: ([r, alpha, a, b]) => ({ r, alpha, a, b }) },
      gammagamma,
      [x, t_x, T, monetary],
      { margin, discountRate, horizon },
    ),
  );
}

/** The CLV formulas' shared work: parameter ranges, customer columns, one core call, a spill. */
function clvColumn(
  purchase: { range: any[][]; argument: string; names: string[]; params: (values: number[]) => Parameters<typeof customerLifetimeValue>[1] },
  gammagamma: any[][],
  [x, t_x, T, monetary]: any[][][],
  money: { margin: number; discountRate: number; horizon: number },
): (number | string)[][] {
  const params = purchase.params(parameterRange(purchase.range, purchase.names, purchase.argument));
  const [p, q, gamma] = parameterRange(gammagamma, ['p', 'q', 'gamma'], 'gammagamma');
  const options = {
    margin: requiredNumber(money.margin, 'margin'),
    discountRate: requiredNumber(money.discountRate, 'discountRate'),
    horizon: requiredNumber(money.horizon, 'horizon'),
    // Periods are the data's own unit, so the unit's name does not change the result.
    timeUnit: 'week' as const,
  };
  const { rows, blank, values } = customerColumns([
    { range: x, argument: 'x' },
    { range: t_x, argument: 't_x' },
    { range: T, argument: 'T' },
    { range: monetary, argument: 'monetary' },
  ]);
  // One core call for the whole column: its per-period sums are shared by all customers.
  const used: number[] = [];
  for (let i = 0; i < rows; i++) if (!blank[i]) used.push(i);
  const summary = used.map((i) => ({ x: values[0][i], t_x: values[1][i], T: values[2][i], monetary: values[3][i] }));
  let clvs: ArrayLike<number>;
  try {
    clvs = namingParameterRanges(
      [
        { argument: purchase.argument, names: [...purchase.names, 'params'] },
        { argument: 'gammagamma', names: ['p', 'q', 'gamma'] },
      ],
      () => customerLifetimeValue(summary, params, { p, q, gamma }, options).table.array('clv') as ArrayLike<number>,
    );
  } catch (error) {
    throw inRangeRows(error, used, rows);
  }
  const out: (number | string)[][] = Array.from({ length: rows }, () => ['']);
  used.forEach((row, k) => (out[row] = [clvs[k]]));
  return out;
}

/**
 * Fits the BG/NBD model by maximum likelihood to per-customer x, t_x, T columns (blank rows are
 * skipped). Spills labelled rows: r, alpha, a, b, log-likelihood, converged, customers, reason
 * (how the fit ended; a fit stops after 200 iterations per pass or 5 s and then says so).
 * Limits: x whole from 0 to 1e6, 0 ≤ t_x ≤ T ≤ 1e6.
 * @customfunction BGNBDFIT
 * @param x Repeat purchases in the calibration period, one row per customer.
 * @param t_x Time of the last purchase, from the first.
 * @param T Age: time from the first purchase to the end of calibration.
 * @returns Rows of label and value.
 */
export function BGNBDFIT(x: any[][], t_x: any[][], T: any[][]): any[][] {
  return excelResult(() => {
    const { rows, blank, values } = customerColumns([
      { range: x, argument: 'x' },
      { range: t_x, argument: 't_x' },
      { range: T, argument: 'T' },
    ]);
    const summary: { x: number; t_x: number; T: number }[] = [];
    for (let i = 0; i < rows; i++) if (!blank[i]) summary.push({ x: values[0][i], t_x: values[1][i], T: values[2][i] });
    const fit = namingCustomerColumns(['x', 't_x', 'T'], () => fitBgNbd(summary));
    // Third column: the standard error of each estimate (blank for the other rows).
    const se = (name: 'r' | 'alpha' | 'a' | 'b') => finiteOrBlank(fit.standardErrors?.[name]);
    return [
      ['r', fit.r, se('r')],
      ['alpha', fit.alpha, se('alpha')],
      ['a', fit.a, se('a')],
      ['b', fit.b, se('b')],
      ['log-likelihood', fit.logLikelihood, ''],
      ['converged', fit.converged, ''],
      ['customers', fit.customers, ''],
      ['reason', fit.reason, ''],
    ];
  });
}

/**
 * Fits the Gamma-Gamma spend model to per-customer x and mean repeat value (repeat buyers with a
 * positive value; the others are counted as excluded). Spills labelled rows: p, q, gamma,
 * log-likelihood, converged, customers, excluded, reason (how the fit ended; it stops after 200
 * iterations per pass or 5 s and then says so). Limits: x whole from 0 to 1e6, |monetary| ≤ 1e15.
 * @customfunction GAMMAGAMMAFIT
 * @param x Repeat purchases in the calibration period, one row per customer.
 * @param monetary Mean value of the repeat purchases.
 * @returns Rows of label and value.
 */
export function GAMMAGAMMAFIT(x: any[][], monetary: any[][]): any[][] {
  return excelResult(() => {
    const { rows, blank, values } = customerColumns([
      { range: x, argument: 'x' },
      { range: monetary, argument: 'monetary' },
    ]);
    const summary: { x: number; monetary: number }[] = [];
    for (let i = 0; i < rows; i++) if (!blank[i]) summary.push({ x: values[0][i], monetary: values[1][i] });
    const fit = namingCustomerColumns(['x', 'monetary'], () => fitGammaGamma(summary));
    const se = (name: 'p' | 'q' | 'gamma') => finiteOrBlank(fit.standardErrors?.[name]);
    return [
      ['p', fit.p, se('p')],
      ['q', fit.q, se('q')],
      ['gamma', fit.gamma, se('gamma')],
      ['log-likelihood', fit.logLikelihood, ''],
      ['converged', fit.converged, ''],
      ['customers', fit.n, ''],
      ['excluded', fit.excluded, ''],
      ['reason', fit.reason, ''],
    ];
  });
}

/**
 * The core counts customers among the non-blank rows; in a spilled column the analyst counts rows
 * of the range. Translates the first such position in a message, when there is one.
 */
function inRangeRows(error: unknown, used: number[], rows: number): unknown {
  if (!isInputError(error) || rows === 1) return error;
  const position = error.location.row ?? error.location.customer;
  const row = position === undefined ? undefined : used[position - 1];
  if (row === undefined) return error;
  return relocated(error, { customer: undefined, row: row + 1 });
}

/** A standard error as a cell: blank when it could not be computed (never NaN or ±Infinity). */
function finiteOrBlank(value: number | undefined): number | string {
  return value !== undefined && Number.isFinite(value) ? value : '';
}

function bgNbdArguments(r: unknown, alpha: unknown, a: unknown, b: unknown) {
  return {
    r: requiredNumber(r, 'r'),
    alpha: requiredNumber(alpha, 'alpha'),
    a: requiredNumber(a, 'a'),
    b: requiredNumber(b, 'b'),
  };
}

// ---- segmentation (RFM, ABC) -------------------------------------------------------------------

/**
 * RFM scores and segments per customer: R, F, M scores 1..bins from the type-7 quantile breaks of
 * each column (a value scores 1 + the number of breaks ≤ it; recency reversed, so recent buyers
 * score high; equal values share a score) and, with 5 bins, the named segment (Champions …
 * Lost, first matching rule wins, the rest Others). Works on whole columns: a first row of text is
 * a header, blank rows stay blank.
 * @customfunction RFM
 * @param recency Days since each customer's last purchase (a column; may start with a header).
 * @param frequency Number of purchases per customer.
 * @param monetary Total spend per customer.
 * @param [bins] Number of scores (default 5; the named segments need 5).
 * @returns Rows of R, F, M and segment (R, F, M only when bins is not 5).
 */
export function RFM(recency: any[][], frequency: any[][], monetary: any[][], bins?: number): any[][] {
  return excelResult(() => {
    const b = optionalNumber(bins, 'bins', 5);
    const { header, rows, blank, values, used } = segmentColumns([
      { range: recency, argument: 'recency' },
      { range: frequency, argument: 'frequency' },
      { range: monetary, argument: 'monetary' },
    ]);
    const pick = (column: Float64Array) => Float64Array.from(used, (i) => column[i]);
    const scored = rfmScores(aq.table({ recency: pick(values[0]), frequency: pick(values[1]), monetary: pick(values[2]) }), {
      bins: b,
    });
    const withSegments = b === 5;
    const segments = withSegments ? (rfmSegments(scored).table.array('segment') as string[]) : [];
    const R = scored.array('R') as ArrayLike<number>;
    const F = scored.array('F') as ArrayLike<number>;
    const M = scored.array('M') as ArrayLike<number>;
    const width = withSegments ? 4 : 3;
    const out: (number | string)[][] = [];
    let k = 0;
    for (let i = 0; i < rows; i++) {
      if (header && i === 0) {
        out.push(['R', 'F', 'M', 'segment'].slice(0, width));
        continue;
      }
      if (blank[i]) {
        out.push(new Array(width).fill(''));
        continue;
      }
      const row: (number | string)[] = [R[k], F[k], M[k]];
      if (withSegments) row.push(segments[k]);
      out.push(row);
      k++;
    }
    return out;
  });
}

/**
 * ABC (Pareto) class per customer: customers sorted by value, A while the customers above hold
 * less than the first cutoff of the total (so the customer crossing 80% is A), B below the
 * second, C for the rest; tied values share a class. Works on whole columns: a first row of text
 * is a header, blank rows stay blank. Values must be non-negative.
 * @customfunction ABC
 * @param values Value per customer (a column; may start with a header).
 * @param [a] Cumulative share that closes class A (default 0.8).
 * @param [b] Cumulative share that closes class B (default 0.95).
 * @returns The class of each customer: A, B or C.
 */
export function ABC(values: any[][], a?: number, b?: number): any[][] {
  return excelResult(() => {
    const cutoffs = [optionalNumber(a, 'a', 0.8), optionalNumber(b, 'b', 0.95)];
    const { header, rows, blank, values: columns, used } = segmentColumns([{ range: values, argument: 'values' }]);
    let classes: string[];
    try {
      classes = abcClasses(Float64Array.from(used, (i) => columns[0][i]), cutoffs, ['a', 'b']).classes;
    } catch (error) {
      // Core messages count items among the customers; translate to the position in the range.
      const item = isInputError(error) ? error.location.item : undefined;
      if (isInputError(error) && item !== undefined && used[item - 1] !== undefined) {
        throw relocated(error, { item: used[item - 1] + 1 });
      }
      throw error;
    }
    const out: string[][] = [];
    let k = 0;
    for (let i = 0; i < rows; i++) out.push([header && i === 0 ? 'class' : blank[i] ? '' : classes[k++]]);
    return out;
  });
}

// ---- tracking: satisfaction compared between periods and groups --------------------------------

/** The scale of the CSI formulas' optional arguments, checked in order. */
function csiScale(scaleMin: unknown, scaleMax: unknown): { min: number; max: number } {
  const min = optionalNumber(scaleMin, 'scaleMin', 1);
  const max = optionalNumber(scaleMax, 'scaleMax', 10);
  if (!(max > min)) throw invalid('scaleMax', `must be greater than scaleMin (got ${min} and ${max})`);
  return { min, max };
}

/** The group table of csiByGroup/npsByGroup as rows with a header; blanks as "". */
function groupRows(table: ReturnType<typeof aq.table>, measure: string): unknown[][] {
  const header = ['group', 'n', measure, 'low', 'high', 'note'];
  const rows = rowObjects(table) as Record<string, unknown>[];
  return [header, ...rows.map((row) => header.map((name) => groupCell(row[name])))];
}

/**
 * CSI per group (wave, period, brand) with its 95% confidence interval (delta method over
 * respondents). Blank answers are skipped per item; rows with neither answers nor a group are
 * left out, so whole columns work. Spills a table with a header row: group, n, csi, low, high,
 * note (a group with fewer than 2 respondents has no interval and a note saying so).
 * @customfunction CSIBYGROUP
 * @param scores Respondents in rows, survey items in columns.
 * @param groups The group of each respondent (one column, as many rows as scores).
 * @param [weights] One weight per item (a row or column); equal weights when omitted.
 * @param [scaleMin] Lowest point of the answer scale (default 1).
 * @param [scaleMax] Highest point of the answer scale (default 10).
 * @returns Rows of group, n, csi, low, high, note; numbers and dates sorted, text in order of appearance.
 */
export function CSIBYGROUP(scores: any[][], groups: any[][], weights?: any[][], scaleMin?: number, scaleMax?: number): any[][] {
  return excelResult(() => {
    const { min, max } = csiScale(scaleMin, scaleMax);
    const { table, items } = groupedSurveyRange(scores, groups, { min, max, integer: false });
    const w = weights == null ? undefined : numberVector(weights, 'weights');
    return groupRows(csiByGroup(table, { items, group: 'group', weights: w, scaleMin: min, scaleMax: max }), 'csi');
  });
}

/**
 * NPS per group (wave, period, brand) with its 95% confidence interval (multinomial variance of
 * promoters − detractors). Blank answers are skipped. Spills a table with a header row: group,
 * n, nps, low, high, note.
 * @customfunction NPSBYGROUP
 * @param scores Answers on the 0–10 recommendation scale, one column.
 * @param groups The group of each respondent (one column, as many rows as scores).
 * @returns Rows of group, n, nps, low, high, note.
 */
export function NPSBYGROUP(scores: any[][], groups: any[][]): any[][] {
  return excelResult(() => {
    const { table, items } = groupedSurveyRange(scores, groups, { min: 0, max: 10, integer: true });
    if (items.length !== 1) {
      throw invalid('scores', `must be a single column of 0–10 answers (got ${items.length} columns)`);
    }
    return groupRows(npsByGroup(table, { item: items[0], group: 'group' }), 'nps');
  });
}

/**
 * Change of the CSI from one group to another (two periods, or a competitor against us): the
 * difference (to − from) with its 95% interval and the two-sided p-value of "no change"
 * (independent samples, normal approximation). Spills label/value rows.
 * @customfunction CSICHANGE
 * @param scores Respondents in rows, survey items in columns.
 * @param groups The group of each respondent (one column, as many rows as scores).
 * @param from The group compared from (the earlier period, or the competitor).
 * @param to The group compared to (the later period, or us).
 * @param [weights] One weight per item (a row or column); equal weights when omitted.
 * @param [scaleMin] Lowest point of the answer scale (default 1).
 * @param [scaleMax] Highest point of the answer scale (default 10).
 * @returns Rows of from, to, difference, low, high, p-value.
 */
export function CSICHANGE(
  scores: any[][],
  groups: any[][],
  from: any,
  to: any,
  weights?: any[][],
  scaleMin?: number,
  scaleMax?: number,
): any[][] {
  return excelResult(() => {
    const { min, max } = csiScale(scaleMin, scaleMax);
    const { table, items } = groupedSurveyRange(scores, groups, { min, max, integer: false });
    const w = weights == null ? undefined : numberVector(weights, 'weights');
    const change = csiChange(table, { items, group: 'group', from, to, weights: w, scaleMin: min, scaleMax: max });
    return [
      ['from', groupCell(change.from)],
      ['to', groupCell(change.to)],
      ['difference', change.difference],
      ['low', change.low],
      ['high', change.high],
      ['p-value', change.pValue],
    ];
  });
}

// ---- Pareto/NBD (issue 11) ---------------------------------------------------------------------
// Sibling functions rather than a model argument on PALIVE / EXPECTEDPURCHASES / CLVBTYD: the
// existing signatures stay as they are, and Excel's argument hints name the model's own
// parameters (s and beta instead of a and b).

/**
 * Fits the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987) by maximum likelihood to
 * per-customer x, t_x, T columns (blank rows are skipped). Spills rows of label, value and
 * standard error: r, alpha, s, beta, log-likelihood, converged, customers, reason (how the fit
 * ended; a fit stops after 200 iterations per pass or 5 s, or when a parameter leaves 1e-6..1e6
 * or alpha and beta run more than 1e3 times apart, and then says so). Limits: x whole from 0 to
 * 1e6, 0 ≤ t_x ≤ T ≤ 1e6.
 * @customfunction PARETONBDFIT
 * @param x Repeat purchases in the calibration period, one row per customer.
 * @param t_x Time of the last purchase, from the first.
 * @param T Age: time from the first purchase to the end of calibration.
 * @returns Rows of label, value and standard error.
 */
export function PARETONBDFIT(x: any[][], t_x: any[][], T: any[][]): any[][] {
  return excelResult(() => {
    const { rows, blank, values } = customerColumns([
      { range: x, argument: 'x' },
      { range: t_x, argument: 't_x' },
      { range: T, argument: 'T' },
    ]);
    const summary: { x: number; t_x: number; T: number }[] = [];
    for (let i = 0; i < rows; i++) if (!blank[i]) summary.push({ x: values[0][i], t_x: values[1][i], T: values[2][i] });
    // The fit formulas' budget (as BGNBDFIT's), not the core's 20 s for notebooks.
    const fit = namingCustomerColumns(['x', 't_x', 'T'], () => fitParetoNbd(summary, { timeBudgetMs: 5000 }));
    const se = (name: 'r' | 'alpha' | 's' | 'beta') => finiteOrBlank(fit.standardErrors?.[name]);
    return [
      ['r', fit.r, se('r')],
      ['alpha', fit.alpha, se('alpha')],
      ['s', fit.s, se('s')],
      ['beta', fit.beta, se('beta')],
      ['log-likelihood', fit.logLikelihood, ''],
      ['converged', fit.converged, ''],
      ['customers', fit.customers, ''],
      ['reason', fit.reason, ''],
    ];
  });
}

function paretoNbdArguments(r: unknown, alpha: unknown, s: unknown, beta: unknown) {
  return {
    r: requiredNumber(r, 'r'),
    alpha: requiredNumber(alpha, 'alpha'),
    s: requiredNumber(s, 's'),
    beta: requiredNumber(beta, 'beta'),
  };
}

/**
 * Pareto/NBD probability that a customer is still active, given x repeat purchases, the time of
 * the last one t_x and the age T. x, t_x and T may be cells or columns: one result per customer
 * spills down. Limits: r, alpha, s, beta above 0 and at most 1e6, alpha and beta at most 1e6
 * times apart; x whole from 0 to 1e6; 0 ≤ t_x ≤ T ≤ 1e6.
 * @customfunction PARETONBDPALIVE
 * @param r Pareto/NBD r (shape of the purchase-rate distribution).
 * @param alpha Pareto/NBD alpha (scale, in the time unit of t_x and T).
 * @param s Pareto/NBD s (shape of the dropout-rate distribution).
 * @param beta Pareto/NBD beta (scale of the dropout rate, in the same time unit).
 * @param x Repeat purchases in the calibration period (cell or column).
 * @param t_x Time of the last purchase, from the first (cell or column).
 * @param T Age: time from the first purchase to the end of calibration (cell or column).
 * @returns P(alive) per customer, 0 to 1.
 */
export function PARETONBDPALIVE(r: number, alpha: number, s: number, beta: number, x: any[][], t_x: any[][], T: any[][]): any[][] {
  return excelResult(() => {
    const params = paretoNbdArguments(r, alpha, s, beta);
    return perCustomer(
      [
        { range: x, argument: 'x' },
        { range: t_x, argument: 't_x' },
        { range: T, argument: 'T' },
      ],
      ([xi, txi, Ti]) => paretoNbdPAlive(params, xi, txi, Ti),
    );
  });
}

/**
 * Pareto/NBD expected purchases in the next t periods for a customer with history (x, t_x, T);
 * with x, t_x and T omitted, E[X(t)] for a new customer from the first purchase. t, x, t_x, T
 * may be cells or columns: one result per row spills down. Limits: r, alpha, s, beta above 0 and
 * at most 1e6, alpha and beta at most 1e6 times apart; t from 0 to 1e6; x whole from 0 to 1e6;
 * 0 ≤ t_x ≤ T ≤ 1e6.
 * @customfunction PARETONBDEXPECTED
 * @param r Pareto/NBD r.
 * @param alpha Pareto/NBD alpha (in the time unit of t, t_x and T).
 * @param s Pareto/NBD s.
 * @param beta Pareto/NBD beta.
 * @param t Length of the forecast period (cell or column).
 * @param [x] Repeat purchases in calibration (cell or column).
 * @param [t_x] Time of the last purchase (cell or column).
 * @param [T] Age at the end of calibration (cell or column).
 * @returns Expected purchases per row.
 */
export function PARETONBDEXPECTED(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  t: any[][],
  x?: any[][],
  t_x?: any[][],
  T?: any[][],
): any[][] {
  return excelResult(() => {
    const params = paretoNbdArguments(r, alpha, s, beta);
    const history = [x, t_x, T].filter((v) => v != null).length;
    if (history === 0) {
      return perCustomer([{ range: t, argument: 't' }], ([ti]) => paretoNbdUnconditionalExpected(params, ti));
    }
    if (history !== 3) {
      throw stated('x', 'give all of x, t_x and T (conditional forecast) or none (new customer)');
    }
    return perCustomer(
      [
        { range: t, argument: 't' },
        { range: x, argument: 'x' },
        { range: t_x, argument: 't_x' },
        { range: T, argument: 'T' },
      ],
      ([ti, xi, txi, Ti]) => paretoNbdExpected(params, ti, xi, txi, Ti),
    );
  });
}

/**
 * Customer lifetime value from the Pareto/NBD and Gamma-Gamma models: margin × expected spend ×
 * Σ discounted expected purchases per period over the horizon, as CRM.CLVBTYD with Pareto/NBD
 * purchase forecasts. Periods, horizon and discount rate are in the time unit of t_x and T.
 * Limits: horizon a whole number from 1 to 1,200; r, alpha, s, beta above 0 and at most 1e6.
 * @customfunction CLVPARETONBD
 * @param paretonbd Pareto/NBD parameters: r, alpha, s, beta as four cells, or the spill of CRM.PARETONBDFIT.
 * @param gammagamma Gamma-Gamma parameters: p, q, gamma as three cells, or the spill of CRM.GAMMAGAMMAFIT.
 * @param x Repeat purchases in calibration (cell or column).
 * @param t_x Time of the last purchase (cell or column).
 * @param T Age at the end of calibration (cell or column).
 * @param monetary Mean value of the repeat purchases (cell or column; 0 when x = 0).
 * @param margin Margin as a fraction of spend, 0 to 1.
 * @param discountRate Discount rate per period (the time unit of t_x and T).
 * @param horizon Number of periods.
 * @returns CLV per customer.
 */
export function CLVPARETONBD(
  paretonbd: any[][],
  gammagamma: any[][],
  x: any[][],
  t_x: any[][],
  T: any[][],
  monetary: any[][],
  margin: number,
  discountRate: number,
  horizon: number,
): any[][] {
  return excelResult(() =>
    clvColumn(
      { range: paretonbd, argument: 'paretonbd', names: ['r', 'alpha', 's', 'beta'], params: ([r, alpha, s, beta]) => ({ r, alpha, s, beta }) },
      gammagamma,
      [x, t_x, T, monetary],
      { margin, discountRate, horizon },
    ),
  );
}
