/**
 * Vega-Lite spec of an importance–performance map (Martilla & James): performance across,
 * importance up, grid lines at the cut-offs, points coloured by quadrant and labelled, and the
 * quadrant names in the corners. A pure function: data in, spec out.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ImportancePerformanceResult, Quadrant } from '../satisfaction/importance-performance.ts';

export interface ImportancePerformanceChartOptions {
  /** Chart title (default "Importance–performance map"). */
  title?: string;
  /** Axis titles (defaults "Performance" and "Importance"). */
  performanceTitle?: string;
  importanceTitle?: string;
  /** Plot size in pixels (defaults 420 × 320). */
  width?: number;
  height?: number;
}

/** Quadrant colours: red to act on, green to keep, greys for the rest. */
export const QUADRANT_COLORS: Readonly<Record<Quadrant, string>> = {
  'Concentrate here': '#d73027',
  'Keep up the good work': '#1a9850',
  'Low priority': '#969696',
  'Possible overkill': '#4575b4',
};

const QUADRANTS: Quadrant[] = ['Concentrate here', 'Keep up the good work', 'Low priority', 'Possible overkill'];

/**
 * Builds the quadrant chart from the result of `importancePerformance`.
 *
 * @param map the result of `importancePerformance(items, options)`
 * @param options title, axis titles and size
 * @returns a Vega-Lite (v6) layered spec with inline data: grid rules, points, labels, quadrant names
 * @example importancePerformanceChart(importancePerformance(items)).layer.length; // => 7 (grid lines, points, labels, four quadrant names)
 */
export function importancePerformanceChart(
  map: ImportancePerformanceResult,
  options: ImportancePerformanceChartOptions = {},
): TopLevelSpec & { layer: unknown[] } {
  const points = map.items.map((item) => ({ ...item }));
  let minP = map.performanceLine;
  let maxP = map.performanceLine;
  let minI = map.importanceLine;
  let maxI = map.importanceLine;
  for (const item of points) {
    minP = Math.min(minP, item.performance);
    maxP = Math.max(maxP, item.performance);
    minI = Math.min(minI, item.importance);
    maxI = Math.max(maxI, item.importance);
  }
  const padP = Math.max((maxP - minP) * 0.1, 1e-9 + Math.abs(maxP) * 0.01);
  const padI = Math.max((maxI - minI) * 0.1, 1e-9 + Math.abs(maxI) * 0.01);
  const xDomain = [minP - padP, maxP + padP];
  const yDomain = [minI - padI, maxI + padI];
  const x = {
    field: 'performance',
    type: 'quantitative',
    title: options.performanceTitle ?? 'Performance',
    scale: { domain: xDomain, nice: false },
  } as const;
  const y = {
    field: 'importance',
    type: 'quantitative',
    title: options.importanceTitle ?? 'Importance',
    scale: { domain: yDomain, nice: false },
  } as const;
  const corners = [
    { quadrant: 'Concentrate here', performance: xDomain[0], importance: yDomain[1], align: 'left', baseline: 'top' },
    { quadrant: 'Keep up the good work', performance: xDomain[1], importance: yDomain[1], align: 'right', baseline: 'top' },
    { quadrant: 'Low priority', performance: xDomain[0], importance: yDomain[0], align: 'left', baseline: 'bottom' },
    { quadrant: 'Possible overkill', performance: xDomain[1], importance: yDomain[0], align: 'right', baseline: 'bottom' },
  ];
  const cornerLayer = (align: 'left' | 'right', baseline: 'top' | 'bottom') => ({
    data: { values: corners.filter((c) => c.align === align && c.baseline === baseline) },
    mark: {
      type: 'text' as const,
      align,
      baseline,
      dx: align === 'left' ? 4 : -4,
      dy: baseline === 'top' ? 4 : -4,
      fontStyle: 'italic',
      color: '#666',
    },
    encoding: { x, y, text: { field: 'quadrant', type: 'nominal' as const } },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? 'Importance–performance map',
    width: options.width ?? 420,
    height: options.height ?? 320,
    layer: [
      {
        data: { values: [{ performance: map.performanceLine, importance: map.importanceLine }] },
        layer: [
          { mark: { type: 'rule', color: '#444', strokeDash: [4, 4] }, encoding: { x } },
          { mark: { type: 'rule', color: '#444', strokeDash: [4, 4] }, encoding: { y } },
        ],
      },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 90 },
        encoding: {
          x,
          y,
          color: {
            field: 'quadrant',
            type: 'nominal',
            title: 'Quadrant',
            scale: { domain: QUADRANTS, range: QUADRANTS.map((q) => QUADRANT_COLORS[q]) },
          },
          tooltip: [
            { field: 'name', type: 'nominal', title: 'Attribute' },
            { field: 'importance', type: 'quantitative', title: 'Importance', format: '.3~f' },
            { field: 'performance', type: 'quantitative', title: 'Performance', format: '.2f' },
            { field: 'quadrant', type: 'nominal', title: 'Quadrant' },
          ],
        },
      },
      {
        data: { values: points },
        mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 6, dy: -4 },
        encoding: { x, y, text: { field: 'name', type: 'nominal' } },
      },
      cornerLayer('left', 'top'),
      cornerLayer('right', 'top'),
      cornerLayer('left', 'bottom'),
      cornerLayer('right', 'bottom'),
    ],
  } as TopLevelSpec & { layer: unknown[] };
}
