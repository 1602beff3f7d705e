/**
 * Vega-Lite spec of a key driver chart: one horizontal bar per driver, its share of R² (or raw
 * relative weight), largest first, with bootstrap intervals as error bars when present.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { KeyDriversResult } from '../satisfaction/key-drivers.ts';

export interface DriverChartOptions {
  /** Bar length: `'share'` (% of R², default) or `'weight'` (raw relative weight). */
  measure?: 'share' | 'weight';
  /** Chart title (default "Key drivers of <outcome>"). */
  title?: string;
  /** Plot width in pixels (default 420); the height follows the number of drivers. */
  width?: number;
}

/**
 * Builds the bar chart of the relative weights from a `keyDrivers` result.
 *
 * @param result the result of `keyDrivers(table, outcome, drivers, options)`
 * @param options measure, title and width
 * @returns a Vega-Lite (v6) layered spec: bars, value labels and (with a bootstrap) error bars
 * @example driverChart(keyDrivers(rows, 'sat', ['price', 'staff'])).title; // => 'Key drivers of sat (R² = 0.96)'
 */
export function driverChart(result: KeyDriversResult, options: DriverChartOptions = {}): TopLevelSpec & { layer: unknown[] } {
  const measure = options.measure ?? 'share';
  const lowerField = measure === 'share' ? 'shareLower' : 'weightLower';
  const upperField = measure === 'share' ? 'shareUpper' : 'weightUpper';
  const values = result.drivers.map((d) => ({
    driver: d.driver,
    value: d[measure],
    correlation: d.correlation,
    lower: d[lowerField] ?? null,
    upper: d[upperField] ?? null,
  }));
  const hasIntervals = values.some((v) => v.lower !== null);
  const order = [...values].sort((a, b) => b.value - a.value).map((v) => v.driver);
  const title = measure === 'share' ? 'Share of R² (%)' : 'Relative weight';
  const y = { field: 'driver', type: 'nominal', title: null, sort: order } as const;
  const x = { field: 'value', type: 'quantitative', title } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? `Key drivers of ${result.outcome} (R² = ${result.rSquared.toFixed(2)})`,
    width: options.width ?? 420,
    height: { step: 24 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', color: '#4575b4' },
        encoding: {
          y,
          x,
          tooltip: [
            { field: 'driver', type: 'nominal', title: 'Driver' },
            { field: 'value', type: 'quantitative', title, format: '.3~f' },
            { field: 'correlation', type: 'quantitative', title: 'Correlation', format: '.2f' },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4 },
        encoding: {
          y,
          x,
          text: { field: 'value', type: 'quantitative', format: measure === 'share' ? '.1f' : '.3f' },
        },
      },
      ...(hasIntervals
        ? [
            {
              mark: { type: 'rule' as const, color: '#222' },
              encoding: {
                y,
                x: { field: 'lower', type: 'quantitative' as const },
                x2: { field: 'upper' },
              },
            },
          ]
        : []),
    ],
  } as TopLevelSpec & { layer: unknown[] };
}
