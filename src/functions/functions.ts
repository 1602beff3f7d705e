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
import { clv, csi, loyaltyIndex, nps, priceLevel, qualityLevel, relativeRatio } from '../core/index.ts';
import { InputError } from '../core/errors.ts';
import { excelResult } from './excel-errors.ts';
import { numberMatrix, numberVector, optionalNumber, requiredNumber } from './ranges.ts';
import { keyDrivers } from '../core/index.ts';
import { surveyRange } from './survey-range.ts';

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
      throw new InputError(`outcome must be a single column (got ${y.names.length} columns)`, { argument: 'outcome' });
    }
    const x = surveyRange(drivers, 'drivers', 'driver');
    if (y.rows.length !== x.rows.length) {
      throw new InputError(
        `outcome has ${y.rows.length} answers but drivers has ${x.rows.length} rows; select the same respondents`,
        { argument: 'drivers' },
      );
    }
    const outcomeName = x.names.includes(y.names[0]) ? `${y.names[0]} (outcome)` : y.names[0];
    const table = x.rows.map((row, i) => {
      const record: Record<string, number | null> = { [outcomeName]: y.rows[i][0] };
      x.names.forEach((name, j) => (record[name] = row[j]));
      return record;
    });
    const result = keyDrivers(table, outcomeName, x.names);
    return [
      ['driver', 'correlation', 'weight', 'share %'],
      ...result.drivers.map((d) => [d.driver, d.correlation, d.weight, d.share]),
      ['R²', '', result.rSquared, 100],
    ];
  });
}
