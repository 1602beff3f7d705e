/**
 * Vega-Lite spec of the value map over time: each offer's arrow from its position in the
 * earlier survey to its position in the later one, over the fair-value line of the later map.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ColumnTable } from '../table/input.ts';
import type { FairValueLine } from '../value/value-map.ts';
import { rowObjects } from '../table/row-objects.ts';

export interface ValueMapMovementChartOptions {
  /** The fair-value line to draw (default: through (100, 100) with slope 1). */
  line?: Pick<FairValueLine, 'intercept' | 'slope'>;
  /** Chart title (default "Value map: movement between surveys"). */
  title?: string;
  /** Width and height of the square plot in pixels (default 400). */
  size?: number;
}

interface MovementRow {
  offer: string;
  qualityBefore: number;
  priceBefore: number;
  qualityAfter: number;
  priceAfter: number;
  movement: string;
}

/**
 * Builds the chart from a `valueMapMovement` table. Both axes share one domain on a square plot,
 * so that the arrow heads (triangles turned by the direction of movement) point the right way.
 *
 * @param movement the result of `valueMapMovement(before, after)` (or its `objects()`)
 * @param options fair-value line, title, size
 * @returns a Vega-Lite (v6) layered spec: fair-value line, earlier positions (hollow), arrows,
 *   arrow heads, offer labels
 * @example valueMapMovementChart(valueMapMovement(last, now), { line: now.line }).layer.length; // => 5
 */
export function valueMapMovementChart(
  movement: ColumnTable | ReadonlyArray<object>,
  options: ValueMapMovementChartOptions = {},
): TopLevelSpec & { layer: unknown[] } {
  const rows = (Array.isArray(movement) ? movement : rowObjects(movement as ColumnTable)) as MovementRow[];
  const line = options.line ?? { intercept: 0, slope: 1 };
  const size = options.size ?? 400;
  const all = rows.flatMap((r) => [r.qualityBefore, r.priceBefore, r.qualityAfter, r.priceAfter]).concat(100);
  const pad = Math.max(5, (Math.max(...all) - Math.min(...all)) * 0.1);
  const domain = [Math.floor(Math.min(...all) - pad), Math.ceil(Math.max(...all) + pad)];
  const scale = { domain, nice: false, zero: false };
  // Clockwise degrees from "up", for a triangle-up mark; equal axes make data and pixel angles equal.
  const values = rows.map((r) => ({
    ...r,
    angle: (Math.atan2(r.qualityAfter - r.qualityBefore, r.priceAfter - r.priceBefore) * 180) / Math.PI,
  }));
  const x = { field: 'qualityAfter', type: 'quantitative', title: 'Relative quality (100 = market)', scale } as const;
  const y = { field: 'priceAfter', type: 'quantitative', title: 'Relative price (100 = market)', scale } as const;
  const color = {
    field: 'movement',
    type: 'nominal',
    title: 'Movement',
    scale: {
      domain: ['towards better value', 'no change', 'towards worse value'],
      range: ['#1a9850', '#7f7f7f', '#d73027'],
    },
  } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? 'Value map: movement between surveys',
    width: size,
    height: size,
    data: { values },
    layer: [
      {
        data: {
          values: domain.map((q) => ({ quality: q, price: line.intercept + line.slope * q })),
        },
        mark: { type: 'line', color: '#7f7f7f', strokeDash: [4, 4], clip: true },
        encoding: {
          x: { field: 'quality', type: 'quantitative', scale },
          y: { field: 'price', type: 'quantitative', scale },
        },
      },
      {
        mark: { type: 'point', filled: false, size: 60, color: '#7f7f7f' },
        encoding: { x: { ...x, field: 'qualityBefore' }, y: { ...y, field: 'priceBefore' } },
      },
      {
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: {
          x: { ...x, field: 'qualityBefore' },
          y: { ...y, field: 'priceBefore' },
          x2: { field: 'qualityAfter' },
          y2: { field: 'priceAfter' },
          color,
        },
      },
      {
        mark: { type: 'point', shape: 'triangle-up', filled: true, size: 120 },
        encoding: {
          x,
          y,
          angle: { field: 'angle', type: 'quantitative', scale: { domain: [-180, 180], range: [-180, 180] } },
          color,
          tooltip: [
            { field: 'offer', type: 'nominal', title: 'Offer' },
            { field: 'qualityBefore', type: 'quantitative', title: 'Quality before', format: '.1f' },
            { field: 'qualityAfter', type: 'quantitative', title: 'Quality after', format: '.1f' },
            { field: 'priceBefore', type: 'quantitative', title: 'Price before', format: '.1f' },
            { field: 'priceAfter', type: 'quantitative', title: 'Price after', format: '.1f' },
            { field: 'movement', type: 'nominal', title: 'Movement' },
          ],
        },
      },
      {
        mark: { type: 'text', dx: 8, dy: -8, align: 'left' },
        encoding: { x, y, text: { field: 'offer', type: 'nominal' } },
      },
    ],
  } as TopLevelSpec & { layer: unknown[] };
}
