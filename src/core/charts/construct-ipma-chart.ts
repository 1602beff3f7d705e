/**
 * Vega-Lite spec of the construct importance–performance map (IPMA): the kit's quadrant chart
 * (performance across, importance up, grid lines at the means), titled for a PLS target. A pure
 * function: data in, spec out.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ConstructIpmaResult } from '../satisfaction/construct-ipma.ts';
import { importancePerformanceChart } from './importance-performance-chart.ts';

export interface ConstructIpmaChartOptions {
  /** Chart title (default "Importance–performance map: <target>"). */
  title?: string;
  /** Plot size in pixels (defaults 420 × 320). */
  width?: number;
  height?: number;
}

/**
 * @param ipma the result of `constructIpma(fit, target)`
 * @returns a layered Vega-Lite (v6) spec with inline data
 * @example constructIpmaChart(constructIpma(fit, 'Loyalty')).title; // => 'Importance–performance map: Loyalty'
 */
export function constructIpmaChart(
  ipma: ConstructIpmaResult,
  options: ConstructIpmaChartOptions = {},
): TopLevelSpec & { layer: unknown[] } {
  return importancePerformanceChart(
    {
      items: ipma.rows.map((row) => ({
        name: row.construct,
        importance: row.importance,
        performance: row.performance,
        quadrant: row.quadrant,
      })),
      importanceLine: ipma.importanceLine,
      performanceLine: ipma.performanceLine,
    },
    {
      title: options.title ?? `Importance–performance map: ${ipma.target}`,
      performanceTitle: 'Performance (0–100 index)',
      importanceTitle: `Importance (unstandardized total effect on ${ipma.target})`,
      width: options.width,
      height: options.height,
    },
  );
}
