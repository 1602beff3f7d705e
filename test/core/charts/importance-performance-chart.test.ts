import { importancePerformanceChart } from '../../../src/core/charts/importance-performance-chart.ts';
import { importancePerformance } from '../../../src/core/satisfaction/importance-performance.ts';
import { compileQuietly } from './compile-quietly.ts';

// As in value-map-chart.test.ts: vega-lite's four imports from the full `vega` runtime are
// vega-util's, so the test gives vega-lite vega-util instead of transforming vega's ES modules.
jest.mock('vega', () => jest.requireActual('vega-util'));

const map = importancePerformance([
  { name: 'price', importance: 0.4, performance: 6 },
  { name: 'staff', importance: 0.1, performance: 8 },
  { name: 'speed', importance: 0.3, performance: 8 },
  { name: 'parking', importance: 0.2, performance: 4 },
]);

describe('importancePerformanceChart', () => {
  test('compiles with vega-lite; grid lines at the cut-offs; every item plotted', () => {
    const spec = importancePerformanceChart(map);
    expect(spec.layer.length).toBe(7); // the @example
    const { result: compiled, messages } = compileQuietly(spec);
    expect(messages).toEqual([]);
    const vega = compiled.spec;
    expect(vega.marks!.length).toBeGreaterThanOrEqual(7);
    const data = JSON.stringify(spec);
    expect(data).toContain('"performance":6.5'); // the performance grid line (mean)
    for (const name of ['price', 'staff', 'speed', 'parking']) expect(data).toContain(`"name":"${name}"`);
    for (const quadrant of ['Concentrate here', 'Keep up the good work', 'Low priority', 'Possible overkill']) {
      expect(data).toContain(`"quadrant":"${quadrant}"`);
    }
  });

  test('options set titles and size', () => {
    const spec = importancePerformanceChart(map, { title: 'IPA', width: 300, height: 200, performanceTitle: 'Mean score' });
    expect(spec.title).toBe('IPA');
    expect(JSON.stringify(spec)).toContain('"title":"Mean score"');
    expect(compileQuietly(spec).messages).toEqual([]);
  });
});
