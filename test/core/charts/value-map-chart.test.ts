import { valueMap } from '../../../src/core/value/value-map.ts';
import { valueMapChart, VALUE_ZONE_COLORS } from '../../../src/core/charts/value-map-chart.ts';
import { compileQuietly } from './compile-quietly.ts';

// vega-lite imports four helpers (stringValue, hasOwnProperty, isObject, isString) from the full
// `vega` runtime, whose ES-module tree (d3-*, .mjs) jest would have to transform; they are
// vega-util's, so the test gives vega-lite vega-util instead.
jest.mock('vega', () => jest.requireActual('vega-util'));

const offers = [
  { offer: 'A', quality: 120, price: 100 },
  { offer: 'B', quality: 90, price: 110 },
  { offer: 'C', quality: 100, price: 100 },
];

describe('valueMapChart', () => {
  test('control: the logger does catch vega-lite warnings', () => {
    // A bar mark cannot use the shape channel: vega-lite warns and drops it.
    const { messages } = compileQuietly({
      data: { values: [{ a: 1, b: 'x' }] },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'quantitative' }, shape: { field: 'b', type: 'nominal' } },
    });
    expect(messages.length).toBeGreaterThan(0);
    expect(messages[0]).toMatch(/^warn .*shape/);
  });

  test('compiles with vega-lite without warnings or errors', () => {
    const spec = valueMapChart(valueMap(offers));
    const { result, messages } = compileQuietly(spec);
    expect(messages).toEqual([]);
    expect(result.spec.marks?.length).toBeGreaterThanOrEqual(3);
  });

  test('with a tolerance band and a fitted line it still compiles cleanly', () => {
    const spec = valueMapChart(valueMap(offers, {}, { line: 'fitted', tolerance: 3 }), {
      title: 'Market',
      width: 300,
      height: 200,
    });
    const { messages } = compileQuietly(spec);
    expect(messages).toEqual([]);
    const layers = (spec as { layer: unknown[] }).layer;
    expect(layers).toHaveLength(4);
    expect(spec.title).toBe('Market');
  });

  test('layers: the line spans the data and 100, points carry zone colours and tooltips', () => {
    const spec = valueMapChart(valueMap(offers)) as unknown as {
      title: string;
      layer: {
        data: { values: Record<string, unknown>[] };
        mark: { type: string };
        encoding: Record<string, { field?: string; scale?: { domain: string[]; range: string[] } }[] | { field?: string; scale?: { domain: string[]; range: string[] } }>;
      }[];
    };
    expect(spec.title).toBe('Customer value map'); // the JSDoc example
    expect(spec.layer.map((layer) => layer.mark.type)).toEqual(['line', 'point', 'text']);
    // Qualities 90..120 and 100: pad max(5, 0.1·30) = 5, so the line runs 85..125 on price = quality.
    expect(spec.layer[0].data.values).toEqual([
      { quality: 85, price: 85 },
      { quality: 125, price: 125 },
    ]);
    const points = spec.layer[1];
    expect(points.data.values.map((row) => row.zone)).toEqual(['better value', 'worse value', 'fair value']);
    const color = points.encoding.color as { field: string; scale: { domain: string[]; range: string[] } };
    expect(color.field).toBe('zone');
    expect(color.scale.range).toEqual(color.scale.domain.map((zone) => VALUE_ZONE_COLORS[zone as keyof typeof VALUE_ZONE_COLORS]));
    const tooltip = points.encoding.tooltip as { field: string }[];
    expect(tooltip.map((t) => t.field)).toEqual(['offer', 'quality', 'price', 'distance', 'zone']);
    expect((spec.layer[2].encoding.text as { field: string }).field).toBe('offer');
  });
});
