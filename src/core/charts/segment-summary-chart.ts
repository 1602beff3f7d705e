/**
 * Vega-Lite spec of a segment summary: per segment, its share of customers next to its share of
 * value — the chart that shows which few segments carry the revenue.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { TableInput } from '../table/input.ts';
import { numericColumn } from '../table/column-values.ts';
import { toTable } from '../table/input.ts';
import { columnValues } from '../table/column-values.ts';

export interface SegmentSummaryChartOptions {
  /** The segment column of the profile (default `'segment'`). */
  segment?: string;
  /** Chart title (default "Segments: share of customers and of value"). */
  title?: string;
  /** Plot width in pixels (default 360). */
  width?: number;
}

/**
 * Builds grouped horizontal bars from a `segmentProfile` table (columns `customerShare`,
 * `valueShare`), segments in the profile's row order.
 *
 * @param profile the result of `segmentProfile(table, segmentColumn, measures)`
 * @param options segment column, title, width
 * @returns a Vega-Lite (v6) spec with inline data `segment, measure, share, customers`
 * @throws {InputError} when the profile lacks its columns
 * @example segmentSummaryChart(segmentProfile(segments.table, 'segment', ['monetary'])).mark; // => { type: 'bar' }
 */
export function segmentSummaryChart(profile: TableInput, options: SegmentSummaryChartOptions = {}): TopLevelSpec {
  const table = toTable(profile, 'profile');
  const segmentName = options.segment ?? 'segment';
  const segments = Array.from(columnValues(table, segmentName, 'segment'), String);
  const customerShare = numericColumn(table, 'customerShare', 'profile');
  const valueShare = numericColumn(table, 'valueShare', 'profile');
  const customers = numericColumn(table, 'customers', 'profile');
  const values: { segment: string; measure: string; share: number; customers: number }[] = [];
  segments.forEach((segment, i) => {
    values.push({ segment, measure: 'Share of customers', share: customerShare[i], customers: customers[i] });
    values.push({ segment, measure: 'Share of value', share: valueShare[i], customers: customers[i] });
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? 'Segments: share of customers and of value',
    width: options.width ?? 360,
    height: { step: 14 },
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'segment', type: 'nominal', title: null, sort: segments },
      yOffset: { field: 'measure', type: 'nominal', sort: ['Share of customers', 'Share of value'] },
      x: { field: 'share', type: 'quantitative', title: 'Share', axis: { format: '%' } },
      color: {
        field: 'measure',
        type: 'nominal',
        title: null,
        scale: { domain: ['Share of customers', 'Share of value'], range: ['#9ecae1', '#08519c'] },
      },
      tooltip: [
        { field: 'segment', type: 'nominal', title: 'Segment' },
        { field: 'measure', type: 'nominal', title: 'Measure' },
        { field: 'share', type: 'quantitative', title: 'Share', format: '.1%' },
        { field: 'customers', type: 'quantitative', title: 'Customers', format: ',d' },
      ],
    },
  } as TopLevelSpec;
}
