/**
 * The Satisfaction view's satisfaction–loyalty panel: Jones & Sasser groups and the curve. The
 * numbers come from the analysis worker (`satisfactionLoyalty`, run with the view's other analyses).
 */
import { satisfactionLoyaltyChart, type SatisfactionLoyaltyResult } from '../../core/index.ts';
import { plotWidth, renderChart } from '../ui/chart.ts';
import { el } from '../ui/dom.ts';
import { fmt, int, pct } from '../ui/format.ts';
import { renderTable } from '../ui/table.ts';

/** `result`: null when the mapping has no Satisfaction and Loyalty constructs (no panel). */
export async function renderSatisfactionLoyaltyPanel(results: HTMLElement, result: SatisfactionLoyaltyResult | null): Promise<void> {
  if (!result) return;
  results.appendChild(el('h2', {}, 'Satisfaction and loyalty'));
  await renderChart(results, satisfactionLoyaltyChart(result, { width: plotWidth(results, 90), height: 260 }), 'chart-satisfaction-loyalty');
  results.appendChild(
    renderTable(result.quadrants as unknown as Record<string, unknown>[], [
      { key: 'quadrant', label: 'Group' },
      { key: 'count', label: 'Respondents', format: (v) => int(v as number) },
      { key: 'share', label: 'Share', format: (v) => pct(v as number) },
    ], 'satisfaction-loyalty-groups',
    `Jones & Sasser (1995): satisfied at ${fmt(result.cuts.satisfaction, 1)} or more, loyal at ${fmt(result.cuts.loyalty, 1)} or more (scale midpoints; each respondent's mean of the items). The curve shows mean loyalty per satisfaction level with ${Math.round(result.level * 100)}% t intervals.`),
  );
}
