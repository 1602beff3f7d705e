/**
 * Gale's market-perceived ratios: how an offer scores against the competition, attribute by
 * attribute, weighted by importance, with 100 = on par.
 */
import type { InputError, InputErrorLocation } from '../errors.ts';
import { blankCell, invalid, mustBe, notANumber } from '../messages.ts';
import { checkWeights, weightedMean } from '../math/weights.ts';
import { cellNumber, isBlank } from '../table/cell.ts';
import { attributeScores } from './attribute-scores.ts';

/**
 * Competitors' scores per attribute: either one competitor (one score per attribute), or
 * several, as rows attribute × competitor (`competitors[i][k]` = competitor k on attribute i,
 * the layout of a spreadsheet profile with attributes down and competitors across).
 */
export type CompetitorScores = ArrayLike<unknown> | ReadonlyArray<ArrayLike<unknown>>;

function tooLarge(where: InputErrorLocation, what: string): InputError {
  return invalid(where, `${what} is too large to represent; put ours and competitors on the same scale`);
}

/**
 * The competitor benchmark per attribute: the score itself for one competitor, the plain
 * (unweighted) mean for several.
 */
function competitorMeans(competitors: CompetitorScores, count: number): Float64Array {
  if (competitors === null || typeof competitors !== 'object' || typeof competitors.length !== 'number') {
    throw mustBe('competitors', 'an array of attribute scores');
  }
  if (competitors.length !== count) {
    throw invalid('competitors', `must have one score (or row of scores) per attribute of ours (${count} attributes, ${competitors.length} given)`);
  }
  const out = new Float64Array(count);
  let width = -1;
  for (let i = 0; i < count; i++) {
    const row = competitors[i] as unknown;
    const cells: ArrayLike<unknown> = Array.isArray(row) || ArrayBuffer.isView(row)
      ? (row as ArrayLike<unknown>)
      : [row];
    if (width === -1) width = cells.length;
    if (cells.length !== width || width === 0) {
      throw invalid(
        { argument: 'competitors', row: i + 1 },
        `has ${cells.length} score${cells.length === 1 ? '' : 's'}, row 1 has ${width}`,
      );
    }
    let total = 0;
    for (let k = 0; k < cells.length; k++) {
      const raw = cells[k];
      // Attribute × competitor rows: attribute i is row i, competitor k column k; one competitor: item i.
      const where = width > 1 ? { argument: 'competitors', row: i + 1, column: k + 1 } : { argument: 'competitors', item: i + 1 };
      if (isBlank(raw)) throw blankCell(where);
      const value = cellNumber(raw);
      if (Number.isNaN(value)) throw notANumber(where, raw);
      if (value < 0) throw mustBe(where, 'non-negative', { value });
      total += value;
    }
    out[i] = total / width;
    if (out[i] === 0) {
      const where = width > 1 ? { argument: 'competitors', row: i + 1 } : { argument: 'competitors', item: i + 1 };
      throw invalid(where, `${width > 1 ? 'has a mean score of' : 'is'} 0; a ratio needs a non-zero competitor score`);
    }
  }
  return out;
}

/**
 * Performance ratio per attribute, ours_i / competitor_i (the competitor being the mean of the
 * competitors when several are given): the "ratio" column of a Gale profile.
 *
 * Reference: Gale, Managing Customer Value (1994). O(attributes × competitors).
 *
 * @param ours our score on each attribute (non-negative)
 * @param competitors one competitor's scores, or attribute × competitor rows (see
 *   {@link CompetitorScores})
 * @returns one ratio per attribute
 * @throws {InputError} when the shapes differ, a score is blank, non-numeric or negative, or a
 *   competitor score (mean) is 0, naming the attribute (1-based)
 * @example performanceRatios([9, 6], [[7, 5], [6, 6]]); // => Float64Array [1.5, 1]
 */
export function performanceRatios(ours: ArrayLike<unknown>, competitors: CompetitorScores): Float64Array {
  const o = attributeScores(ours, 'ours');
  for (let i = 0; i < o.length; i++) {
    if (o[i] < 0) {
      throw mustBe({ argument: 'ours', item: i + 1 }, 'non-negative', { value: o[i] });
    }
  }
  const c = competitorMeans(competitors, o.length);
  const ratios = new Float64Array(o.length);
  for (let i = 0; i < o.length; i++) {
    ratios[i] = o[i] / c[i];
    if (!Number.isFinite(ratios[i])) throw tooLarge({ argument: 'ours', item: i + 1 }, `: ours / competitors (${o[i]} / ${c[i]})`);
  }
  return ratios;
}

/**
 * Gale's market-perceived ratio (relative quality, or relative price satisfaction):
 *
 *   ratio = 100 · Σ w_i (ours_i / comp_i) / Σ w_i,
 *
 * 100 meaning on par with the competition, 120 "20 % better". With several competitors, comp_i
 * is their plain mean score on attribute i; to weight competitors by market share, pass the
 * share-weighted mean per attribute as a single competitor.
 *
 * Reference: Gale, Managing Customer Value (1994): quality profile (gallbladder surgery example,
 * weights 40/30/10/5/15, ratios 3.0/2.0/1.5/1.4/2.0 → 232) and price profile (car example,
 * weights 60/20/10/10 → 118.4, printed as 118.7 from ratios rounded to 2 dp). O(n).
 *
 * @param ours our score on each attribute (non-negative)
 * @param competitors one competitor's score per attribute, or attribute × competitor rows
 * @param weights importance of each attribute (non-negative, not all zero; any total)
 * @returns the weighted ratio × 100
 * @throws {InputError} as {@link performanceRatios}, and when the weights do not match the
 *   attributes, are negative or all zero
 * @example relativeRatio([9, 6, 9, 7], [7, 6, 8, 7], [60, 20, 10, 10]); // => 118.392857… (= 100 · 1.18392857)
 */
export function relativeRatio(
  ours: ArrayLike<unknown>,
  competitors: CompetitorScores,
  weights: ArrayLike<unknown>,
): number {
  const ratios = performanceRatios(ours, competitors);
  const { shares } = checkWeights(weights, ratios.length, 'attribute');
  const ratio = 100 * weightedMean(ratios, shares);
  if (!Number.isFinite(ratio)) throw tooLarge({ argument: 'ours' }, ': the weighted ratio × 100');
  return ratio;
}

/**
 * Relative price index from a relative price-satisfaction ratio: `100² / ratio`. Customers who
 * are 18.7 % more satisfied with our price than with the competitor's perceive our price as
 * 100/1.187 = 84.2 % of theirs, the y coordinate of the value map.
 *
 * Reference: Gale, Managing Customer Value (1994), price profile (118.7 → 84.2). O(1).
 *
 * @param ratio a relative price-satisfaction ratio from {@link relativeRatio} (100 = on par)
 * @returns the relative price, 100 = the competitors' price
 * @throws {InputError} when the ratio is not a positive finite number
 * @example relativePrice(118.7); // => 84.245… (the book prints 84.2)
 */
export function relativePrice(ratio: number): number {
  if (typeof ratio !== 'number' || !Number.isFinite(ratio) || ratio <= 0) {
    throw mustBe('ratio', 'a positive number', { value: ratio });
  }
  return 10000 / ratio;
}
