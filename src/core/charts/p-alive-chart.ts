/**
 * Vega-Lite heatmap of P(alive) over frequency and recency for customers of one age (the
 * BG/NBD "frequency–recency" matrix).
 */
import type { TopLevelSpec } from 'vega-lite';
import { rowObjects } from '../table/row-objects.ts';

type Rows = { objects(): object[] };

export interface PAliveChartOptions {
  title?: string;
  /** Unit of recency, for the axis title (e.g. 'week'). */
  timeUnit?: string;
  width?: number;
  height?: number;
}

/**
 * Rect heatmap: x = recency t_x (binned as given), y = frequency x (0 at the bottom), colour =
 * P(alive) on a fixed 0..1 scale (so charts for different ages compare).
 *
 * @param matrix the table from `pAliveMatrix(params, { T })`
 * @param options title, recency unit, size
 * @returns a Vega-Lite (v6) spec with inline data
 * @example pAliveChart(pAliveMatrix(params, { T: 38.86 })).mark; // => { type: 'rect' }
 */
export function pAliveChart(matrix: Rows, options: PAliveChartOptions = {}): TopLevelSpec {
  const values = (rowObjects(matrix) as Record<string, number>[]).map((row) => ({
    x: row.x,
    t_x: Math.round(row.t_x * 100) / 100,
    p_alive: row.p_alive,
  }));
  const unit = options.timeUnit ? ` (${options.timeUnit}s)` : '';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? 'P(alive) by frequency and recency',
    width: options.width ?? 420,
    height: options.height ?? 300,
    data: { values },
    mark: { type: 'rect' },
    encoding: {
      x: { field: 't_x', type: 'ordinal', title: `Recency t_x${unit}`, axis: { labelAngle: -45 } },
      y: { field: 'x', type: 'ordinal', sort: 'descending', title: 'Frequency x (repeat purchases)' },
      color: {
        field: 'p_alive',
        type: 'quantitative',
        title: 'P(alive)',
        scale: { domain: [0, 1], scheme: 'viridis' },
      },
      tooltip: [
        { field: 'x', title: 'x' },
        { field: 't_x', title: 't_x' },
        { field: 'p_alive', title: 'P(alive)', format: '.3f' },
      ],
    },
  };
}
