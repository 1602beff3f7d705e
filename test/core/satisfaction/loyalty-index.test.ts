import { loyaltyIndex } from '../../../src/core/satisfaction/loyalty-index.ts';
import { errorOf } from '../error-of.ts';

describe('loyaltyIndex', () => {
  test('the product of the three factors (JSDoc example, hand-computed 0.9·0.8·0.5 = 0.36)', () => {
    expect(loyaltyIndex(0.9, 0.8, 0.5)).toBeCloseTo(0.36, 15);
  });

  test('a zero factor gives zero; all ones give one', () => {
    expect(loyaltyIndex(0, 0.8, 0.5)).toBe(0);
    expect(loyaltyIndex(1, 1, 1)).toBe(1);
  });

  test('other scales are multiplied as given (three 0–100 indices: 80·50·90 = 360000)', () => {
    expect(loyaltyIndex(80, 50, 90)).toBe(360000);
  });

  test.each([
    [[-0.1, 0.5, 0.5], 'attractiveness must be non-negative (got -0.1)', 'attractiveness'],
    [[0.5, NaN, 0.5], 'satisfaction must be a finite number (got NaN)', 'satisfaction'],
    [[0.5, 0.5, Infinity], 'engagement must be a finite number (got Infinity)', 'engagement'],
    [[0.5, '0.5', 0.5], 'satisfaction must be a finite number (got "0.5")', 'satisfaction'],
    [[0.5, 0.5, -2], 'engagement must be non-negative (got -2)', 'engagement'],
  ] as [unknown[], string, string][])('%j → %s', (args, message, argument) => {
    const error = errorOf(() => loyaltyIndex(...(args as [number, number, number])));
    expect(error.message).toBe(message);
    expect(error.argument).toBe(argument);
  });
});

describe('loyaltyIndex overflow (issue #9)', () => {
  test('a product too large to represent is an error naming the arguments, not Infinity', () => {
    const error = errorOf(() => loyaltyIndex(1e200, 1e200, 1));
    expect(error.argument).toBe('attractiveness');
    expect(error.message).toMatch(/too large to represent/);
    expect(error.message).toMatch(/attractiveness, satisfaction and engagement/);
  });
});
