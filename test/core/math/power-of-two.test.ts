import { powerOfTwoAtOrBelow } from '../../../src/core/math/power-of-two.ts';

describe('powerOfTwoAtOrBelow', () => {
  test('JSDoc example and exact powers', () => {
    expect(powerOfTwoAtOrBelow(10)).toBe(8);
    expect(powerOfTwoAtOrBelow(8)).toBe(8);
    expect(powerOfTwoAtOrBelow(0.3)).toBe(0.25);
  });

  test('the ends of the double range (Math.log2 rounds 1.797e308 up to 1024)', () => {
    expect(powerOfTwoAtOrBelow(Number.MAX_VALUE)).toBe(2 ** 1023);
    expect(powerOfTwoAtOrBelow(1.7976931348623135e308)).toBe(2 ** 1023);
    expect(powerOfTwoAtOrBelow(5e-324)).toBe(5e-324);
  });

  test('zero, negative and non-finite input give 1', () => {
    expect(powerOfTwoAtOrBelow(0)).toBe(1);
    expect(powerOfTwoAtOrBelow(-4)).toBe(1);
    expect(powerOfTwoAtOrBelow(Infinity)).toBe(1);
  });
});
