import { rfmHeatmapChart } from '../../../src/core/charts/rfm-heatmap-chart.ts';
import { segmentSummaryChart } from '../../../src/core/charts/segment-summary-chart.ts';
import { paretoChart } from '../../../src/core/charts/pareto-chart.ts';
import { clusterProfileChart } from '../../../src/core/charts/cluster-profile-chart.ts';
import { rfmScores } from '../../../src/core/segments/rfm-scores.ts';
import { rfmSegments } from '../../../src/core/segments/rfm-segments.ts';
import { segmentProfile } from '../../../src/core/segments/segment-profile.ts';
import { kmeans } from '../../../src/core/segments/kmeans/index.ts';
import { seededRandom } from '../../../src/core/math/random.ts';
import { compileQuietly } from './compile-quietly.ts';
import { errorOf } from '../error-of.ts';

// As in value-map-chart.test.ts: vega-lite's imports from the full `vega` runtime are vega-util's.
jest.mock('vega', () => jest.requireActual('vega-util'));

function summary(n: number) {
  const r = seededRandom(17);
  return Array.from({ length: n }, () => ({
    recency: Math.floor(r() * 365),
    frequency: 1 + Math.floor(-Math.log(1 - r()) * 2),
    monetary: Math.floor(r() * r() * 100000) / 100,
  }));
}

type Datum = Record<string, unknown>;
const dataOf = (spec: unknown) => (spec as { data: { values: Datum[] } }).data.values;

describe('segment charts', () => {
  test('rfmHeatmapChart: 25 cells with counts and mean monetary; compiles', () => {
    const scores = rfmScores(summary(400));
    const spec = rfmHeatmapChart(scores);
    const cells = dataOf(spec);
    expect(cells).toHaveLength(25);
    expect(cells.reduce((s, c) => s + (c.customers as number), 0)).toBe(400);
    // the cell R 5, F 5 is the mean of those customers' monetary values
    const rows = scores.objects() as Datum[];
    const top = rows.filter((d) => d.R === 5 && d.F === 5);
    const cell = cells.find((c) => c.R === 5 && c.F === 5) as Datum;
    expect(cell.customers).toBe(top.length);
    if (top.length > 0) expect(cell.mean).toBeCloseTo(top.reduce((s, d) => s + (d.monetary as number), 0) / top.length, 9);
    expect(spec.layer).toHaveLength(2);
    const { result, messages } = compileQuietly(spec);
    expect(messages).toEqual([]);
    expect(result.spec.marks!.length).toBe(2);
  });

  test('rfmHeatmapChart: empty cells are kept with a null mean', () => {
    const spec = rfmHeatmapChart([{ R: 1, F: 2, monetary: 5 }, { R: 2, F: 2, monetary: 7 }]);
    expect(dataOf(spec)).toEqual([
      { R: 1, F: 1, customers: 0, mean: null },
      { R: 1, F: 2, customers: 1, mean: 5 },
      { R: 2, F: 1, customers: 0, mean: null },
      { R: 2, F: 2, customers: 1, mean: 7 },
    ]);
    const fraction = errorOf(() => rfmHeatmapChart([{ R: 1.5, F: 2, monetary: 5 }]));
    expect(fraction.message).toBe('scores: column "R", row 1 must be a score, a whole number from 1 to 100 (got 1.5)');
    expect(fraction.location).toEqual({ argument: 'scores', column: 'R', row: 1 });
  });

  test('rfmHeatmapChart: the title and legend name both what the numbers and the colours show; cells and numbers share a tooltip', () => {
    const spec = rfmHeatmapChart([{ R: 1, F: 2, monetary: 5 }, { R: 2, F: 2, monetary: 7 }]) as unknown as {
      title: string;
      layer: { encoding: { color?: { title: string }; tooltip?: { title: string }[] } }[];
    };
    expect(spec.title).toBe('RFM heatmap: customers (number) and mean monetary (colour) by R and F');
    expect(spec.layer[0].encoding.color?.title).toBe('Colour: mean monetary per customer');
    for (const layer of spec.layer) {
      expect(layer.encoding.tooltip?.map((t) => t.title)).toEqual(['Recency score (R)', 'Frequency score (F)', 'Customers (the number in the cell)', 'Mean monetary (the colour)']);
    }
    const named = rfmHeatmapChart([{ R: 1, F: 1, monetary: 5 }], { valueLabel: 'spend' }) as unknown as typeof spec;
    expect(named.title).toBe('RFM heatmap: customers (number) and mean spend (colour) by R and F');
    expect(named.layer[0].encoding.color?.title).toBe('Colour: mean spend per customer');
  });

  test('segmentSummaryChart: two bars per segment in profile order; compiles', () => {
    const scored = rfmScores(summary(400));
    const segments = rfmSegments(scored);
    const profile = segmentProfile(segments.table, 'segment', ['monetary', 'frequency']);
    const spec = segmentSummaryChart(profile);
    expect((spec as { mark: unknown }).mark).toEqual({ type: 'bar' });
    const values = dataOf(spec);
    expect(values).toHaveLength(2 * profile.numRows());
    const shares = values.filter((v) => v.measure === 'Share of value').reduce((s, v) => s + (v.share as number), 0);
    expect(shares).toBeCloseTo(1, 12);
    const { result, messages } = compileQuietly(spec);
    expect(messages).toEqual([]);
    expect(result.spec.marks!.length).toBeGreaterThan(0);
  });

  test('paretoChart: curve from (0,0) to (1,1), classes joined at their boundaries; compiles', () => {
    const spec = paretoChart([50, 30, 10, 6, 4]);
    expect(spec.layer).toHaveLength(3);
    const points = (spec.layer[0] as { data: { values: Datum[] } }).data.values;
    expect(points[0]).toEqual({ customers: 0, value: 0, class: 'A' });
    expect(points[points.length - 1]).toEqual({ customers: 1, value: 1, class: 'C' });
    // A ends at 2 customers / 80% of value, where B starts
    expect(points.filter((p) => p.customers === 0.4).map((p) => p.class)).toEqual(['A', 'B']);
    // the class-coloured areas must not stack: stacked, the curve would double at each boundary
    expect((spec.layer[0] as { encoding: { y: { stack?: unknown } } }).encoding.y.stack).toBeNull();
    const { result, messages } = compileQuietly(spec);
    expect(messages).toEqual([]);
    expect(result.spec.marks!.length).toBeGreaterThan(0);
    // thinned: 10,000 customers give about maxPoints points
    const big = paretoChart(Array.from({ length: 10_000 }, (_, i) => 10_000 - i), { maxPoints: 200 });
    const bigPoints = (big.layer[0] as { data: { values: Datum[] } }).data.values;
    expect(bigPoints.length).toBeLessThan(210);
  });

  test('clusterProfileChart: one cell per cluster and feature, z-scores from the standardization; compiles', () => {
    const rows = summary(300);
    const fit = kmeans(rows, { columns: ['recency', 'frequency', 'monetary'], k: 3, seed: 2 });
    const spec = clusterProfileChart(fit);
    expect(spec.layer).toHaveLength(2);
    const values = dataOf(spec);
    expect(values).toHaveLength(9);
    const first = values[0];
    expect(first.score).toBeCloseTo(((first.centroid as number) - fit.center[0]) / fit.scale[0], 12);
    const { result, messages } = compileQuietly(spec);
    expect(messages).toEqual([]);
    expect(result.spec.marks!.length).toBe(2);
    const raw = clusterProfileChart(kmeans(rows, { columns: ['recency', 'frequency'], k: 2, standardize: false }));
    for (const v of dataOf(raw)) expect(Math.abs(v.score as number)).toBeLessThanOrEqual(1);
  });
});
