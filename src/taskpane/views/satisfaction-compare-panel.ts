/**
 * "Compare by" in the Satisfaction view: pick a period or group column (wave, quarter, brand) and
 * the pane shows the CSI of the outcome construct's items and the NPS per group with 95%
 * intervals as charts, optionally within one value of another column (e.g. one brand) and against
 * a benchmark, and the change between two chosen groups in plain words ("up 5.8 points, 95%
 * interval 3.3 to 8.4 (p < 0.001): a real improvement").
 */
import { groupComparisonChart } from '../../core/index.ts';
import { ownValue } from '../../core/table/named-columns.ts';
import { changeSentence, columnChoices, type TrackingResult, type TrackingSettings } from '../analysis/tracking.ts';
import type { DataSource } from '../app/data-source.ts';
import { blockFromRows, blockFromTable, type ResultBlock } from '../excel/result-block.ts';
import type { SurveyMapping } from '../mapping/survey.ts';
import { plotWidth, renderChart } from '../ui/chart.ts';
import { button, numberInput, select } from '../ui/controls.ts';
import { clear, el } from '../ui/dom.ts';
import { fmt, int } from '../ui/format.ts';
import { renderTable } from '../ui/table.ts';
import { rowObjects } from '../../core/table/row-objects.ts';

const NONE = '';

/** A column that looks like a period or a wave; none when no header suggests one. */
export function guessCompareBy(header: readonly string[]): string {
  return header.find((h) => /wave|period|quarter|month|year|date/i.test(h)) ?? NONE;
}

function guessFilter(header: readonly string[], compareBy: string): string {
  if (!compareBy) return NONE;
  return header.find((h) => h !== compareBy && /brand|company|competitor/i.test(h)) ?? NONE;
}

export interface CompareControls {
  element: HTMLElement;
  /** The settings for `runTracking`, from these controls and the survey mapping; null when "Compare by" is none. */
  settings(mapping: SurveyMapping): TrackingSettings | null;
  problems(mapping: SurveyMapping): string[];
}

/**
 * @param data the view's data
 * @param useSample offered on sample data without a group column: switch to the tracking sample
 */
export function compareControls(data: DataSource, useSample?: () => void): CompareControls {
  const header = data.header;
  const columnOptions = header.map((h) => ({ value: h, text: h }));
  const initial = guessCompareBy(header);
  const compareBy = select('Compare by', [{ value: NONE, text: '(no comparison)' }, ...columnOptions], initial, 'compare-by');
  const filterColumn = select('Only rows where', [{ value: NONE, text: '(all rows)' }, ...columnOptions], guessFilter(header, initial), 'filter-column');
  const filterValue = select('equals', [], NONE, 'filter-value');
  const from = select('From group', [], NONE, 'from');
  const to = select('To group', [], NONE, 'to');
  const benchmark = numberInput('Benchmark CSI (optional)', NaN, { step: 0.1 }, 'benchmark');
  benchmark.input.value = '';

  function fill(target: HTMLSelectElement, values: string[], chosen: string | undefined): void {
    clear(target);
    for (const v of values) target.appendChild(el('option', { value: v }, v));
    target.value = chosen !== undefined && values.includes(chosen) ? chosen : (values[0] ?? NONE);
  }
  function refreshFilterValues(): void {
    const column = filterColumn.input.value;
    const values = column ? columnChoices(data.table, column) : [];
    fill(filterValue.input, values, values.includes('Us') ? 'Us' : values[0]);
    filterValue.input.disabled = !compareBy.input.value || !column;
  }
  function refreshGroups(): void {
    const by = compareBy.input.value;
    const groups = by ? columnChoices(data.table, by) : [];
    fill(from.input, groups, groups[groups.length - 2]);
    fill(to.input, groups, groups[groups.length - 1]);
    for (const part of [filterColumn, from, to, benchmark]) part.input.disabled = !by;
    filterValue.input.disabled = !by || !filterColumn.input.value;
  }
  refreshFilterValues();
  refreshGroups();
  compareBy.input.addEventListener('change', refreshGroups);
  filterColumn.input.addEventListener('change', refreshFilterValues);

  const offer =
    useSample && data.origin === 'sample' && !initial
      ? (() => {
          const b = button('Open the four-wave tracking sample', 'use-tracking-sample');
          b.addEventListener('click', useSample);
          return el('p', { class: 'note' }, 'This sample has no period or group column. ', b);
        })()
      : null;

  const element = el(
    'fieldset',
    { class: 'options', 'data-testid': 'compare-panel' },
    el('legend', {}, 'Compare periods or groups'),
    el('p', { class: 'note' }, 'CSI of the outcome construct’s items and NPS per group, with 95% intervals, and the change between two groups.'),
    compareBy.wrap,
    filterColumn.wrap,
    filterValue.wrap,
    from.wrap,
    to.wrap,
    benchmark.wrap,
    offer,
  );

  function settings(mapping: SurveyMapping): TrackingSettings | null {
    if (!compareBy.input.value) return null;
    const items = mapping.outcome ? (ownValue(mapping.blocks, mapping.outcome) ?? []) : [];
    return {
      compareBy: compareBy.input.value,
      filterColumn: filterColumn.input.value || null,
      filterValue: filterColumn.input.value ? filterValue.input.value : null,
      items,
      npsItem: mapping.npsItem,
      scaleMin: mapping.scale.min,
      scaleMax: mapping.scale.max,
      from: from.input.value,
      to: to.input.value,
      benchmark: benchmark.input.value.trim() === '' ? null : Number(benchmark.input.value),
    };
  }

  return {
    element,
    settings,
    problems(mapping) {
      const s = settings(mapping);
      if (!s) return [];
      const problems: string[] = [];
      if (s.items.length === 0) problems.push('Compare by: choose an outcome construct with items (its CSI is compared).');
      if (s.from === s.to) problems.push('From group and To group are the same: choose two different groups.');
      if (s.benchmark !== null && !Number.isFinite(s.benchmark)) problems.push('Benchmark must be a number (or left empty).');
      return problems;
    },
  };
}

const GROUP_COLUMNS = [
  { key: 'group', label: 'Group' },
  { key: 'n', label: 'n', format: (v: unknown) => int(v as number) },
  { key: 'value', label: 'Value', format: (v: unknown) => fmt(v, 1) },
  { key: 'low', label: '95% low', format: (v: unknown) => (v === null ? '–' : fmt(v, 1)) },
  { key: 'high', label: '95% high', format: (v: unknown) => (v === null ? '–' : fmt(v, 1)) },
  { key: 'note', label: 'Note', format: (v: unknown) => (v === null ? '' : String(v)) },
];

export async function renderGroupComparison(results: HTMLElement, result: TrackingResult): Promise<void> {
  const s = result.settings;
  const where = s.filterColumn ? ` (${s.filterValue})` : '';
  results.appendChild(el('h2', {}, `Compared by ${s.compareBy}${where}`));
  results.appendChild(el('p', { class: 'headline', 'data-testid': 'csi-change' }, changeSentence(result.csiChange, `CSI from ${s.from} to ${s.to}:`)));
  if (result.npsChange) results.appendChild(el('p', { 'data-testid': 'nps-change' }, changeSentence(result.npsChange, `NPS from ${s.from} to ${s.to}:`)));
  const width = plotWidth(results, 70);
  await renderChart(
    results,
    groupComparisonChart(result.csi, {
      width,
      title: `CSI by ${s.compareBy}${where}`,
      benchmark: s.benchmark === null ? undefined : { value: s.benchmark, label: 'Benchmark' },
    }),
    'chart-csi-groups',
  );
  const csiRows = (rowObjects(result.csi) as Record<string, unknown>[]).map((r) => ({ ...r, value: r.csi }));
  results.appendChild(renderTable(csiRows, GROUP_COLUMNS, 'csi-groups', `CSI by ${s.compareBy}${where}, with 95% intervals`));
  if (result.nps) {
    await renderChart(results, groupComparisonChart(result.nps, { measure: 'nps', width, title: `NPS by ${s.compareBy}${where}` }), 'chart-nps-groups');
    const npsRows = (rowObjects(result.nps) as Record<string, unknown>[]).map((r) => ({ ...r, value: r.nps }));
    results.appendChild(renderTable(npsRows, GROUP_COLUMNS, 'nps-groups', `NPS by ${s.compareBy}${where}, with 95% intervals`));
  }
  results.appendChild(
    el('p', { class: 'note' }, `${int(result.rows)} respondents; CSI of ${s.items.join(', ')}. Intervals: CSI by the delta method over respondents, NPS by the multinomial variance; changes compare two independent samples (normal approximation).`),
  );
}

export function groupComparisonBlocks(result: TrackingResult): ResultBlock[] {
  const { settings } = result;
  const where = settings.filterColumn ? ` (${settings.filterColumn} = ${settings.filterValue})` : '';
  const out = [blockFromTable(`CSI by ${settings.compareBy}${where}, 95% intervals`, result.csi)];
  if (result.nps) out.push(blockFromTable(`NPS by ${settings.compareBy}${where}, 95% intervals`, result.nps));
  const changes = [{ measure: 'CSI', ...result.csiChange }];
  if (result.npsChange) changes.push({ measure: 'NPS', ...result.npsChange });
  out.push(blockFromRows(`Change from ${settings.from} to ${settings.to}`, ['measure', 'from', 'to', 'difference', 'low', 'high', 'pValue'], changes));
  return out;
}
