/**
 * Vega-Lite spec of the calibration/holdout check for two models: mean holdout repeat purchases
 * by calibration frequency, actual against BG/NBD and Pareto/NBD.
 */
import type { TopLevelSpec } from 'vega-lite';
import { rowObjects } from '../table/row-objects.ts';

type Rows = { objects(): object[] };

export interface ModelComparisonChartOptions {
  title?: string;
  /** Unit of the holdout period, for the axis title (e.g. 'week'). */
  timeUnit?: string;
  /** Holdout length in that unit, for the axis title. */
  duration?: number;
  width?: number;
  height?: number;
}

/**
 * Lines with points: x = calibration frequency group, y = mean repeat purchases in the holdout;
 * the actual means solid, each model dashed.
 *
 * @param comparison `compareModels(...).calibrationHoldout`
 * @param options title, holdout length and unit for the axis, size
 * @returns a Vega-Lite (v6) spec with inline data in long form (series = Actual | BG/NBD | Pareto/NBD)
 * @example modelComparisonChart(compareModels(summary, { duration: 39 }).calibrationHoldout).mark; // => { type: 'line', point: true }
 */
export function modelComparisonChart(comparison: Rows, options: ModelComparisonChartOptions = {}): TopLevelSpec {
  const values: Record<string, unknown>[] = [];
  for (const row of rowObjects(comparison) as Record<string, unknown>[]) {
    const base = { frequency: row.frequency, x: row.x, customers: row.customers };
    values.push({ ...base, series: 'Actual', purchases: row.actual });
    values.push({ ...base, series: 'BG/NBD', purchases: row.bg_nbd });
    values.push({ ...base, series: 'Pareto/NBD', purchases: row.pareto_nbd });
  }
  const holdout =
    options.duration !== undefined && options.timeUnit !== undefined
      ? ` in the ${options.duration}-${options.timeUnit} holdout`
      : ' in the holdout';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? 'Calibration vs holdout: BG/NBD and Pareto/NBD',
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
      color: {
        field: 'series',
        type: 'nominal',
        title: null,
        scale: { domain: ['Actual', 'BG/NBD', 'Pareto/NBD'], range: ['#1f77b4', '#d62728', '#2ca02c'] },
      },
      strokeDash: {
        field: 'series',
        type: 'nominal',
        legend: null,
        scale: { domain: ['Actual', 'BG/NBD', 'Pareto/NBD'], range: [[1, 0], [6, 3], [2, 2]] },
      },
      tooltip: [
        { field: 'frequency', title: 'calibration x' },
        { field: 'series' },
        { field: 'purchases', format: '.3f' },
        { field: 'customers' },
      ],
    },
  };
}
