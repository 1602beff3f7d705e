/**
 * Vega-Lite spec of cumulative repeat purchases, actual against the BG/NBD forecast, with the end
 * of calibration marked (Fader, Hardie & Lee 2005, Figure 2).
 */
import type { TopLevelSpec } from 'vega-lite';
import { rowObjects } from '../table/row-objects.ts';

type Rows = { objects(): object[] };

export interface TrackingChartOptions {
  title?: string;
  /** Unit of the periods, for the axis title (e.g. 'week'). */
  timeUnit?: string;
  /** Plot per-period purchases instead of running totals. */
  incremental?: boolean;
  width?: number;
  height?: number;
}

/**
 * Two lines over periods (actual solid, BG/NBD dashed) and a vertical rule after the last
 * calibration period.
 *
 * @param tracking the table from `repeatPurchaseTracking(transactions, params, options)`
 * @param options title, unit, cumulative or incremental, size
 * @returns a Vega-Lite (v6) layered spec with inline data
 * @example trackingChart(repeatPurchaseTracking(rows, fit, options)).layer.length; // => 2
 */
export function trackingChart(tracking: Rows, options: TrackingChartOptions = {}): TopLevelSpec {
  const rows = rowObjects(tracking) as Record<string, unknown>[];
  const incremental = options.incremental ?? false;
  const values: Record<string, unknown>[] = [];
  let lastCalibration = 0;
  for (const row of rows) {
    if (row.holdout !== true) lastCalibration = row.period as number;
    values.push({
      period: row.period,
      end: row.end,
      series: 'Actual',
      purchases: incremental ? row.actual : row.actual_cumulative,
    });
    values.push({
      period: row.period,
      end: row.end,
      series: 'BG/NBD',
      purchases: incremental ? row.expected : row.expected_cumulative,
    });
  }
  const unit = options.timeUnit ?? 'period';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title:
      options.title ?? (incremental ? `Repeat purchases per ${unit}` : `Cumulative repeat purchases by ${unit}`),
    width: options.width ?? 480,
    height: options.height ?? 280,
    data: { values },
    layer: [
      {
        mark: { type: 'line' },
        encoding: {
          x: { field: 'period', type: 'quantitative', title: `${unit[0].toUpperCase()}${unit.slice(1)}` },
          y: {
            field: 'purchases',
            type: 'quantitative',
            title: incremental ? 'Repeat purchases' : 'Cumulative repeat purchases',
          },
          color: { field: 'series', type: 'nominal', title: null, scale: { range: ['#1f77b4', '#d62728'] } },
          strokeDash: { field: 'series', type: 'nominal', legend: null },
          tooltip: [
            { field: 'period' },
            { field: 'end', title: 'period ends' },
            { field: 'series' },
            { field: 'purchases', format: '.1f' },
          ],
        },
      },
      {
        data: { values: [{ period: lastCalibration + 0.5 }] },
        mark: { type: 'rule', strokeDash: [4, 4], color: 'gray' },
        encoding: { x: { field: 'period', type: 'quantitative' } },
      },
    ],
  };
}
