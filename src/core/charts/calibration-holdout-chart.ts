/**
 * Vega-Lite spec of the calibration/holdout check: mean holdout repeat purchases by calibration
 * frequency, actual against the BG/NBD expectation (Fader, Hardie & Lee 2005, Figure 4).
 */
import type { TopLevelSpec } from 'vega-lite';
import { rowObjects } from '../table/row-objects.ts';

type Rows = { objects(): object[] };

export interface CalibrationHoldoutChartOptions {
  title?: string;
  /** Unit of the holdout period, for the axis title (e.g. 'week'). */
  timeUnit?: string;
  /** Holdout length in that unit, for the axis title. */
  duration?: number;
  width?: number;
  height?: number;
}

/**
 * Lines with points: x = calibration frequency group (0..7+), y = mean repeat purchases in the
 * holdout, one line for the actual means and one (dashed) for the model's.
 *
 * @param comparison the table from `calibrationHoldout(summary, params, options)`
 * @param options title, holdout length and unit for the axis, size
 * @returns a Vega-Lite (v6) spec with inline data in long form (series = actual | BG/NBD)
 * @example calibrationHoldoutChart(calibrationHoldout(summary, fit, { duration: 39 })).mark; // => { type: 'line', point: true }
 */
export function calibrationHoldoutChart(
  comparison: Rows,
  options: CalibrationHoldoutChartOptions = {},
): TopLevelSpec {
  const values: Record<string, unknown>[] = [];
  for (const row of rowObjects(comparison) as Record<string, unknown>[]) {
    values.push({ frequency: row.frequency, x: row.x, series: 'Actual', purchases: row.actual, customers: row.customers });
    values.push({ frequency: row.frequency, x: row.x, series: 'BG/NBD', purchases: row.expected, customers: row.customers });
  }
  const holdout =
    options.duration !== undefined && options.timeUnit !== undefined
      ? ` in the ${options.duration}-${options.timeUnit} holdout`
      : ' in the holdout';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? 'Calibration vs holdout: repeat purchases by calibration frequency',
    width: options.width ?? 420,
    height: options.height ?? 280,
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: {
        field: 'frequency',
        type: 'ordinal',
        sort: { field: 'x' },
        title: 'Repeat purchases in calibration',
        axis: { labelAngle: 0 },
      },
      y: { field: 'purchases', type: 'quantitative', title: `Mean repeat purchases${holdout}` },
      color: { field: 'series', type: 'nominal', title: null, scale: { range: ['#1f77b4', '#d62728'] } },
      strokeDash: { field: 'series', type: 'nominal', legend: null },
      tooltip: [
        { field: 'frequency', title: 'calibration x' },
        { field: 'series' },
        { field: 'purchases', format: '.3f' },
        { field: 'customers' },
      ],
    },
  };
}
