import { InputError } from '../../../src/core/errors.ts';
import { errorOf } from '../error-of.ts';
import { importancePerformance, quadrantOf } from '../../../src/core/satisfaction/importance-performance.ts';
import { keyDrivers } from '../../../src/core/satisfaction/key-drivers.ts';

describe('importancePerformance (Martilla & James 1977)', () => {
  test('the @example and the four quadrants, grid lines at the means (hand-computed)', () => {
    // importance mean (0.4 + 0.1 + 0.3 + 0.2)/4 = 0.25; performance mean (6+8+8+4)/4 = 6.5.
    const result = importancePerformance([
      { name: 'price', importance: 0.4, performance: 6 },
      { name: 'staff', importance: 0.1, performance: 8 },
      { name: 'speed', importance: 0.3, performance: 8 },
      { name: 'parking', importance: 0.2, performance: 4 },
    ]);
    expect(result.importanceLine).toBeCloseTo(0.25, 15);
    expect(result.performanceLine).toBe(6.5);
    expect(result.items.map((item) => item.quadrant)).toEqual([
      'Concentrate here',
      'Possible overkill',
      'Keep up the good work',
      'Low priority',
    ]);
  });

  test('given grid lines; on the line counts as high', () => {
    const result = importancePerformance(
      [
        { name: 'a', importance: 5, performance: 7 },
        { name: 'b', importance: 5, performance: 6.9 },
        { name: 'c', importance: 4.9, performance: 7 },
      ],
      { importanceLine: 5, performanceLine: 7 },
    );
    expect(result.items.map((item) => item.quadrant)).toEqual([
      'Keep up the good work',
      'Concentrate here',
      'Possible overkill',
    ]);
    expect(quadrantOf(1, 1, 1, 1)).toBe('Keep up the good work');
    expect(quadrantOf(0.3, 7, 0.3, 7.5)).toBe('Concentrate here'); // the @example
  });

  test('importance derived from a keyDrivers result', () => {
    const drivers = {
      drivers: [
        { driver: 'price', correlation: 0.6, weight: 0.3, share: 60 },
        { driver: 'staff', correlation: 0.4, weight: 0.2, share: 40 },
      ],
    };
    const result = importancePerformance(
      [
        { name: 'price', performance: 6 },
        { name: 'staff', performance: 8 },
      ],
      { drivers },
    );
    expect(result.items.map((item) => item.importance)).toEqual([60, 40]);
    expect(result.items.map((item) => item.quadrant)).toEqual(['Concentrate here', 'Possible overkill']);
    const byWeight = importancePerformance([{ name: 'price', performance: 6 }], { drivers, importanceFrom: 'weight' });
    expect(byWeight.items[0].importance).toBe(0.3);
  });

  test('a keyDrivers result on its own: share as importance, mean answer as performance', () => {
    const rows = [
      { sat: 2, price: 1, staff: 2, speed: 3 },
      { sat: 4, price: 3, staff: 3, speed: 2 },
      { sat: 5, price: 4, staff: 5, speed: 4 },
      { sat: 7, price: 4, staff: 6, speed: 5 },
      { sat: 9, price: 6, staff: 7, speed: 5 },
      { sat: 6, price: 5, staff: 4, speed: 6 },
    ];
    const drivers = keyDrivers(rows, 'sat', ['price', 'staff', 'speed']);
    const result = importancePerformance(drivers);
    // Means by hand: price 23/6, staff 27/6 = 4.5, speed 25/6.
    expect(result.items.map((item) => item.performance)).toEqual(drivers.drivers.map((d) => d.mean));
    expect(result.items[1].performance).toBeCloseTo(4.5, 14);
    expect(result.items.map((item) => item.importance)).toEqual(drivers.drivers.map((d) => d.share));
    expect(result.importanceLine).toBeCloseTo(100 / 3, 12); // shares sum to 100
    expect(result.performanceLine).toBeCloseTo(25 / 6, 12);
  });

  test('errors', () => {
    expect(() => importancePerformance([])).toThrow(InputError);
    const none = errorOf(() => importancePerformance([{ name: 'x', performance: 3 }]));
    expect(none.message).toBe(
      'items: item 1 ("x") has no importance (state it, or pass a keyDrivers result with that driver as options.drivers)',
    );
    expect(none.location).toEqual({ argument: 'items', item: 1 });
    expect(none.code).toBe('na');
    const twice = errorOf(() =>
      importancePerformance([
        { name: 'x', importance: 1, performance: 3 },
        { name: 'x', importance: 2, performance: 4 },
      ]),
    );
    expect(twice.message).toBe('items: item 2 repeats the name "x"');
    expect(twice.location).toEqual({ argument: 'items', item: 2 });
    const nan = errorOf(() => importancePerformance([{ name: 'x', importance: 1, performance: NaN }]));
    expect(nan.message).toBe('items: item 1 ("x") has a performance that is not a finite number (got NaN)');
    expect(nan.location).toEqual({ argument: 'items', item: 1 });
    const from = errorOf(() => importancePerformance([{ name: 'x', importance: 1, performance: 3 }], { importanceFrom: 'size' as never }));
    expect(from.message).toBe("importanceFrom must be 'share', 'weight' or 'correlation' (got \"size\")");
    expect(from.location).toEqual({ argument: 'importanceFrom' });
  });
});
