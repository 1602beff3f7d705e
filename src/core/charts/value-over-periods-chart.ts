/**
 * Vega-Lite spec of customer value over period ends: total expected CLV as bars and the expected
 * number of customers alive as a line, on independent axes.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ColumnTable } from '../table/input.ts';
import { rowObjects } from '../table/row-objects.ts';

export interface ValueOverPeriodsChartOptions {
  /** Chart title (default "Customer value over period ends"). */
  title?: string;
  /** Plot width in pixels (default 480). */
  width?: number;
}

/**
 * Builds the chart from a `valueOverPeriods` table (period ends with no value are left empty).
 *
 * @param table the result of `valueOverPeriods(transactions, options)` (or its `objects()`)
 * @param options title and width
 * @returns a Vega-Lite (v6) layered spec with independent y scales
 * @example valueOverPeriodsChart(valueOverPeriods(log, { every: 'quarter', margin: 0.3, discountRate: 0.01, horizon: 52 })).layer.length; // => 2
 */
export function valueOverPeriodsChart(
  table: ColumnTable | ReadonlyArray<object>,
  options: ValueOverPeriodsChartOptions = {},
): TopLevelSpec & { layer: unknown[] } {
  const values = Array.isArray(table) ? table : rowObjects(table as ColumnTable);
  const x = { field: 'periodEnd', type: 'ordinal', title: 'Period end', axis: { labelAngle: -40 } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? 'Customer value over period ends',
    width: options.width ?? 480,
    height: 260,
    data: { values },
    resolve: { scale: { y: 'independent' } },
    layer: [
      {
        mark: { type: 'bar', color: '#91bfdb' },
        encoding: {
          x,
          y: { field: 'totalClv', type: 'quantitative', title: 'Total expected CLV' },
          tooltip: [
            { field: 'periodEnd', type: 'nominal', title: 'Period end' },
            { field: 'customers', type: 'quantitative', title: 'Customers' },
            { field: 'activeCustomers', type: 'quantitative', title: 'Bought in the period' },
            { field: 'meanPAlive', type: 'quantitative', title: 'Mean P(alive)', format: '.3f' },
            { field: 'totalClv', type: 'quantitative', title: 'Total CLV', format: ',.0f' },
          ],
        },
      },
      {
        mark: { type: 'line', color: '#d73027', point: true },
        encoding: { x, y: { field: 'expectedAlive', type: 'quantitative', title: 'Expected customers alive' } },
      },
    ],
  } as TopLevelSpec & { layer: unknown[] };
}
