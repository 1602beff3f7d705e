/**
 * Vega-Lite spec of a customer value map (Gale): offers as points at (relative quality,
 * relative price), labelled, coloured by value zone, with the fair-value line and its band.
 * A pure function: the taskpane embeds the spec, notebooks display it.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ValueMapResult, ValueZone } from '../value/value-map.ts';
import { rowObjects } from '../table/row-objects.ts';

export interface ValueMapChartOptions {
  /** Chart title (default "Customer value map"). */
  title?: string;
  /** Plot width in pixels (default 420). */
  width?: number;
  /** Plot height in pixels (default 320). */
  height?: number;
}

/** Zone colours: green for better value, grey for fair, red for worse. */
export const VALUE_ZONE_COLORS: Readonly<Record<ValueZone, string>> = {
  'better value': '#1a9850',
  'fair value': '#7f7f7f',
  'worse value': '#d73027',
};

const ZONES: ValueZone[] = ['better value', 'fair value', 'worse value'];

/**
 * Builds the Vega-Lite spec of a value map from the result of `valueMap`.
 *
 * Layers: the fair-value line across the plotted quality range (always including 100, the
 * market average), dashed band edges when the map has a tolerance (offset vertically by
 * tolerance · √(1 + slope²), i.e. the perpendicular band), the offers as filled points coloured
 * by zone with a tooltip (offer, quality, price, distance, zone), and the offer labels.
 *
 * @param map the result of `valueMap(table, columns, options)`
 * @param options title and size
 * @returns a Vega-Lite (v6) top-level layered spec with inline data
 * @example valueMapChart(valueMap(offers)).title; // => 'Customer value map' (a layered spec: line, points, labels)
 */
export function valueMapChart(map: ValueMapResult, options: ValueMapChartOptions = {}): TopLevelSpec {
  const offers = rowObjects(map.table) as Record<string, unknown>[];
  const qualities = map.table.array('quality') as ArrayLike<number>;
  let lo = 100;
  let hi = 100;
  for (let i = 0; i < qualities.length; i++) {
    lo = Math.min(lo, qualities[i]);
    hi = Math.max(hi, qualities[i]);
  }
  const pad = Math.max(5, 0.1 * (hi - lo));
  const { intercept, slope } = map.line;
  const at = (q: number, offset = 0) => ({ quality: q, price: intercept + slope * q + offset });
  const line = [at(lo - pad), at(hi + pad)];
  const shift = map.tolerance * Math.sqrt(1 + slope * slope);
  const band = [
    { ...at(lo - pad, shift), edge: 'upper' },
    { ...at(hi + pad, shift), edge: 'upper' },
    { ...at(lo - pad, -shift), edge: 'lower' },
    { ...at(hi + pad, -shift), edge: 'lower' },
  ];
  const x = {
    field: 'quality',
    type: 'quantitative',
    title: 'Relative quality (100 = market)',
    scale: { zero: false },
  } as const;
  const y = {
    field: 'price',
    type: 'quantitative',
    title: 'Relative price (100 = market)',
    scale: { zero: false },
  } as const;
  const lineTitle = map.line.method === 'fitted' ? 'fitted fair-value line' : 'fair-value line';
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? 'Customer value map',
    width: options.width ?? 420,
    height: options.height ?? 320,
    layer: [
      {
        data: { values: line },
        mark: { type: 'line', color: '#444', strokeWidth: 1.5 },
        encoding: { x, y },
        description: lineTitle,
      },
      ...(map.tolerance > 0
        ? [
            {
              data: { values: band },
              mark: { type: 'line' as const, color: '#999', strokeDash: [4, 4], strokeWidth: 1 },
              encoding: { x, y, detail: { field: 'edge', type: 'nominal' as const } },
              description: 'fair-value band',
            },
          ]
        : []),
      {
        data: { values: offers },
        mark: { type: 'point', filled: true, size: 90 },
        encoding: {
          x,
          y,
          color: {
            field: 'zone',
            type: 'nominal',
            title: 'Zone',
            scale: { domain: ZONES, range: ZONES.map((zone) => VALUE_ZONE_COLORS[zone]) },
          },
          tooltip: [
            { field: 'offer', type: 'nominal', title: 'Offer' },
            { field: 'quality', type: 'quantitative', title: 'Relative quality', format: '.1f' },
            { field: 'price', type: 'quantitative', title: 'Relative price', format: '.1f' },
            { field: 'distance', type: 'quantitative', title: 'Distance to line', format: '+.1f' },
            { field: 'zone', type: 'nominal', title: 'Zone' },
          ],
        },
      },
      {
        data: { values: offers },
        mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 6, dy: -4 },
        encoding: { x, y, text: { field: 'offer', type: 'nominal' } },
      },
    ],
  };
  return spec;
}
