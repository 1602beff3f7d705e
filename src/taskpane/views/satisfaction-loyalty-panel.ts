/** The Satisfaction view's satisfaction–loyalty panel: Jones & Sasser groups and the curve. */
import { satisfactionLoyaltyChart } from '../../core/index.ts';
import { runSatisfactionLoyaltyPanel } from '../analysis/satisfaction-insights.ts';
import type { ColumnTable } from '../excel/cell-values.ts';
import type { SurveyMapping } from '../mapping/survey.ts';
import { plotWidth, renderChart } from '../ui/chart.ts';
import { el } from '../ui/dom.ts';
import { fmt, int, pct } from '../ui/format.ts';
import { renderTable } from '../ui/table.ts';

export async function renderSatisfactionLoyaltyPanel(results: HTMLElement, table: ColumnTable, mapping: SurveyMapping): Promise<void> {
  const result = runSatisfactionLoyaltyPanel(table, mapping);
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
