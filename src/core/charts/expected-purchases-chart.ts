/**
 * Vega-Lite heatmap of conditional expected purchases over frequency and recency for customers
 * of one age: the companion of the P(alive) heatmap.
 */
import type { TopLevelSpec } from 'vega-lite';
import { rowObjects } from '../table/row-objects.ts';

type Rows = { objects(): object[] };

export interface ExpectedPurchasesChartOptions {
  title?: string;
  /** Unit of recency and of the forecast, for the titles (e.g. 'week'). */
  timeUnit?: string;
  /** Forecast length, for the legend title. */
  t?: number;
  width?: number;
  height?: number;
}

/**
 * Rect heatmap: x = recency t_x, y = frequency x (0 at the bottom), colour = expected purchases
 * in the next t (sequential scale from 0).
 *
 * @param matrix the table from `expectedPurchasesMatrix(fit, { T, t })`
 * @param options title, unit, forecast length, size
 * @returns a Vega-Lite (v6) spec with inline data
 * @example expectedPurchasesChart(expectedPurchasesMatrix(fit, { T: 38.86, t: 39 })).mark; // => { type: 'rect' }
 */
export function expectedPurchasesChart(matrix: Rows, options: ExpectedPurchasesChartOptions = {}): TopLevelSpec {
  const values = (rowObjects(matrix) as Record<string, number>[]).map((row) => ({
    x: row.x,
    t_x: Math.round(row.t_x * 100) / 100,
    expected_purchases: row.expected_purchases,
  }));
  const unit = options.timeUnit ? ` (${options.timeUnit}s)` : '';
  const next = options.t !== undefined && options.timeUnit ? ` in the next ${options.t} ${options.timeUnit}s` : '';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? 'Expected purchases by frequency and recency',
    width: options.width ?? 420,
    height: options.height ?? 300,
    data: { values },
    mark: { type: 'rect' },
    encoding: {
      x: { field: 't_x', type: 'ordinal', title: `Recency t_x${unit}`, axis: { labelAngle: -45 } },
      y: { field: 'x', type: 'ordinal', sort: 'descending', title: 'Frequency x (repeat purchases)' },
      color: {
        field: 'expected_purchases',
        type: 'quantitative',
        title: `Expected purchases${next}`,
        scale: { domainMin: 0, scheme: 'viridis' },
      },
      tooltip: [
        { field: 'x', title: 'x' },
        { field: 't_x', title: 't_x' },
        { field: 'expected_purchases', title: 'expected purchases', format: '.3f' },
      ],
    },
  };
}
