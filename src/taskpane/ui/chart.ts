/**
 * Embeds a Vega-Lite spec with vega-embed from the bundle (never a CDN: the pane must work
 * offline and in Excel's sandbox). SVG rendering keeps charts crisp in the narrow pane; the
 * action menu offers image export only (the online editor would leave the add-in).
 */
import embed from 'vega-embed';
import type { TopLevelSpec } from 'vega-lite';
import { el } from './dom.ts';
import { chartTitle, describeChart, labelChart } from './chart-access.ts';
import { offerWorkbookInsert } from './chart-workbook.ts';
import { fitChart } from './fit-table.ts';

/** `description`: what the chart shows, for screen readers (default: built from the spec). */
export async function renderChart(container: HTMLElement, spec: TopLevelSpec, testId: string, description?: string): Promise<HTMLElement> {
  // One chart per task: vega's promises chain without yielding, so a view's charts would otherwise
  // draw in one long main-thread task.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const holder = el('div', { class: 'chart', 'data-testid': testId });
  container.appendChild(holder);
  const embedded = await embed(holder, spec as never, {
    renderer: 'svg',
    // Vega's expression interpreter instead of code generation: the pane's CSP forbids eval.
    ast: true,
    actions: { export: true, source: false, compiled: false, editor: false },
    tooltip: true,
    // Legends under the plot: the pane is narrow (Excel's default is about 350 px).
    config: { legend: { orient: 'bottom', direction: 'horizontal' } },
  });
  labelChart(holder, description ?? describeChart(spec), chartTitle(spec));
  offerWorkbookInsert(holder, embedded.view, chartTitle(spec));
  fitChart(holder);
  return holder;
}

/** A plot width that fits the container with room for the y axis (200–480 px). */
export function plotWidth(container: HTMLElement, reserve = 90): number {
  const available = container.clientWidth || 360;
  return Math.max(200, Math.min(480, available - reserve));
}

