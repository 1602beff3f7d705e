/**
 * Vega-Lite spec of a Pareto (ABC) curve: customers sorted by value, cumulative share of
 * customers against cumulative share of value, the curve coloured by ABC class with the cutoffs
 * drawn across.
 */
import type { TopLevelSpec } from 'vega-lite';
import { abcClasses } from '../segments/abc-classes.ts';

export interface ParetoChartOptions {
  /** ABC cutoffs (default [0.8, 0.95], as `abcClasses`). */
  cutoffs?: readonly number[];
  /** At most this many curve points (default 400; the curve is thinned evenly, class boundaries kept). */
  maxPoints?: number;
  /** Chart title (default "Pareto curve: cumulative share of value"). */
  title?: string;
  width?: number;
  height?: number;
}

/**
 * Builds the curve from per-customer values. Each class's stretch starts where the previous one
 * ends, so the coloured segments join.
 *
 * @param values value per customer (non-negative), as for `abcClasses`
 * @param options cutoffs, thinning, title, size
 * @returns a Vega-Lite (v6) layered spec: area + line by class, cutoff rules with labels
 * @throws {InputError} as `abcClasses`
 * @example paretoChart([50, 30, 10, 6, 4]).layer.length; // => 3
 */
export function paretoChart(values: ArrayLike<unknown>, options: ParetoChartOptions = {}): TopLevelSpec & { layer: unknown[] } {
  const abc = abcClasses(values, options.cutoffs ?? [0.8, 0.95]);
  const n = abc.classes.length;
  // Sorted order = order of shareAbove (ties keep their shared class).
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => abc.shareAbove[a] - abc.shareAbove[b] || a - b);
  const x = Array.from(values as ArrayLike<number | string>, Number);
  let total = 0;
  for (const v of x) total += v;
  const maxPoints = Math.max(10, options.maxPoints ?? 400);
  const step = Math.max(1, Math.ceil(n / maxPoints));
  const points: { customers: number; value: number; class: string }[] = [{ customers: 0, value: 0, class: abc.classes[order[0]] }];
  let run = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r];
    run += x[i];
    const next = r + 1 < n ? abc.classes[order[r + 1]] : undefined;
    const boundary = next !== undefined && next !== abc.classes[i];
    if (boundary || r === n - 1 || (r + 1) % step === 0) {
      const point = { customers: (r + 1) / n, value: run / total, class: abc.classes[i] };
      points.push(point);
      // The next class's stretch starts at this point too.
      if (boundary) points.push({ ...point, class: next as string });
    }
  }
  const cutoffs = abc.cutoffs.map((c, j) => ({ cutoff: c, label: `${Math.round(c * 1000) / 10}% of value (${String.fromCharCode(65 + j)} | ${String.fromCharCode(66 + j)})` }));
  const xEnc = { field: 'customers', type: 'quantitative', title: 'Cumulative share of customers', axis: { format: '%' }, scale: { domain: [0, 1] } } as const;
  const yEnc = { field: 'value', type: 'quantitative', title: 'Cumulative share of value', axis: { format: '%' }, scale: { domain: [0, 1] } } as const;
  const color = { field: 'class', type: 'nominal', title: 'Class', scale: { scheme: 'category10' } } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? 'Pareto curve: cumulative share of value',
    width: options.width ?? 400,
    height: options.height ?? 300,
    layer: [
      {
        data: { values: points },
        mark: { type: 'area', opacity: 0.25, line: true },
        encoding: {
          x: xEnc,
          // Coloured areas stack by default, which would double the curve at each class boundary.
          y: { ...yEnc, stack: null },
          color,
          tooltip: [
            { field: 'class', type: 'nominal', title: 'Class' },
            { field: 'customers', type: 'quantitative', title: 'Share of customers', format: '.1%' },
            { field: 'value', type: 'quantitative', title: 'Share of value', format: '.1%' },
          ],
        },
      },
      {
        data: { values: cutoffs },
        mark: { type: 'rule', strokeDash: [4, 3], color: '#555' },
        encoding: { y: { field: 'cutoff', type: 'quantitative' } },
      },
      {
        data: { values: cutoffs },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -2, x: 'width', color: '#555' },
        encoding: { y: { field: 'cutoff', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
      },
    ],
  } as TopLevelSpec & { layer: unknown[] };
}
