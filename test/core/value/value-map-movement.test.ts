import { valueMap } from '../../../src/core/value/value-map.ts';
import { valueMapMovement } from '../../../src/core/value/value-map-movement.ts';
import { errorOf } from '../error-of.ts';

const last = valueMap([
  { offer: 'Us', quality: 100, price: 105 },
  { offer: '__proto__', quality: 110, price: 100 },
  { offer: 'Rival B', quality: 90, price: 95 },
]);
const now = valueMap([
  { offer: 'Rival B', quality: 90, price: 95 },
  { offer: 'Us', quality: 108, price: 104 },
  { offer: '__proto__', quality: 105, price: 102 },
]);

describe('valueMapMovement', () => {
  test('changes per offer, in the order of the earlier map (hand-computed)', () => {
    const rows = valueMapMovement(last, now).objects() as Record<string, unknown>[];
    expect(rows.map((r) => r.offer)).toEqual(['Us', '__proto__', 'Rival B']);
    // Us: distance (q − p)/√2 goes from −5/√2 to 4/√2: +9/√2 = 6.364, from worse to better value.
    expect(rows[0]).toMatchObject({
      qualityBefore: 100,
      priceBefore: 105,
      zoneBefore: 'worse value',
      qualityAfter: 108,
      priceAfter: 104,
      zoneAfter: 'better value',
      qualityChange: 8,
      priceChange: -1,
      movement: 'towards better value',
    });
    expect(rows[0].distanceChange).toBeCloseTo(9 / Math.SQRT2, 12);
    // __proto__: 10/√2 → 3/√2.
    expect(rows[1].distanceChange).toBeCloseTo(-7 / Math.SQRT2, 12);
    expect(rows[1].movement).toBe('towards worse value');
    expect(rows[2]).toMatchObject({ distanceChange: 0, movement: 'no change' });
  });

  test('the @example', () => {
    const a = valueMap([{ offer: 'Us', quality: 100, price: 100 }]);
    const b = valueMap([{ offer: 'Us', quality: 110, price: 100 }]);
    expect(valueMapMovement(a, b).get('distanceChange', 0)).toBeCloseTo(7.0710678, 6);
  });

  test('offers must match and appear once', () => {
    const fewer = valueMap([{ offer: 'Us', quality: 100, price: 100 }]);
    expect(errorOf(() => valueMapMovement(last, fewer)).message).toBe('after has no offer "__proto__" (before has it)');
    expect(errorOf(() => valueMapMovement(fewer, last)).message).toBe('before has no offer "__proto__" (after has it)');
    const twice = valueMap([
      { offer: 'Us', quality: 100, price: 100 },
      { offer: 'Us', quality: 101, price: 100 },
    ]);
    const repeated = errorOf(() => valueMapMovement(twice, fewer));
    expect(repeated.message).toBe('before: row 2 repeats the offer "Us"; each offer once per survey');
    expect(repeated.location).toEqual({ argument: 'before', row: 2 });
    expect(errorOf(() => valueMapMovement({} as never, fewer)).message).toBe('before must be the result of valueMap');
  });
});
