import { clv } from '../../../src/core/lifetime/clv.ts';
import { errorOf } from '../error-of.ts';

// Reference sums computed exactly with /usr/bin/python3 and fractions.Fraction:
//   def s(m, r, d, n): return sum(F(m) * (F(r) / (1 + F(d)))**t for t in range(1, n + 1))
describe('clv', () => {
  test('margin multiple r/(1+d−r) for r = 0.8, d = 0.1 is 8/3 = 2.67 (DESIGN.md)', () => {
    expect(clv({ margin: 1, retention: 0.8, discount: 0.1 })).toBeCloseTo(8 / 3, 14);
    expect(clv({ margin: 1, retention: 0.8, discount: 0.1 }).toFixed(2)).toBe('2.67');
  });

  test('JSDoc example: 100 · 8/3 = 266.67', () => {
    expect(clv({ margin: 100, retention: 0.8, discount: 0.1 })).toBeCloseTo(800 / 3, 12);
  });

  test('finite horizon, hand-computed: 100·(8/11 + (8/11)² + (8/11)³) = 218400/1331', () => {
    // (968 + 704 + 512)/1331 · 100 = 164.08715251690458 (Fraction, s(100, '0.8', '0.1', 3)).
    expect(clv({ margin: 100, retention: 0.8, discount: 0.1, periods: 3 })).toBeCloseTo(218400 / 1331, 12);
    // One period: 100 · 0.8/1.1.
    expect(clv({ margin: 100, retention: 0.8, discount: 0.1, periods: 1 })).toBeCloseTo(80 / 1.1, 12);
    // s(50, '0.9', '0.12', 10) = 181.5821333410107
    expect(clv({ margin: 50, retention: 0.9, discount: 0.12, periods: 10 })).toBeCloseTo(181.5821333410107, 11);
  });

  test('a long finite horizon converges to the infinite value', () => {
    const infinite = clv({ margin: 50, retention: 0.9, discount: 0.12 });
    // 50 · 0.9/(1.12 − 0.9) = 204.54545454545453 (Fraction)
    expect(infinite).toBeCloseTo(204.54545454545453, 11);
    expect(clv({ margin: 50, retention: 0.9, discount: 0.12, periods: 1000 })).toBeCloseTo(infinite, 10);
    // The gap after n periods is infinite · q^n: at n = 20, q = 0.9/1.12.
    const q = 0.9 / 1.12;
    expect(clv({ margin: 50, retention: 0.9, discount: 0.12, periods: 20 })).toBeCloseTo(
      infinite * (1 - q ** 20),
      10,
    );
  });

  test('retention 1: finite annuity and perpetuity m/d', () => {
    // s(100, '1', '0.1', 2) = 173.55371900826447
    expect(clv({ margin: 100, retention: 1, discount: 0.1, periods: 2 })).toBeCloseTo(173.55371900826447, 11);
    expect(clv({ margin: 100, retention: 1, discount: 0.1 })).toBeCloseTo(1000, 10);
    // No discounting, no churn: n margins.
    expect(clv({ margin: 100, retention: 1, discount: 0, periods: 5 })).toBe(500);
  });

  test('a negative discount rate (> −1) works for a finite horizon', () => {
    // s(100, '0.95', '-0.1', 2) = 216.97530864197532
    expect(clv({ margin: 100, retention: 0.95, discount: -0.1, periods: 2 })).toBeCloseTo(216.97530864197532, 11);
  });

  test('acquisition cost is subtracted once; zero retention leaves only the cost', () => {
    expect(clv({ margin: 100, retention: 0.8, discount: 0.1, acquisitionCost: 50 })).toBeCloseTo(800 / 3 - 50, 12);
    expect(clv({ margin: 100, retention: 0, discount: 0.1, periods: 4, acquisitionCost: 30 })).toBe(-30);
    expect(clv({ margin: 100, retention: 0, discount: 0.1 })).toBe(0);
  });

  describe('errors', () => {
    test.each([
      [{ margin: 1, retention: 1.2, discount: 0.1 }, 'retention must be between 0 and 1 (got 1.2)', 'value'],
      [{ margin: 1, retention: -0.1, discount: 0.1 }, 'retention must be between 0 and 1 (got -0.1)', 'value'],
      [{ margin: 1, retention: 0.8, discount: -1 }, 'discount must be greater than -1 (got -1)', 'value'],
      [
        { margin: 1, retention: 0.95, discount: -0.1 },
        'retention must be below 1 + discount for an infinite horizon (retention 0.95, discount -0.1): the sum diverges',
        'value',
      ],
      [
        { margin: 1, retention: 1, discount: 0 },
        'retention must be below 1 + discount for an infinite horizon (retention 1, discount 0): the sum diverges',
        'value',
      ],
      [{ margin: 1, retention: 0.8, discount: 0.1, periods: 2.5 }, 'periods must be a positive integer (got 2.5)', 'value'],
      [{ margin: 1, retention: 0.8, discount: 0.1, periods: 0 }, 'periods must be a positive integer (got 0)', 'value'],
      [{ margin: 1, retention: 0.8, discount: 0.1, periods: Infinity }, 'periods must be a finite number (got Infinity)', 'value'],
      [{ margin: NaN, retention: 0.8, discount: 0.1 }, 'margin must be a finite number (got NaN)', 'value'],
      [{ margin: 1, retention: '0.8', discount: 0.1 }, 'retention must be a finite number (got "0.8")', 'value'],
      [{ margin: 1, retention: 0.8, discount: 0.1, acquisitionCost: Infinity }, 'acquisitionCost must be a finite number (got Infinity)', 'value'],
      [{ margin: 1, retention: 0.99, discount: -0.5, periods: 5000 }, 'clv overflows (retention 0.99, discount -0.5, periods 5000)', 'num'],
    ] as [object, string, string][])('%j → %s', (input, message, code) => {
      const error = errorOf(() => clv(input as never));
      expect(error.message).toBe(message);
      expect(error.code).toBe(code);
    });
  });
});

describe('clv overflow (issue #9)', () => {
  test('infinite horizon: CLV(1e308, 0.9, 0) is an error naming margin, not Infinity', () => {
    const error = errorOf(() => clv({ margin: 1e308, retention: 0.9, discount: 0 }));
    expect(error.argument).toBe('margin');
    expect(error.message).toMatch(/too large to represent; scale the margin down/);
  });

  test('an acquisition cost that makes the difference overflow names acquisitionCost', () => {
    const error = errorOf(() => clv({ margin: 1e308, retention: 0.5, discount: 0, acquisitionCost: -1.7e308 }));
    expect(error.argument).toBe('acquisitionCost');
  });
});

test('finite horizon with q = 1: CLV(1.797e308, 1, 2e-153, 8) overflows into an error naming margin (issue #9)', () => {
  expect(errorOf(() => clv({ margin: 1.7976931348623153e308, retention: 1, discount: 2e-153, periods: 8 })).argument).toBe(
    'margin',
  );
});

describe('finite horizon with r/(1 + d) within 1e-14 of 1 (issue #9, found by the formula properties)', () => {
  // References computed exactly with /usr/bin/python3 and fractions.Fraction, as above.
  test('one period is m·r/(1 + d): 999.9999999999901 (the closed form gave 1014.2)', () => {
    const value = clv({ margin: 999.9999999999978, retention: 0.9999999999999986, discount: 6.328873410878147e-15, periods: 1 });
    expect(Math.abs(value - 999.9999999999901)).toBeLessThan(1e-9);
  });

  test('ten periods at r = 1 − 1e-12, d = 1e-13: 999.9999999939502', () => {
    const value = clv({ margin: 100, retention: 0.999999999999, discount: 1e-13, periods: 10 });
    expect(Math.abs(value - 999.9999999939502)).toBeLessThan(1e-9);
  });
});
