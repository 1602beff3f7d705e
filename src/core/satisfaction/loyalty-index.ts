/**
 * Loyalty index of the course model: loyalty = attractiveness × satisfaction × engagement.
 */
import { mustBe, notFinite, stated } from '../messages.ts';

function factor(value: unknown, argument: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw notFinite(argument, value);
  }
  if (value < 0) {
    throw mustBe(argument, 'non-negative', { value });
  }
  return value;
}

/**
 * Loyalty index: the product of attractiveness, satisfaction and engagement, so a customer is
 * only as loyal as the weakest of the three allows (any factor at 0 gives 0).
 *
 * Scale: the model expects each factor as a proportion in [0, 1] (for example a 0–100 index
 * divided by 100), which keeps the index in [0, 1]. Other non-negative scales are accepted and
 * multiplied as given; the index then carries the product of their scales (three 0–100 indices
 * give 0–1,000,000), so put all three on [0, 1] to compare indices across studies.
 *
 * @param attractiveness attractiveness of the offer (non-negative; [0, 1] expected)
 * @param satisfaction satisfaction, e.g. CSI / 100 (non-negative; [0, 1] expected)
 * @param engagement engagement or commitment (non-negative; [0, 1] expected)
 * @returns attractiveness × satisfaction × engagement
 * @throws {InputError} when an argument is not a finite number or is negative, naming it, or the
 *   product is too large to represent
 * @example loyaltyIndex(0.9, 0.8, 0.5); // => 0.36 (0.36000000000000004 in floating point)
 */
export function loyaltyIndex(attractiveness: number, satisfaction: number, engagement: number): number {
  const product =
    factor(attractiveness, 'attractiveness') * factor(satisfaction, 'satisfaction') * factor(engagement, 'engagement');
  if (!Number.isFinite(product)) {
    throw stated(
      'attractiveness',
      'the loyalty index is too large to represent; put attractiveness, satisfaction and engagement on [0, 1]',
    );
  }
  return product;
}
