/**
 * The Satisfaction view's measurement-quality panel: reliability and validity tables with pass/warn
 * marks and the sources of their thresholds, then the construct IPMA chart. Kept out of
 * satisfaction-view.ts so that panels can be added there without touching each other.
 */
import { constructIpmaChart, type PlsResult } from '../../core/index.ts';
import { reliabilityRows, markText, ruleText, runConstructIpma } from '../analysis/satisfaction-insights.ts';
import type { SurveyMapping } from '../mapping/survey.ts';
import { plotWidth, renderChart } from '../ui/chart.ts';
import { el } from '../ui/dom.ts';
import { fmt } from '../ui/format.ts';
import { renderTable } from '../ui/table.ts';
import { renderFormativePanel } from './satisfaction-formative-panel.ts';

const withMark = (digits: number, markKey: string) => (value: unknown, row: Record<string, unknown>) =>
  `${fmt(value, digits)} ${row[markKey] as string}`;

export async function renderQualityPanel(results: HTMLElement, pls: PlsResult, mapping: SurveyMapping): Promise<void> {
  const { quality } = pls;
  results.appendChild(el('h2', {}, 'Measurement quality'));
  results.appendChild(
    renderTable(reliabilityRows(pls), [
      { key: 'construct', label: 'Construct' },
      { key: 'alpha', label: 'α', format: withMark(3, 'alphaMark') },
      { key: 'rhoA', label: 'ρ_A', format: withMark(3, 'rhoAMark') },
      { key: 'rhoC', label: 'ρ_C', format: withMark(3, 'rhoCMark') },
      { key: 'ave', label: 'AVE', format: withMark(3, 'aveMark') },
    ], 'pls-reliability',
    `Reliability and convergent validity (seminr's definitions). ${ruleText('α', 'alpha')}. ${ruleText('ρ_A', 'rhoA')}. ${ruleText('ρ_C', 'rhoC')}. ${ruleText('AVE', 'ave')}. Single-item constructs count as 1.${quality.formative.length > 0 ? ' Formative (mode B) constructs are assessed below instead.' : ''}`),
  );
  renderFormativePanel(results, pls);
  results.appendChild(
    renderTable(quality.htmt.map((row) => ({ ...row, mark: markText('htmt', row.value) })), [
      { key: 'from', label: 'Construct' },
      { key: 'to', label: 'Construct' },
      { key: 'value', label: 'HTMT', format: (v, row) => `${v === null ? '–' : fmt(v, 3)} ${row.mark as string}${row.high === undefined ? '' : ` [${fmt(row.low, 3)}, ${fmt(row.high, 3)}]`}` },
    ], 'pls-htmt', `Discriminant validity: ${ruleText('HTMT', 'htmt')} (0.90 for conceptually similar constructs); absolute item correlations${pls.bootstrap ? `; bootstrap ${Math.round(pls.bootstrap.level * 100)}% percentile intervals in brackets` : ''}.`),
  );
  results.appendChild(
    renderTable(quality.fornellLarcker.checks.map((row) => ({ ...row, mark: markText('fornellLarcker', row.sqrtAve - row.maxCorrelation) })), [
      { key: 'construct', label: 'Construct' },
      { key: 'sqrtAve', label: '√AVE', format: (v) => fmt(v, 3) },
      { key: 'maxCorrelation', label: 'Largest |r|', format: (v, row) => `${fmt(v, 3)} ${row.mark as string}` },
    ], 'pls-fornell-larcker', `Fornell–Larcker: ${ruleText('', 'fornellLarcker').trim()}.`),
  );
  results.appendChild(
    renderTable(quality.itemVif.map((row) => ({ ...row, mark: markText('itemVif', row.vif) })), [
      { key: 'construct', label: 'Construct' },
      { key: 'item', label: 'Item' },
      { key: 'vif', label: 'VIF', format: (v, row) => `${v === null ? '∞' : fmt(v, 2)} ${row.mark as string}` },
    ], 'pls-item-vif', `Item collinearity: ${ruleText('VIF', 'itemVif')}.`),
  );
  results.appendChild(
    renderTable(quality.innerVif.map((row) => ({ ...row, mark: markText('innerVif', row.vif) })), [
      { key: 'construct', label: 'Construct' },
      { key: 'predictor', label: 'Predictor' },
      { key: 'vif', label: 'VIF', format: (v, row) => (v === null ? '– (one predictor)' : `${fmt(v, 2)} ${row.mark as string}`) },
    ], 'pls-inner-vif', `Structural collinearity: ${ruleText('VIF', 'innerVif')}.`),
  );
  results.appendChild(
    renderTable(quality.fSquare as unknown as Record<string, unknown>[], [
      { key: 'from', label: 'From' },
      { key: 'to', label: 'To' },
      { key: 'value', label: 'f²', format: (v) => (v === null ? '–' : fmt(v, 3)) },
    ], 'pls-f-square', 'Effect sizes f² (model re-estimated without each path): 0.02 small, 0.15 medium, 0.35 large (Cohen 1988).'),
  );
  const ipma = runConstructIpma(pls, mapping);
  if (ipma) {
    results.appendChild(el('h2', {}, `Importance–performance map (${ipma.target})`));
    await renderChart(results, constructIpmaChart(ipma, { width: plotWidth(results, 90), height: 280 }), 'chart-ipma');
    results.appendChild(
      el('p', { class: 'note' }, `Importance: unstandardized total effect on ${ipma.target} (points of its 0–100 index per point of the driver's); performance: the driver's 0–100 index (Ringle & Sarstedt 2016).`),
    );
  }
}
