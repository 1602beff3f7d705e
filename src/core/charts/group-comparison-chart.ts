/**
 * Vega-Lite spec of a comparison of groups (waves, brands): each group's CSI or NPS as a point
 * with its confidence interval, and optionally a benchmark (industry average, target) as a rule.
 */
import type { TopLevelSpec } from 'vega-lite';
import { notFinite } from '../messages.ts';
import { isTable, type ColumnTable } from '../table/input.ts';
import { rowObjects } from '../table/row-objects.ts';

export interface Benchmark {
  /** The benchmark on the measure's scale (CSI 0–100, NPS −100..100). */
  value: number;
  /** What it is, e.g. "Industry average" (default "Benchmark"). */
  label?: string;
}

export interface GroupComparisonChartOptions {
  /** The measure column of the table: `'csi'` (default) or `'nps'`. */
  measure?: 'csi' | 'nps';
  /** A benchmark drawn as a dashed rule across the groups. */
  benchmark?: number | Benchmark;
  /** Chart title (default "CSI by group" / "NPS by group"). */
  title?: string;
  /** Plot width in pixels (default 420). */
  width?: number;
}

interface EstimateRow {
  group: unknown;
  n: number;
  value: number | null;
  low: number | null;
  high: number | null;
}

function groupLabel(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

/**
 * Builds the chart from a `csiByGroup` or `npsByGroup` result.
 *
 * @param result the table (or its `objects()`) with columns `group, n, csi|nps, low, high`
 * @param options measure, benchmark, title and width
 * @returns a Vega-Lite (v6) layered spec: interval rules, points, and a benchmark rule with its label
 * @throws {InputError} when the benchmark is not a finite number
 * @example groupComparisonChart(csiByGroup(rows, { items, group: 'wave' }), { benchmark: { value: 72, label: 'Industry' } });
 */
export function groupComparisonChart(
  result: ColumnTable | ReadonlyArray<object>,
  options: GroupComparisonChartOptions = {},
): TopLevelSpec & { layer: unknown[] } {
  const measure = options.measure ?? 'csi';
  const rows = (isTable(result) ? rowObjects(result) : result) as Record<string, unknown>[];
  const values: EstimateRow[] = rows.map((row) => ({
    group: groupLabel(row.group),
    n: row.n as number,
    value: (row[measure] as number | null) ?? null,
    low: (row.low as number | null) ?? null,
    high: (row.high as number | null) ?? null,
  }));
  const benchmark = typeof options.benchmark === 'number' ? { value: options.benchmark } : options.benchmark;
  if (benchmark !== undefined && (typeof benchmark.value !== 'number' || !Number.isFinite(benchmark.value))) {
    throw notFinite('benchmark', benchmark.value);
  }
  const name = measure === 'csi' ? 'CSI' : 'NPS';
  const order = values.map((v) => v.group as string);
  const x = { field: 'group', type: 'nominal', title: null, sort: order, axis: { labelAngle: 0 } } as const;
  // Zoomed to the estimates, intervals and benchmark (not the whole 0–100 scale), so that
  // intervals a few points wide stay visible.
  const scale = { zero: false, nice: true };
  const y = { field: 'value', type: 'quantitative', title: name, scale } as const;
  const layer: unknown[] = [
    {
      mark: { type: 'rule', color: '#4575b4', strokeWidth: 2 },
      encoding: { x, y: { field: 'low', type: 'quantitative', scale }, y2: { field: 'high' } },
    },
    {
      mark: { type: 'point', filled: true, size: 80, color: '#4575b4' },
      encoding: {
        x,
        y,
        tooltip: [
          { field: 'group', type: 'nominal', title: 'Group' },
          { field: 'n', type: 'quantitative', title: 'Respondents' },
          { field: 'value', type: 'quantitative', title: name, format: '.1f' },
          { field: 'low', type: 'quantitative', title: 'Low', format: '.1f' },
          { field: 'high', type: 'quantitative', title: 'High', format: '.1f' },
        ],
      },
    },
  ];
  if (benchmark !== undefined) {
    const label = benchmark.label ?? 'Benchmark';
    layer.push(
      {
        data: { values: [{ benchmark: benchmark.value, label }] },
        mark: { type: 'rule', color: '#d73027', strokeDash: [6, 4] },
        encoding: { y: { field: 'benchmark', type: 'quantitative', scale } },
      },
      {
        data: { values: [{ benchmark: benchmark.value, label: `${label} ${benchmark.value}` }] },
        mark: { type: 'text', color: '#d73027', align: 'right', baseline: 'bottom', x: 'width', dy: -2 },
        encoding: { y: { field: 'benchmark', type: 'quantitative', scale }, text: { field: 'label' } },
      },
    );
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? `${name} by group`,
    width: options.width ?? 420,
    height: 240,
    data: { values },
    layer,
  } as TopLevelSpec & { layer: unknown[] };
}
