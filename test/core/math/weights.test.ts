import { checkWeights } from '../../../src/core/math/weights.ts';

describe('checkWeights', () => {
  test('JSDoc example: total of [40, 60] is 100', () => {
    const { weights, total } = checkWeights([40, 60], 2, 'item');
    expect(total).toBe(100);
    expect(Array.from(weights)).toEqual([40, 60]);
  });

  test('messages name the unit and the 1-based position', () => {
    expect(() => checkWeights([1, -2], 2, 'attribute')).toThrow(
      'weights: item 2 must be non-negative (got -2)',
    );
    expect(() => checkWeights([1], 1, 'item', 'importance')).not.toThrow();
    expect(() => checkWeights([0], 1, 'item', 'importance')).toThrow('importance must not all be zero');
    expect(() => checkWeights([1, 2, 3], 1, 'item')).toThrow(
      'weights must have one weight per item (1 item, 3 weights)',
    );
    expect(() => checkWeights(5 as never, 1, 'item')).toThrow('weights must be an array of numbers');
    expect(() => checkWeights([NaN], 1, 'item')).toThrow('weights: item 1 is not a number (got NaN)');
  });
});

describe('weight shares (issue #9: huge and tiny weights)', () => {
  test('weights of 1e308 are valid: their sum overflows, their shares do not', () => {
    const { shares } = checkWeights([1e308, 1e308, 0], 3, 'item');
    expect(Array.from(shares)).toEqual([0.5, 0.5, 0]);
  });

  test('shares of subnormal weights are exact ratios', () => {
    const { shares } = checkWeights([5e-324, 5e-324], 2, 'item');
    expect(Array.from(shares)).toEqual([0.5, 0.5]);
  });

  test('all zero is still rejected', () => {
    expect(() => checkWeights([0, 0], 2, 'item')).toThrow('weights must not all be zero');
  });
});
