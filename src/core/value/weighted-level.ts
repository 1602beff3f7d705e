/**
 * Market-perceived quality and price levels (Gale): the importance-weighted average of an
 * offer's attribute scores. Quality and price use the same arithmetic; two names keep the
 * formulas and notebooks readable.
 */
import { invalid, mustBe } from '../messages.ts';
import { checkWeights, weightedMean } from '../math/weights.ts';
import { attributeScores } from './attribute-scores.ts';

/**
 * Weighted average Σ w_i s_i / Σ w_i of attribute scores.
 *
 * @param scores one score per attribute
 * @param weights one non-negative weight per attribute, not all zero
 * @returns the weighted average, on the scale of the scores
 * @throws {InputError} when either is empty, holds a blank or non-numeric value, the lengths
 *   differ, a weight is negative, or all weights are zero
 * @example weightedLevel([8, 6], [3, 1]); // => 7.5
 */
export function weightedLevel(scores: ArrayLike<unknown>, weights: ArrayLike<unknown>): number {
  const s = attributeScores(scores, 'scores');
  if (weights === null || typeof weights !== 'object' || typeof weights.length !== 'number') {
    throw mustBe('weights', 'an array of numbers');
  }
  if (weights.length !== s.length) {
    throw invalid(
      'weights',
      `must have one weight per score (${s.length} score${s.length === 1 ? '' : 's'}, ${weights.length} weight${weights.length === 1 ? '' : 's'})`,
    );
  }
  const { shares } = checkWeights(weights, s.length, 'attribute');
  return weightedMean(s, shares);
}

/**
 * Market-perceived quality level of one offer: the importance-weighted average of its quality
 * attribute scores, Σ w_i s_i / Σ w_i (the "quality profile" of Gale).
 *
 * Reference: Gale, Managing Customer Value (1994). O(n).
 *
 * @param scores customers' rating of the offer on each quality attribute
 * @param weights importance of each attribute (non-negative, not all zero; any total, e.g. 100)
 * @returns the quality level, on the scale of the scores
 * @throws {InputError} as {@link weightedLevel}
 * @example qualityLevel([9, 8, 6, 7, 8], [40, 30, 10, 5, 15]); // => 8.15
 */
export function qualityLevel(scores: ArrayLike<unknown>, weights: ArrayLike<unknown>): number {
  return weightedLevel(scores, weights);
}

/**
 * Market-perceived price level of one offer: the importance-weighted average of customers'
 * satisfaction with its price attributes (purchase price, running costs, …), Σ w_i s_i / Σ w_i.
 * Higher means the price is perceived as more favourable.
 *
 * Reference: Gale, Managing Customer Value (1994), the price profile. O(n).
 *
 * @param scores price-satisfaction score of each price attribute
 * @param weights importance of each price attribute (non-negative, not all zero)
 * @returns the price-satisfaction level, on the scale of the scores
 * @throws {InputError} as {@link weightedLevel}
 * @example priceLevel([9, 6, 9, 7], [60, 20, 10, 10]); // => 8.2
 */
export function priceLevel(scores: ArrayLike<unknown>, weights: ArrayLike<unknown>): number {
  return weightedLevel(scores, weights);
}
