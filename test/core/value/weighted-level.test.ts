import { priceLevel, qualityLevel, weightedLevel } from '../../../src/core/value/weighted-level.ts';
import { errorOf } from '../error-of.ts';

describe('qualityLevel / priceLevel', () => {
  test('JSDoc examples (hand-computed)', () => {
    // (40·9 + 30·8 + 10·6 + 5·7 + 15·8)/100 = 815/100 = 8.15
    expect(qualityLevel([9, 8, 6, 7, 8], [40, 30, 10, 5, 15])).toBeCloseTo(8.15, 13);
    // Gale's car example, our price-satisfaction scores: (60·9 + 20·6 + 10·9 + 10·7)/100 = 8.2
    expect(priceLevel([9, 6, 9, 7], [60, 20, 10, 10])).toBeCloseTo(8.2, 13);
    // and the competitor's: (60·7 + 20·6 + 10·8 + 10·7)/100 = 6.9
    expect(priceLevel([7, 6, 8, 7], [60, 20, 10, 10])).toBeCloseTo(6.9, 13);
    expect(weightedLevel([8, 6], [3, 1])).toBe(7.5);
  });

  test('weights need not sum to 100, zero weights drop an attribute, strings parse', () => {
    expect(qualityLevel([9, 8, 6, 7, 8], [0.4, 0.3, 0.1, 0.05, 0.15])).toBeCloseTo(8.15, 13);
    expect(qualityLevel([9, 1], [1, 0])).toBe(9);
    expect(qualityLevel(['9', 5], ['1', '1'])).toBe(7);
  });

  test.each([
    [[], [], 'scores must contain at least one attribute', 'scores'],
    [[1, 2], [1], 'weights must have one weight per score (2 scores, 1 weight)', 'weights'],
    [[1, null], [1, 1], 'scores: item 2 is blank', 'scores'],
    [[1, 'good'], [1, 1], 'scores: item 2 is not a number (got "good")', 'scores'],
    [[1, 2], [1, -3], 'weights: item 2 must be non-negative (got -3)', 'weights'],
    [[1, 2], [0, 0], 'weights must not all be zero', 'weights'],
    [[1, 2], [1, 'x'], 'weights: item 2 is not a number (got "x")', 'weights'],
    [5, [1], 'scores must be an array of attribute scores', 'scores'],
  ] as [unknown, unknown, string, string][])('%j %j → %s', (scores, weights, message, argument) => {
    for (const level of [qualityLevel, priceLevel]) {
      const error = errorOf(() => level(scores as never, weights as never));
      expect(error.message).toBe(message);
      expect(error.argument).toBe(argument);
    }
  });
});

describe('weightedLevel at the edges of the double range (issue #9)', () => {
  test('weights and scores of 1e308 give the score, not Infinity or "weights must not all be zero"', () => {
    expect(qualityLevel([1e308, 1e308], [1e308, 1e308])).toBe(1e308);
    expect(priceLevel([Number.MAX_VALUE, -Number.MAX_VALUE], [1, 1])).toBe(0);
  });

  test('a tiny score under a tiny weight is not lost to underflow (was 0 for 7.4e-323)', () => {
    expect(qualityLevel([7.4e-323], [1e-6])).toBe(7.4e-323);
  });
});

test('a weight just below the largest double: the share is 1, not 0/0 (issue #9, Math.log2 rounding)', () => {
  expect(qualityLevel([-1e308], [1.7976931348623135e308])).toBe(-1e308);
});
