/**
 * Vega-Lite spec of a segment migration matrix: segments at `from` in rows, at `to` in columns,
 * each cell shaded and labelled by its customers (or their spend in between).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SegmentMigration } from '../segments/segment-migration.ts';
import { rowObjects } from '../table/row-objects.ts';

export interface MigrationChartOptions {
  /** What the cells show: `'customers'` (default) or `'spend'` (between the two dates). */
  measure?: 'customers' | 'spend';
  /** Chart title (default "Segment migration, <from> → <to>"). */
  title?: string;
}

/**
 * Builds the heatmap from a `segmentMigration` result; rows and columns in segment order.
 *
 * @param migration the result of `segmentMigration(transactions, options)`
 * @param options measure and title
 * @returns a Vega-Lite (v6) layered spec: shaded cells and their values
 * @example migrationChart(segmentMigration(log, { from: '1997-09-30', to: '1998-06-30' })).title;
 * // => 'Segment migration, 1997-09-30 → 1998-06-30'
 */
export function migrationChart(migration: SegmentMigration, options: MigrationChartOptions = {}): TopLevelSpec & { layer: unknown[] } {
  const measure = options.measure ?? 'customers';
  const x = { field: 'to', type: 'ordinal', title: `Segment at ${migration.to}`, sort: migration.segments.to, axis: { labelAngle: -40 } } as const;
  const y = { field: 'from', type: 'ordinal', title: `Segment at ${migration.from}`, sort: migration.segments.from } as const;
  const title = measure === 'customers' ? 'Customers' : 'Spend in between';
  const values = rowObjects(migration.matrix) as Record<string, number>[];
  const half = Math.max(0, ...values.map((v) => v[measure])) / 2;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? `Segment migration, ${migration.from} → ${migration.to}`,
    data: { values },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          x,
          y,
          color: { field: measure, type: 'quantitative', title, scale: { scheme: 'blues' } },
          tooltip: [
            { field: 'from', type: 'nominal', title: 'From' },
            { field: 'to', type: 'nominal', title: 'To' },
            { field: 'customers', type: 'quantitative', title: 'Customers' },
            { field: 'spend', type: 'quantitative', title: 'Spend in between', format: ',.2f' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          x,
          y,
          // Spend in SI units (32k) so that it fits a cell; white on the darker half of the scale.
          text: { field: measure, type: 'quantitative', format: measure === 'customers' ? 'd' : '.2~s' },
          color: { condition: { test: `datum[${JSON.stringify(measure)}] > ${half}`, value: 'white' }, value: 'black' },
        },
      },
    ],
  } as TopLevelSpec & { layer: unknown[] };
}
