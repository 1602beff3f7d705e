/**
 * Vega-Lite spec of k-means cluster profiles: a cluster × feature grid, each cell coloured by how
 * far the centroid sits from the overall mean (in standard deviations) and labelled with the
 * centroid in original units — what each cluster is "about" at a glance.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { KMeansResult } from '../segments/kmeans/index.ts';

export interface ClusterProfileChartOptions {
  /** Names for the clusters (default "Cluster 1" … with their sizes). */
  names?: readonly string[];
  /** Chart title (default "Cluster profiles (colour: centroid in standard deviations from the mean)"). */
  title?: string;
  /** Cell width in pixels (default 80). */
  cell?: number;
}

/**
 * Builds the grid from a `kmeans` result. With `standardize` the colour is the centroid's
 * z-score; without it (no standard deviations known) each feature's centroids are scaled to
 * −1..1 by their largest absolute deviation from the feature's centroid mean.
 *
 * @param result the result of `kmeans(table, options)`
 * @param options cluster names, title, cell width
 * @returns a Vega-Lite (v6) layered spec (rect + text) with inline data
 *   `cluster, feature, centroid, score, size`
 * @example clusterProfileChart(kmeans(rows, { columns: ['recency', 'frequency'], k: 3 })).layer.length; // => 2
 */
export function clusterProfileChart(result: KMeansResult, options: ClusterProfileChartOptions = {}): TopLevelSpec & { layer: unknown[] } {
  const k = result.centroids.length;
  const d = result.columns.length;
  const standardized = result.scale.some((s, j) => s !== 1 || result.center[j] !== 0);
  const names = Array.from({ length: k }, (_, c) => options.names?.[c] ?? `Cluster ${c + 1} (n = ${result.sizes[c]})`);
  const values: { cluster: string; feature: string; centroid: number; score: number; size: number }[] = [];
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let c = 0; c < k; c++) mean += result.centroids[c][j] / k;
    let spread = 0;
    for (let c = 0; c < k; c++) spread = Math.max(spread, Math.abs(result.centroids[c][j] - mean));
    for (let c = 0; c < k; c++) {
      const centroid = result.centroids[c][j];
      const score = standardized
        ? (centroid - result.center[j]) / result.scale[j]
        : spread > 0
          ? (centroid - mean) / spread
          : 0;
      values.push({ cluster: names[c], feature: result.columns[j], centroid, score, size: result.sizes[c] });
    }
  }
  const x = { field: 'feature', type: 'nominal', title: null, sort: result.columns } as const;
  const y = { field: 'cluster', type: 'nominal', title: null, sort: names } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? 'Cluster profiles (colour: centroid in standard deviations from the mean)',
    width: { step: options.cell ?? 80 },
    height: { step: 32 },
    data: { values },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white' },
        encoding: {
          x,
          y,
          color: {
            field: 'score',
            type: 'quantitative',
            title: standardized ? 'z' : 'relative',
            scale: { scheme: 'redblue', domainMid: 0, reverse: true },
          },
          tooltip: [
            { field: 'cluster', type: 'nominal', title: 'Cluster' },
            { field: 'feature', type: 'nominal', title: 'Feature' },
            { field: 'centroid', type: 'quantitative', title: 'Centroid', format: ',.2f' },
            { field: 'score', type: 'quantitative', title: standardized ? 'z-score' : 'relative', format: '.2f' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: { x, y, text: { field: 'centroid', type: 'quantitative', format: ',.3~r' } },
      },
    ],
  } as TopLevelSpec & { layer: unknown[] };
}
