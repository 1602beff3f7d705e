/**
 * Lifetime value: BG/NBD (purchases) and Gamma-Gamma (spend) fitted to the transaction log, then
 * per customer P(alive), expected purchases and discounted CLV; the top customers by CLV.
 */
import { valueOverPeriodsChart } from '../../core/index.ts';
import { lateRowsNote } from '../analysis/data-notes.ts';
import type { LifetimeResult } from '../analysis/lifetime.ts';
import { blockFromRows, blockFromTable } from '../excel/result-block.ts';
import { guessMapping } from '../mapping/guess.ts';
import { TRANSACTION_ROLES } from '../mapping/roles.ts';
import { cdnowSample } from '../samples/cdnow.ts';
import { plotWidth, renderChart } from '../ui/chart.ts';
import { button, limitedInput, textInput } from '../ui/controls.ts';
import { fieldProblems, PANE_LIMITS } from '../analysis/limits.ts';
import { withProgress } from '../ui/progress.ts';
import { errorText, showProblems } from '../ui/messages.ts';
import { clear, el } from '../ui/dom.ts';
import { fmt, int } from '../ui/format.ts';
import { mappingForm } from '../ui/mapping-form.ts';
import { dateField } from '../ui/field-check.ts';
import { renderTable } from '../ui/table.ts';
import type { View, ViewContext } from './view.ts';
import { viewShell } from './view-shell.ts';
import { sqlPanel } from './sql-panel.ts';
import { sectionWriteButton } from '../ui/write-button.ts';
import { summaryInputChoice } from './summary-input-panel.ts';
import { looksLikeSummary, SUMMARY_ROLES, summaryProblems } from '../analysis/lifetime-summary-input.ts';
import { columnHelp, fitRows, modelBlocks, quarterBlock, modelControls, renderComparison, renderFitTable, renderGrids, renderTopCustomers } from './lifetime-model-panel.ts';
import { rowObjects } from '../../core/table/row-objects.ts';

export const lifetimeView: View = {
  id: 'lifetime',
  title: 'Lifetime value',
  sample: cdnowSample,
  render(root: HTMLElement, context: ViewContext) {
    const { data } = context;
    const form = mappingForm(data.header, TRANSACTION_ROLES, guessMapping(data.header, TRANSACTION_ROLES, data.table), () => undefined);
    const end = textInput('Calibration end', '', 'last purchase day up to today', 'calibration-end');
    const endProblems = dateField('Calibration end', end.input, 'the last purchase day up to today');
    const margin = limitedInput(PANE_LIMITS.margin, 0.3, 'margin', 0.05);
    const discount = limitedInput(PANE_LIMITS.discount, 0.01, 'discount', 0.005);
    const months = limitedInput(PANE_LIMITS.months, 12, 'months');
    const model = modelControls();
    const options = el('fieldset', { class: 'options' }, el('legend', {}, 'Options'), end.wrap, margin.wrap, discount.wrap, months.wrap, model.element);
    const clvOptions = () => ({
      calibrationEnd: end.input.value.trim() || undefined,
      margin: Number(margin.input.value),
      monthlyDiscount: Number(discount.input.value),
      months: Number(months.input.value),
      ...model.value(),
    });
    const summaryModelProblems = () =>
      model.value().model === 'holdout' ? ['Purchase model: the comparison on a holdout period needs the transactions; with a customer summary choose BG/NBD or Pareto/NBD.'] : [];
    const sql = sqlPanel(root, { kind: 'customer-summary', mapping: () => form.value(), date: () => end.input.value });
    const input = summaryInputChoice(data, [form.element, end.wrap, sql], {
      roles: SUMMARY_ROLES,
      looksLike: looksLikeSummary(data.header),
      summaryText: 'customer summary (one row per customer: x, t_x, T)',
      note: 'One row per customer, times in weeks: what the customer summary query returns when a database summarises a log too big for a sheet.',
      help: columnHelp('summary-column-help', 'What the summary columns mean'),
      problems: (mapping) => [...summaryProblems(data.table, mapping, data.rowNumber), ...summaryModelProblems()],
    });
    const summaryInput = () => input.input() === 'summary';
    const shell = viewShell<LifetimeResult>(root, context, {
      controls: [input.element, input.summaryElement, form.element, options, sql],
      validate: async (task) => [
        ...(summaryInput()
          ? [...(await task.analyse('checkLifetimeSummary', data.table, input.summaryMapping(), data.rowNumber(0))), ...summaryModelProblems()]
          : await task.analyse('checkMapping', data.table, TRANSACTION_ROLES, form.value(), data.rowNumber(0))),
        ...fieldProblems([
          [PANE_LIMITS.margin, margin.input.value],
          [PANE_LIMITS.discount, discount.input.value],
          [PANE_LIMITS.months, months.input.value],
        ]),
        ...model.problems(),
        ...endProblems(),
      ],
      busyLabel: () => `Fitting the purchase model and Gamma-Gamma to ${int(data.table.numRows())} ${summaryInput() ? 'customers' : 'transactions'}`,
      // The holdout comparison (model choice "the better one") runs inside 'lifetime', in the worker.
      compute: (task) =>
        summaryInput() ? task.analyse('lifetimeFromSummary', data.table, input.summaryMapping(), clvOptions()) : task.analyse('lifetime', data.table, form.value(), clvOptions()),
      render: async (results, result) => {
        results.appendChild(el('h2', {}, 'Model fit'));
        const late = lateRowsNote(result.window, form.value().date as string, data.rowNumber, 'the calibration end');
        if (late) results.appendChild(el('p', { class: 'note', 'data-testid': 'late-rows' }, late));
        results.appendChild(el('p', {}, result.input === 'summary'
          ? `${int(result.summary.numRows())} customers from the summary; time in weeks. ${result.clv.description}`
          : `${int(result.summary.numRows())} customers, ${int(result.transactions)} transactions; time in weeks from each customer's first purchase to ${result.calibrationEnd}. ${result.clv.description}`));
        renderFitTable(results, result);
        if (result.gammaGamma.excluded > 0) {
          results.appendChild(el('p', { class: 'note' }, `${int(result.gammaGamma.excluded)} repeat buyers with zero repeat spend were left out of the Gamma-Gamma fit.`));
        }
        await renderComparison(results, result);
        results.appendChild(el('h2', {}, 'P(alive) and expected purchases'));
        await renderGrids(results, result);
        results.appendChild(el('h2', {}, 'Top customers by CLV'));
        renderTopCustomers(results, result);
        if (result.input === 'summary') return; // the value over quarter ends needs the transactions
        results.appendChild(el('h2', {}, 'Value over quarter ends'));
        results.appendChild(el('p', { class: 'note' }, 'At each quarter end, both models refitted on the purchases up to it: customers, buyers in the quarter, expected customers alive and total CLV (the options above).'));
        const quarters = button('Value by quarter end', 'value-quarters');
        const quarterArea = el('div', { 'data-testid': 'quarters-area' });
        results.append(el('div', { class: 'actions' }, quarters), quarterArea);
        quarters.addEventListener('click', async () => {
          try {
            const table = await withProgress(root, 'Refitting the models at each quarter end', (task) => task.analyse('valueOverQuarters', data.table, form.value(), clvOptions()));
            clear(quarterArea);
            await renderChart(quarterArea, valueOverPeriodsChart(table, { width: plotWidth(results, 110) }), 'chart-value-quarters');
            quarterArea.appendChild(
              renderTable(rowObjects(table) as Record<string, unknown>[], [
                { key: 'periodEnd', label: 'Quarter end' },
                { key: 'customers', label: 'Customers', format: (v) => int(v as number) },
                { key: 'activeCustomers', label: 'Bought', format: (v) => int(v as number) },
                { key: 'expectedAlive', label: 'E[alive]', format: (v) => (v === null ? '–' : fmt(v, 0)) },
                { key: 'totalClv', label: 'Total CLV', format: (v) => (v === null ? '–' : fmt(v, 0)) },
                { key: 'note', label: 'Note', format: (v) => (v === null ? '' : String(v)) },
              ], 'value-quarters', 'Customers, buyers, expected alive and total CLV at each quarter end'),
            );
            const write = sectionWriteButton(root, context, 'CVK Value over quarters', () => [quarterBlock(table)], 'write-quarters');
            if (write) quarterArea.appendChild(write);
          } catch (error) {
            showProblems(shell.problems, [errorText(error)], 'The value over quarter ends could not be computed:');
          }
        });
      },
      blocks: (result) => [
        blockFromRows('Model fit', ['model', 'parameters', 'logLikelihood', 'customers', 'converged'], fitRows(result)),
        blockFromTable(`Customers: summary (weeks to ${result.calibrationEnd}) and CLV. ${result.clv.description}`, result.summary.select('customer', 'x', 't_x', 'T', 'monetary').assign(result.clv.table.select('p_alive', 'expected_purchases', 'expected_spend', 'clv'))),
        ...modelBlocks(result),
      ],
      sheetName: 'CVK Lifetime value',
    });
    void shell.run();
  },
};
