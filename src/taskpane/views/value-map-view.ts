/** Value map: relative quality against relative price, the fair-value line and the value zones (Gale). */
import { valueMapChart, type ValueMapResult } from '../../core/index.ts';
import type { ValueMapRun } from '../analysis/value-map-movement.ts';
import { blockFromTable } from '../excel/result-block.ts';
import { guessMapping } from '../mapping/guess.ts';
import { VALUE_MAP_ROLES } from '../mapping/roles.ts';
import { validateMapping } from '../mapping/validate.ts';
import { galeCarsSample } from '../samples/gale-cars.ts';
import { plotWidth, renderChart } from '../ui/chart.ts';
import { limitedInput, select } from '../ui/controls.ts';
import { fieldProblems, PANE_LIMITS } from '../analysis/limits.ts';
import { el } from '../ui/dom.ts';
import { fmt } from '../ui/format.ts';
import { mappingForm } from '../ui/mapping-form.ts';
import { renderTable } from '../ui/table.ts';
import type { View, ViewContext } from './view.ts';
import { viewShell } from './view-shell.ts';
import { movementBlocks, movementControls, renderMovement } from './value-map-movement-panel.ts';
import { offerNativeValueMap } from '../ui/chart-workbook.ts';
import { rowObjects } from '../../core/table/row-objects.ts';

function lineText(result: ValueMapResult): string {
  const { intercept, slope, method } = result.line;
  const how = method === 'fair' ? 'through (100, 100)' : method === 'fitted' ? 'fitted to the offers (least squares)' : 'as given';
  return `Fair-value line ${how}: price = ${fmt(intercept, 1)} + ${fmt(slope, 3)} × quality; band ±${fmt(result.tolerance, 1)} (perpendicular distance). Below/right of the line = better value.`;
}

export const valueMapView: View = {
  id: 'value-map',
  title: 'Value map',
  sample: galeCarsSample,
  render(root: HTMLElement, context: ViewContext) {
    const { data } = context;
    const form = mappingForm(data.header, VALUE_MAP_ROLES, guessMapping(data.header, VALUE_MAP_ROLES, data.table), () => undefined);
    const line = select('Fair-value line', [
      { value: 'fair', text: 'through (100, 100), slope 1' },
      { value: 'fitted', text: "fitted: the market's price of quality" },
    ], 'fair', 'line');
    const tolerance = limitedInput(PANE_LIMITS.tolerance, 3, 'tolerance', 0.5);
    const options = el('fieldset', { class: 'options' }, el('legend', {}, 'Options'), line.wrap, tolerance.wrap);
    const movement = movementControls(data);
    const shell = viewShell<ValueMapRun>(root, context, {
      controls: [form.element, options, movement.element],
      validate: () => [
        ...validateMapping(data.table, VALUE_MAP_ROLES, form.value(), { rowNumber: data.rowNumber }),
        ...fieldProblems([[PANE_LIMITS.tolerance, tolerance.input.value]]),
        ...movement.problems(),
      ],
      busyLabel: () => 'Placing the offers',
      compute: (task) =>
        task.analyse('valueMapOverTime', data.table, form.value(), { line: line.input.value as 'fair' | 'fitted', tolerance: Number(tolerance.input.value) }, movement.settings()),
      render: async (results, result) => {
        results.appendChild(el('h2', {}, 'Customer value map'));
        const width = plotWidth(results);
        const chart = await renderChart(results, valueMapChart(result, { width, height: Math.round(width * 0.8) }), 'chart-value-map');
        offerNativeValueMap(chart, result.table.numRows());
        results.appendChild(el('p', { class: 'note' }, lineText(result)));
        results.appendChild(
          renderTable(rowObjects(result.table) as Record<string, unknown>[], [
            { key: 'offer', label: 'Offer' },
            { key: 'quality', label: 'Rel. quality', format: (v) => fmt(v, 1) },
            { key: 'price', label: 'Rel. price', format: (v) => fmt(v, 2) },
            { key: 'fairPrice', label: 'Fair price', format: (v) => fmt(v, 2) },
            { key: 'distance', label: 'Distance', format: (v) => fmt(v, 2) },
            { key: 'zone', label: 'Zone' },
          ], 'value-map-table', 'Offers: relative quality and price, fair price, distance from the line, zone'),
        );
        await renderMovement(results, result.movement, result.line);
      },
      blocks: (result) => [blockFromTable(`Value map${result.movement ? ` (${result.movement.settings.after})` : ''}. ${lineText(result)}`, result.table), ...movementBlocks(result.movement)],
      sheetName: 'CVK Value map',
    });
    void shell.run();
  },
};
