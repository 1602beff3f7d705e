/**
 * "Compare with an earlier survey" in the Value map view: a survey column (period or competitor
 * set) and the two surveys to compare; the results add each offer's movement as arrows on the
 * value map and as a table, written to the sheet with the map.
 */
import { valueMapMovementChart } from '../../core/index.ts';
import { columnChoices } from '../analysis/tracking.ts';
import { guessSurveyColumn, type MovementSettings, type ValueMapMovement } from '../analysis/value-map-movement.ts';
import type { DataSource } from '../app/data-source.ts';
import { blockFromTable, type ResultBlock } from '../excel/result-block.ts';
import { plotWidth, renderChart } from '../ui/chart.ts';
import { select } from '../ui/controls.ts';
import { clear, el } from '../ui/dom.ts';
import { fmt } from '../ui/format.ts';
import { renderTable } from '../ui/table.ts';
import { rowObjects } from '../../core/table/row-objects.ts';

const NONE = '';

export interface MovementControls {
  element: HTMLElement;
  /** The survey column and the two surveys; null for one survey (no comparison). */
  settings(): MovementSettings | null;
  problems(): string[];
}

export function movementControls(data: DataSource): MovementControls {
  const columnOptions = data.header.map((h) => ({ value: h, text: h }));
  const survey = select('Survey column', [{ value: NONE, text: '(one survey: no comparison)' }, ...columnOptions], guessSurveyColumn(data.header) ?? NONE, 'survey-column');
  const before = select('Earlier survey', [], NONE, 'survey-before');
  const after = select('Later survey (the map)', [], NONE, 'survey-after');
  function fill(target: HTMLSelectElement, values: string[], chosen: string | undefined): void {
    clear(target);
    for (const v of values) target.appendChild(el('option', { value: v }, v));
    target.value = chosen !== undefined && values.includes(chosen) ? chosen : (values[0] ?? NONE);
  }
  function refresh(): void {
    const column = survey.input.value;
    const values = column ? columnChoices(data.table, column) : [];
    fill(before.input, values, values[0]);
    fill(after.input, values, values[values.length - 1]);
    before.input.disabled = after.input.disabled = !column;
  }
  refresh();
  survey.input.addEventListener('change', refresh);
  const element = el(
    'fieldset',
    { class: 'options', 'data-testid': 'movement-panel' },
    el('legend', {}, 'Compare with an earlier survey'),
    el('p', { class: 'note' }, 'With the same offers scored in two surveys (two periods, or two competitor sets), the map shows the later one and arrows show how each offer moved.'),
    survey.wrap,
    before.wrap,
    after.wrap,
  );
  const settings = () => (survey.input.value ? { survey: survey.input.value, before: before.input.value, after: after.input.value } : null);
  return {
    element,
    settings,
    problems() {
      const s = settings();
      if (!s) return [];
      if (s.before === s.after) return ['Earlier survey and Later survey are the same: choose two different surveys.'];
      return [];
    },
  };
}

function movementText(movement: ValueMapMovement): string {
  const { before, after } = movement.settings;
  const rows = rowObjects(movement.table) as { movement: string }[];
  const better = rows.filter((r) => r.movement === 'towards better value').length;
  const worse = rows.filter((r) => r.movement === 'towards worse value').length;
  return `From ${before} to ${after}: ${better} of ${rows.length} offers moved towards better value, ${worse} towards worse value. Distance change: towards (+) or away from (−) better value, each survey against its own fair-value line.`;
}

export async function renderMovement(results: HTMLElement, movement: ValueMapMovement | null, line: { intercept: number; slope: number }): Promise<void> {
  if (!movement) return;
  const { before, after } = movement.settings;
  results.appendChild(el('h2', {}, `Movement from ${before} to ${after}`));
  await renderChart(results, valueMapMovementChart(movement.table, { line, size: plotWidth(results), title: `Value map: ${before} → ${after}` }), 'chart-value-movement');
  results.appendChild(el('p', { class: 'note', 'data-testid': 'movement-summary' }, movementText(movement)));
  results.appendChild(
    renderTable(rowObjects(movement.table) as Record<string, unknown>[], [
      { key: 'offer', label: 'Offer' },
      { key: 'qualityChange', label: 'Δ quality', format: (v) => fmt(v, 1) },
      { key: 'priceChange', label: 'Δ price', format: (v) => fmt(v, 1) },
      { key: 'distanceChange', label: 'Δ distance', format: (v) => fmt(v, 2) },
      { key: 'movement', label: 'Movement' },
      { key: 'zoneAfter', label: `Zone (${after})`, format: (v, row) => (row.zoneBefore === v ? String(v) : `${String(row.zoneBefore)} → ${String(v)}`) },
    ], 'value-movement-table', `How each offer moved from ${before} to ${after}`),
  );
}

export function movementBlocks(movement: ValueMapMovement | null): ResultBlock[] {
  if (!movement) return [];
  return [blockFromTable(`Value map movement. ${movementText(movement)}`, movement.table)];
}
