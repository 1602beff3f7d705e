import * as aq from 'arquero';
import { valueMap } from '../../../src/core/value/value-map.ts';
import { errorOf } from '../error-of.ts';

const offers = [
  { offer: 'A', quality: 120, price: 100 },
  { offer: 'B', quality: 90, price: 110 },
  { offer: 'C', quality: 100, price: 100 },
  { offer: 'D', quality: 105, price: 103 },
];

describe('valueMap', () => {
  test('default fair-value line through (100, 100), slope 1 (hand-computed)', () => {
    // Gale (1994) value map; DESIGN.md: below / right of the line is better value.
    // distance = (100 + 1·(q − 100) − p)/√2: A (120 − 100)/√2 = 14.142, B (90 − 110)/√2 = −14.142,
    // C 0, D (105 − 103)/√2 = 1.414.
    const map = valueMap(offers);
    expect(map.line).toEqual({ intercept: 0, slope: 1, method: 'fair' });
    expect(map.tolerance).toBe(0);
    expect(map.table.columnNames()).toEqual(['offer', 'quality', 'price', 'fairPrice', 'distance', 'zone']);
    const distance = Array.from(map.table.array('distance') as ArrayLike<number>);
    const expected = [20 / Math.SQRT2, -20 / Math.SQRT2, 0, 2 / Math.SQRT2];
    distance.forEach((d, i) => expect(d).toBeCloseTo(expected[i], 12));
    expect(Array.from(map.table.array('fairPrice') as ArrayLike<number>)).toEqual([120, 90, 100, 105]);
    expect(map.table.array('zone')).toEqual(['better value', 'worse value', 'fair value', 'better value']);
    expect(map.table.array('offer')).toEqual(['A', 'B', 'C', 'D']);
  });

  test('a tolerance band makes near-line offers fair', () => {
    const map = valueMap(offers, {}, { tolerance: 2 });
    // D is 1.414 from the line, inside the band of half-width 2.
    expect(map.table.array('zone')).toEqual(['better value', 'worse value', 'fair value', 'fair value']);
  });

  test('JSDoc example', () => {
    const map = valueMap([{ offer: 'A', quality: 120, price: 100 }]);
    expect(map.table.get('distance', 0)).toBeCloseTo(14.142135623730951, 12);
  });

  test('a fair line with another slope still passes through (100, 100)', () => {
    // slope 0.5: price = 50 + 0.5 q; A: fair price 110, distance (110 − 100)/√1.25 = 8.944.
    const map = valueMap(offers, {}, { slope: 0.5 });
    expect(map.line).toEqual({ intercept: 50, slope: 0.5, method: 'fair' });
    expect(map.table.get('distance', 0)).toBeCloseTo(10 / Math.sqrt(1.25), 12);
  });

  test('fitted line: least squares of price on quality (cross-checked with scipy)', () => {
    // /usr/bin/python3: scipy.stats.linregress([90,100,110,120], [95,100,115,118])
    //   → intercept 18.8, slope 0.84 (exactly 94/5 and 21/25 with fractions.Fraction);
    //   distances (a + b q − p)/√(1 + b²) with the exact a, b:
    //   [-0.45942291887376663, 2.1439736214109106, -2.909678486200522, 1.2251277836633778]
    const market = aq.table({
      brand: ['W', 'X', 'Y', 'Z'],
      relQ: [90, 100, 110, 120],
      relP: [95, 100, 115, 118],
    });
    const map = valueMap(market, { offer: 'brand', quality: 'relQ', price: 'relP' }, { line: 'fitted' });
    expect(map.line.method).toBe('fitted');
    expect(map.line.intercept).toBeCloseTo(18.8, 11);
    expect(map.line.slope).toBeCloseTo(0.84, 13);
    const expected = [-0.45942291887376663, 2.1439736214109106, -2.909678486200522, 1.2251277836633778];
    const distance = map.table.array('distance') as ArrayLike<number>;
    expected.forEach((d, i) => expect(distance[i]).toBeCloseTo(d, 11));
    expect(map.table.array('zone')).toEqual(['worse value', 'better value', 'worse value', 'better value']);
    expect(map.table.array('offer')).toEqual(['W', 'X', 'Y', 'Z']);
  });

  test('a given line', () => {
    const map = valueMap(offers, {}, { line: { intercept: 10, slope: 0.9 } });
    expect(map.line).toEqual({ intercept: 10, slope: 0.9, method: 'given' });
    // A: 10 + 108 − 100 = 18 → 18/√1.81.
    expect(map.table.get('distance', 0)).toBeCloseTo(18 / Math.sqrt(1.81), 12);
  });

  describe('errors', () => {
    test('empty table, missing column, non-numeric cell', () => {
      expect(errorOf(() => valueMap([])).message).toBe('table must contain at least one offer');
      expect(errorOf(() => valueMap(offers, { price: 'relP' })).message).toBe(
        'price: column "relP" not found (columns: offer, quality, price)',
      );
      expect(
        errorOf(() => valueMap([{ offer: 'A', quality: 'high', price: 100 }])).message,
      ).toBe('quality: column "quality", row 1 is not a number (got "high")');
      expect(errorOf(() => valueMap([{ quality: 100, price: 100 }])).message).toBe(
        'offer: column "offer" not found (columns: quality, price)',
      );
    });

    test('options', () => {
      expect(errorOf(() => valueMap(offers, {}, { tolerance: -1 })).message).toBe(
        'tolerance must be non-negative (got -1)',
      );
      expect(errorOf(() => valueMap(offers, {}, { line: 'curved' as never })).message).toBe(
        `line must be 'fair', 'fitted' or { intercept, slope } (got "curved")`,
      );
      expect(errorOf(() => valueMap(offers, {}, { slope: NaN })).message).toBe(
        'slope must be a finite number (got NaN)',
      );
      expect(
        errorOf(() => valueMap(offers, {}, { line: { intercept: 0, slope: Infinity } })).message,
      ).toBe('line.slope must be a finite number (got Infinity)');
    });

    test('a fitted line needs two offers of different quality', () => {
      expect(errorOf(() => valueMap([offers[0]], {}, { line: 'fitted' })).message).toBe(
        'line: fitting a line needs at least two offers',
      );
      expect(
        errorOf(() =>
          valueMap(
            [
              { offer: 'A', quality: 100, price: 90 },
              { offer: 'B', quality: 100, price: 110 },
            ],
            {},
            { line: 'fitted' },
          ),
        ).message,
      ).toBe('line: cannot fit a line, all offers have the same relative quality');
    });
  });
});
