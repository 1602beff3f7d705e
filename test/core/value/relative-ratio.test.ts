import {
  performanceRatios,
  relativePrice,
  relativeRatio,
} from '../../../src/core/value/relative-ratio.ts';
import { errorOf } from '../error-of.ts';

describe('relativeRatio', () => {
  test('Gale quality profile, gallbladder surgery (Gale, Managing Customer Value (1994); DESIGN.md)', () => {
    // Weights 40/30/10/5/15, performance ratios 3.0/2.0/1.5/1.4/2.0 → 232.
    // Scores chosen to give exactly those ratios: 9/3, 8/4, 6/4, 7/5, 8/4.
    const ours = [9, 8, 6, 7, 8];
    const competitor = [3, 4, 4, 5, 4];
    const weights = [40, 30, 10, 5, 15];
    expect(Array.from(performanceRatios(ours, competitor))).toEqual([3, 2, 1.5, 1.4, 2]);
    // Exact rational value 232 (Python fractions: 100·Σ w·Fraction(o, c)/Σ w == 232).
    expect(relativeRatio(ours, competitor, weights)).toBeCloseTo(232, 12);
  });

  test('Gale price profile, car example: exact scores give 118.39 and relative price 84.46', () => {
    // Gale (1994), DESIGN.md. Weights 60/20/10/10; ours 9/6/9/7, competitor 7/6/8/7.
    // Exact (Python fractions): 100·(60·9/7 + 20 + 10·9/8 + 10)/100 = 3315/28 = 118.392857…,
    // relative price 100²/(3315/28) = 280000/3315 = 84.464555…
    const ratio = relativeRatio([9, 6, 9, 7], [7, 6, 8, 7], [60, 20, 10, 10]);
    expect(ratio).toBeCloseTo(3315 / 28, 12);
    expect(relativePrice(ratio)).toBeCloseTo(280000 / 3315, 12);
    expect(ratio.toFixed(2)).toBe('118.39');
    expect(relativePrice(ratio).toFixed(2)).toBe('84.46');
  });

  test('Gale price profile as printed: ratios rounded to 2 dp give 118.7 and 84.2', () => {
    // Gale (1994) rounds each ratio first: 1.29, 1.00, 1.13, 1.00.
    // 0.6·1.29 + 0.2·1 + 0.1·1.13 + 0.1·1 = 1.187 → 118.7; 100/1.187 = 84.246 → 84.2.
    const ratio = relativeRatio([1.29, 1, 1.13, 1], [1, 1, 1, 1], [60, 20, 10, 10]);
    expect(ratio).toBeCloseTo(118.7, 12);
    expect(relativePrice(ratio)).toBeCloseTo(10000 / 118.7, 12);
    expect(relativePrice(ratio).toFixed(1)).toBe('84.2');
  });

  test('several competitors: compared with their mean score per attribute (JSDoc example)', () => {
    // Attribute 1: competitors 7 and 5 → mean 6, ratio 9/6 = 1.5; attribute 2: 6 and 6 → 1.
    expect(Array.from(performanceRatios([9, 6], [[7, 5], [6, 6]]))).toEqual([1.5, 1]);
    // Equal weights: 100·(1.5 + 1)/2 = 125.
    expect(relativeRatio([9, 6], [[7, 5], [6, 6]], [1, 1])).toBe(125);
    // A one-column 2D range (Excel shape) is one competitor.
    expect(relativeRatio([9, 6], [[6], [6]], [1, 1])).toBe(125);
  });

  test('on par gives 100', () => {
    expect(relativeRatio([7, 8, 9], [7, 8, 9], [1, 2, 3])).toBe(100);
  });

  describe('errors', () => {
    test.each([
      [[9, 6], [7, 0], [1, 1], 'competitors: item 2 is 0; a ratio needs a non-zero competitor score', { argument: 'competitors', item: 2 }],
      [[9, 6], [[7, 5], [0, 0]], [1, 1], 'competitors: row 2 has a mean score of 0; a ratio needs a non-zero competitor score', { argument: 'competitors', row: 2 }],
      [[9, 6], [7], [1, 1], 'competitors must have one score (or row of scores) per attribute of ours (2 attributes, 1 given)', { argument: 'competitors' }],
      [[9, 6], [[7, 5], [6]], [1, 1], 'competitors: row 2 has 1 score, row 1 has 2', { argument: 'competitors', row: 2 }],
      [[9, 6], [[7, 5], [6, null]], [1, 1], 'competitors: row 2, column 2 is blank', { argument: 'competitors', row: 2, column: 2 }],
      [[9, 6], [7, 'x'], [1, 1], 'competitors: item 2 is not a number (got "x")', { argument: 'competitors', item: 2 }],
      [[9, 6], [7, -1], [1, 1], 'competitors: item 2 must be non-negative (got -1)', { argument: 'competitors', item: 2 }],
      [[9, -6], [7, 6], [1, 1], 'ours: item 2 must be non-negative (got -6)', { argument: 'ours', item: 2 }],
      [[], [], [], 'ours must contain at least one attribute', { argument: 'ours' }],
      [[9, null], [7, 6], [1, 1], 'ours: item 2 is blank', { argument: 'ours', item: 2 }],
      [[9, 6], [7, 6], [1], 'weights must have one weight per attribute (2 attributes, 1 weight)', { argument: 'weights' }],
      [[9, 6], [7, 6], [1, -0.2], 'weights: item 2 must be non-negative (got -0.2)', { argument: 'weights', item: 2 }],
      [[9, 6], [7, 6], [0, 0], 'weights must not all be zero', { argument: 'weights' }],
    ] as [unknown, unknown, unknown, string, object][])('%j %j %j → %s', (ours, competitors, weights, message, location) => {
      const error = errorOf(() => relativeRatio(ours as never, competitors as never, weights as never));
      expect(error.message).toBe(message);
      expect(error.location).toEqual(location);
    });

    test('relativePrice needs a positive ratio', () => {
      expect(errorOf(() => relativePrice(0)).message).toBe('ratio must be a positive number (got 0)');
      expect(errorOf(() => relativePrice(NaN)).message).toBe('ratio must be a positive number (got NaN)');
    });
  });
});

describe('relativeRatio at the edges of the double range (issue #9)', () => {
  test('equal scores under weights of 1e308 are at par (100), not Infinity', () => {
    expect(relativeRatio([0.001, 1], [0.001, 1], [1e-300, 1e308])).toBeCloseTo(100, 12);
  });

  test('a ratio too large to represent is an error naming ours', () => {
    const error = errorOf(() => relativeRatio([1e308], [1e-10], [1]));
    expect(error.argument).toBe('ours');
    expect(error.message).toMatch(/too large to represent/);
  });
});
