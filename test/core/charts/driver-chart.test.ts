import { driverChart } from '../../../src/core/charts/driver-chart.ts';
import { keyDrivers } from '../../../src/core/satisfaction/key-drivers.ts';
import { compileQuietly } from './compile-quietly.ts';

// As in value-map-chart.test.ts: vega-lite's four imports from the full `vega` runtime are
// vega-util's, so the test gives vega-lite vega-util instead of transforming vega's ES modules.
jest.mock('vega', () => jest.requireActual('vega-util'));

const rows = [
  { sat: 2, price: 1, staff: 2 },
  { sat: 4, price: 3, staff: 3 },
  { sat: 5, price: 4, staff: 5 },
  { sat: 7, price: 4, staff: 6 },
  { sat: 9, price: 6, staff: 7 },
  { sat: 6, price: 5, staff: 4 },
];

describe('driverChart', () => {
  test('compiles with vega-lite; bars sorted by share, largest first', () => {
    const result = keyDrivers(rows, 'sat', ['price', 'staff']);
    const spec = driverChart(result);
    expect(spec.title).toBe(`Key drivers of sat (R² = ${result.rSquared.toFixed(2)})`);
    expect(spec.layer.length).toBe(2);
    const { result: compiled, messages } = compileQuietly(spec);
    expect(messages).toEqual([]);
    expect(compiled.spec.marks!.length).toBe(2);
    const largest = [...result.drivers].sort((a, b) => b.share - a.share)[0].driver;
    expect((spec.layer[0] as { encoding: { y: { sort: string[] } } }).encoding.y.sort[0]).toBe(largest);
  });

  test('the @example title (R² of the 5-row example is 0.9612)', () => {
    expect(driverChart(keyDrivers(rows.slice(0, 5), 'sat', ['price', 'staff'])).title).toBe('Key drivers of sat (R² = 0.96)');
  });

  test('bootstrap intervals add error bars; weight measure', () => {
    const result = keyDrivers(rows, 'sat', ['price', 'staff'], { bootstrap: { samples: 50, seed: 3 } });
    const spec = driverChart(result, { measure: 'weight' });
    expect(spec.layer.length).toBe(3);
    const { result: compiled, messages } = compileQuietly(spec);
    expect(messages).toEqual([]);
    expect(compiled.spec.marks!.length).toBe(3);
    expect(JSON.stringify(spec)).toContain(`"lower":${result.drivers[0].weightLower}`);
  });
});
