/**
 * Vega-Lite spec of an RFM heatmap: recency score × frequency score, each cell coloured by the
 * mean monetary value of its customers and labelled with their number. Aggregated here (one
 * datum per cell), so the spec stays small for any number of customers.
 */
import type { TopLevelSpec } from 'vega-lite';
import { mustBe } from '../messages.ts';
import type { TableInput } from '../table/input.ts';
import { numericColumn } from '../table/column-values.ts';
import { toTable } from '../table/input.ts';

export interface RfmHeatmapChartOptions {
  /** Score columns (defaults `'R'`, `'F'`). */
  r?: string;
  f?: string;
  /** Column averaged per cell (default `'monetary'`; `'M'` shows the mean M score). */
  value?: string;
  /** What the value column is, in words, for the legend and tooltips (default: the column name). */
  valueLabel?: string;
  /** Chart title (default "RFM heatmap: customers (number) and mean <value> (colour) by R and F"). */
  title?: string;
  /** Cell size in pixels (default 44). */
  cell?: number;
}

/**
 * Builds the heatmap from an `rfmScores` table. Cells: every (R, F) pair from 1 to the largest
 * score, empty cells included (grey, no colour) so gaps in the scoring are visible.
 *
 * @param scores a table with R, F scores and the value column (e.g. `rfmScores(summary)`)
 * @param options column names, title, cell size
 * @returns a Vega-Lite (v6) layered spec (rect + text) with inline data `R, F, customers, mean`
 * @throws {InputError} on missing or non-numeric columns, or scores that are not integers ≥ 1
 * @example rfmHeatmapChart(rfmScores(summary)).layer.length; // => 2
 */
export function rfmHeatmapChart(scores: TableInput, options: RfmHeatmapChartOptions = {}): TopLevelSpec & { layer: unknown[] } {
  const table = toTable(scores, 'scores');
  const rName = options.r ?? 'R';
  const fName = options.f ?? 'F';
  const valueName = options.value ?? 'monetary';
  const valueLabel = options.valueLabel ?? valueName;
  const R = numericColumn(table, rName, 'r');
  const F = numericColumn(table, fName, 'f');
  const V = numericColumn(table, valueName, 'value');
  let bins = 1;
  for (let i = 0; i < R.length; i++) {
    for (const [name, s] of [[rName, R[i]], [fName, F[i]]] as const) {
      if (!Number.isInteger(s) || s < 1 || s > 100) {
        throw mustBe({ argument: 'scores', column: name, row: i + 1 }, 'a score, a whole number from 1 to 100', { value: s });
      }
      if (s > bins) bins = s;
    }
  }
  const count = new Float64Array(bins * bins);
  const sum = new Float64Array(bins * bins);
  for (let i = 0; i < R.length; i++) {
    const cell = (R[i] - 1) * bins + (F[i] - 1);
    count[cell]++;
    sum[cell] += V[i];
  }
  const values: { R: number; F: number; customers: number; mean: number | null }[] = [];
  for (let r = 1; r <= bins; r++) {
    for (let f = 1; f <= bins; f++) {
      const cell = (r - 1) * bins + (f - 1);
      values.push({ R: r, F: f, customers: count[cell], mean: count[cell] > 0 ? sum[cell] / count[cell] : null });
    }
  }
  const size = options.cell ?? 44;
  const scale = Array.from({ length: bins }, (_, i) => i + 1);
  const x = { field: 'F', type: 'ordinal', title: 'Frequency score (F)', sort: scale } as const;
  const y = { field: 'R', type: 'ordinal', title: 'Recency score (R)', sort: [...scale].reverse() } as const;
  // The same tooltip on the cell and on its number: the number covers the middle of the cell.
  const tooltip = [
    { field: 'R', type: 'ordinal', title: 'Recency score (R)' },
    { field: 'F', type: 'ordinal', title: 'Frequency score (F)' },
    { field: 'customers', type: 'quantitative', title: 'Customers (the number in the cell)', format: ',d' },
    { field: 'mean', type: 'quantitative', title: `Mean ${valueLabel} (the colour)`, format: ',.2f' },
  ] as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? `RFM heatmap: customers (number) and mean ${valueLabel} (colour) by R and F`,
    width: { step: size },
    height: { step: size },
    data: { values },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white' },
        encoding: {
          x,
          y,
          color: {
            condition: { test: 'datum.mean === null', value: '#eeeeee' },
            field: 'mean',
            type: 'quantitative',
            title: `Colour: mean ${valueLabel} per customer`,
            scale: { scheme: 'blues' },
          },
          tooltip,
        },
      },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: { x, y, text: { field: 'customers', type: 'quantitative', format: ',d' }, tooltip },
      },
    ],
  } as TopLevelSpec & { layer: unknown[] };
}
