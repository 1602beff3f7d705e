/**
 * Tracking: CSI and NPS per group of a "Compare by" column (wave, period, brand) with 95%
 * intervals as charts, optionally against a benchmark, and the change between two chosen groups
 * with its interval and p-value in plain words ("up 5.8 points, 95% interval 3.3 to 8.4: a real
 * improvement").
 */
import { groupComparisonChart } from '../../core/index.ts';
import { changeSentence, columnChoices, type TrackingResult, type TrackingSettings } from '../analysis/tracking.ts';
import { blockFromRows, blockFromTable, type ResultBlock } from '../excel/result-block.ts';
import { trackingSurveySample } from '../samples/tracking-survey.ts';
import { plotWidth, renderChart } from '../ui/chart.ts';
import { numberInput, select, textInput } from '../ui/controls.ts';
import { clear, el } from '../ui/dom.ts';
import { fmt, int } from '../ui/format.ts';
import { renderTable } from '../ui/table.ts';
import type { View, ViewContext } from './view.ts';
import { viewShell } from './view-shell.ts';
import { rowObjects } from '../../core/table/row-objects.ts';

const NONE = '';

function guessCompareBy(header: string[]): string {
  return header.find((h) => /wave|period|quarter|month|year|date/i.test(h)) ?? header[0];
}

function guessFilter(header: string[]): string {
  return header.find((h) => /brand|company|competitor/i.test(h)) ?? NONE;
}

function guessItems(header: string[]): string[] {
  const sat = header.filter((h) => /^(sat|csi)/i.test(h));
  return sat.length > 0 ? sat : header.filter((h) => h !== guessCompareBy(header) && h !== guessFilter(header)).slice(0, 3);
}

function blocks(result: TrackingResult): ResultBlock[] {
  const { settings } = result;
  const where = settings.filterColumn ? ` (${settings.filterColumn} = ${settings.filterValue})` : '';
  const out = [blockFromTable(`CSI by ${settings.compareBy}${where}, 95% intervals`, result.csi)];
  if (result.nps) out.push(blockFromTable(`NPS by ${settings.compareBy}${where}, 95% intervals`, result.nps));
  const changes = [{ measure: 'CSI', ...result.csiChange }];
  if (result.npsChange) changes.push({ measure: 'NPS', ...result.npsChange });
  out.push(blockFromRows(`Change from ${settings.from} to ${settings.to}`, ['measure', 'from', 'to', 'difference', 'low', 'high', 'pValue'], changes));
  return out;
}

const GROUP_COLUMNS = [
  { key: 'group', label: 'Group' },
  { key: 'n', label: 'n', format: (v: unknown) => int(v as number) },
  { key: 'value', label: 'Value', format: (v: unknown) => fmt(v, 1) },
  { key: 'low', label: '95% low', format: (v: unknown) => (v === null ? '–' : fmt(v, 1)) },
  { key: 'high', label: '95% high', format: (v: unknown) => (v === null ? '–' : fmt(v, 1)) },
  { key: 'note', label: 'Note', format: (v: unknown) => (v === null ? '' : String(v)) },
];

export const trackingView: View = {
  id: 'tracking',
  title: 'Tracking',
  sample: trackingSurveySample,
  render(root: HTMLElement, context: ViewContext) {
    const { data } = context;
    const header = data.header;
    const columnOptions = header.map((h) => ({ value: h, text: h }));
    const compareBy = select('Compare by', columnOptions, guessCompareBy(header), 'compare-by');
    const filterColumn = select('Only rows where', [{ value: NONE, text: '(all rows)' }, ...columnOptions], guessFilter(header), 'filter-column');
    const filterValue = select('equals', [], NONE, 'filter-value');
    const items = textInput('CSI items (comma-separated)', guessItems(header).join(', '), 'SAT1, SAT2, SAT3', 'items');
    const npsItem = select('NPS item (0–10)', [{ value: NONE, text: '(none)' }, ...columnOptions], header.find((h) => /^(rec|nps|recommend)/i.test(h)) ?? NONE, 'nps-item');
    const scaleMin = numberInput('Scale min', 1, { step: 1 }, 'scale-min');
    const scaleMax = numberInput('Scale max', 10, { step: 1 }, 'scale-max');
    const from = select('From', [], NONE, 'from');
    const to = select('To', [], NONE, 'to');
    const benchmark = numberInput('Benchmark CSI (optional)', NaN, { step: 0.1 }, 'benchmark');
    benchmark.input.value = '';

    function fill(target: HTMLSelectElement, values: string[], chosen: string): void {
      clear(target);
      for (const v of values) target.appendChild(el('option', { value: v }, v));
      target.value = values.includes(chosen) ? chosen : (values[0] ?? NONE);
    }
    function refreshFilterValues(): void {
      const column = filterColumn.input.value;
      const values = column ? columnChoices(data.table, column) : [];
      fill(filterValue.input, values, values.includes('Us') ? 'Us' : values[0]);
      filterValue.input.disabled = !column;
    }
    function refreshGroups(): void {
      const values = columnChoices(data.table, compareBy.input.value);
      fill(from.input, values, values[values.length - 2]);
      fill(to.input, values, values[values.length - 1]);
    }
    refreshFilterValues();
    refreshGroups();
    filterColumn.input.addEventListener('change', refreshFilterValues);
    compareBy.input.addEventListener('change', refreshGroups);

    const settings = (): TrackingSettings => ({
      compareBy: compareBy.input.value,
      filterColumn: filterColumn.input.value || null,
      filterValue: filterColumn.input.value ? filterValue.input.value : null,
      items: items.input.value.split(',').map((s) => s.trim()).filter((s) => s !== ''),
      npsItem: npsItem.input.value || null,
      scaleMin: Number(scaleMin.input.value),
      scaleMax: Number(scaleMax.input.value),
      from: from.input.value,
      to: to.input.value,
      benchmark: benchmark.input.value.trim() === '' ? null : Number(benchmark.input.value),
    });

    const controls = el('fieldset', { class: 'options' }, el('legend', {}, 'Compare'), compareBy.wrap, filterColumn.wrap, filterValue.wrap, from.wrap, to.wrap);
    const options = el('fieldset', { class: 'options' }, el('legend', {}, 'Measures'), items.wrap, npsItem.wrap, scaleMin.wrap, scaleMax.wrap, benchmark.wrap);

    const shell = viewShell<TrackingResult>(root, context, {
      controls: [controls, options],
      validate: () => {
        const s = settings();
        const problems: string[] = [];
        if (s.items.length === 0) problems.push('CSI items: name at least one item column.');
        for (const item of s.items) if (!header.includes(item)) problems.push(`CSI items: there is no column "${item}".`);
        if (s.from === s.to) problems.push('From and To are the same group: choose two different groups.');
        if (s.benchmark !== null && !Number.isFinite(s.benchmark)) problems.push('Benchmark must be a number (or left empty).');
        return problems;
      },
      busyLabel: () => `Comparing groups of ${compareBy.input.value}`,
      compute: (task) => task.analyse('tracking', data.table, settings()),
      render: async (results, result) => {
        const s = result.settings;
        results.appendChild(el('p', { class: 'headline', 'data-testid': 'csi-change' }, changeSentence(result.csiChange, `CSI from ${s.from} to ${s.to}:`)));
        if (result.npsChange) results.appendChild(el('p', { 'data-testid': 'nps-change' }, changeSentence(result.npsChange, `NPS from ${s.from} to ${s.to}:`)));
        const width = plotWidth(results, 70);
        const where = s.filterColumn ? ` (${s.filterValue})` : '';
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
        results.appendChild(renderTable(csiRows, GROUP_COLUMNS, 'csi-groups'));
        if (result.nps) {
          await renderChart(results, groupComparisonChart(result.nps, { measure: 'nps', width, title: `NPS by ${s.compareBy}${where}` }), 'chart-nps-groups');
          const npsRows = (rowObjects(result.nps) as Record<string, unknown>[]).map((r) => ({ ...r, value: r.nps }));
          results.appendChild(renderTable(npsRows, GROUP_COLUMNS, 'nps-groups'));
        }
        results.appendChild(
          el('p', { class: 'note' }, `${result.rows} respondents. Intervals: CSI by the delta method over respondents, NPS by the multinomial variance; changes compare two independent samples (normal approximation).`),
        );
      },
      blocks,
      sheetName: 'CVK Tracking',
    });
    void shell.run();
  },
};
