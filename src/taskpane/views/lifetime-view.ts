/**
 * Lifetime value: BG/NBD (purchases) and Gamma-Gamma (spend) fitted to the transaction log, then
 * per customer P(alive), expected purchases and discounted CLV; the top customers by CLV.
 */
import { pAliveChart, pAliveMatrix, valueOverPeriodsChart } from '../../core/index.ts';
import { lateRowsNote } from '../analysis/data-notes.ts';
import { topCustomers, type LifetimeResult } from '../analysis/lifetime.ts';
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
import { renderTable } from '../ui/table.ts';
import type { View, ViewContext } from './view.ts';
import { viewShell } from './view-shell.ts';
import { sqlPanel } from './sql-panel.ts';
import { rowObjects } from '../../core/table/row-objects.ts';

function fitRows(result: LifetimeResult) {
  const { bgNbd: b, gammaGamma: g } = result;
  return [
    { model: 'BG/NBD (purchases, weeks)', parameters: `r = ${fmt(b.r, 4)}, α = ${fmt(b.alpha, 4)}, a = ${fmt(b.a, 4)}, b = ${fmt(b.b, 4)}`, logLikelihood: b.logLikelihood, customers: b.customers, converged: b.converged ? 'yes' : 'NO' },
    { model: 'Gamma-Gamma (spend)', parameters: `p = ${fmt(g.p, 4)}, q = ${fmt(g.q, 4)}, γ = ${fmt(g.gamma, 4)}`, logLikelihood: g.logLikelihood, customers: g.n, converged: g.converged ? 'yes' : 'NO' },
  ];
}

export const lifetimeView: View = {
  id: 'lifetime',
  title: 'Lifetime value',
  sample: cdnowSample,
  render(root: HTMLElement, context: ViewContext) {
    const { data } = context;
    const form = mappingForm(data.header, TRANSACTION_ROLES, guessMapping(data.header, TRANSACTION_ROLES, data.table), () => undefined);
    const end = textInput('Calibration end', '', 'last purchase day up to today', 'calibration-end');
    const margin = limitedInput(PANE_LIMITS.margin, 0.3, 'margin', 0.05);
    const discount = limitedInput(PANE_LIMITS.discount, 0.01, 'discount', 0.005);
    const months = limitedInput(PANE_LIMITS.months, 12, 'months');
    const options = el('fieldset', { class: 'options' }, el('legend', {}, 'Options'), end.wrap, margin.wrap, discount.wrap, months.wrap);
    const clvOptions = () => ({
      calibrationEnd: end.input.value.trim() || undefined,
      margin: Number(margin.input.value),
      monthlyDiscount: Number(discount.input.value),
      months: Number(months.input.value),
    });
    const shell = viewShell<LifetimeResult>(root, context, {
      controls: [form.element, options, sqlPanel(root, { kind: 'customer-summary', mapping: () => form.value(), date: () => end.input.value })],
      validate: async (task) => [
        ...(await task.analyse('checkMapping', data.table, TRANSACTION_ROLES, form.value(), data.rowNumber(0))),
        ...fieldProblems([
          [PANE_LIMITS.margin, margin.input.value],
          [PANE_LIMITS.discount, discount.input.value],
          [PANE_LIMITS.months, months.input.value],
        ]),
      ],
      busyLabel: () => `Fitting BG/NBD and Gamma-Gamma to ${int(data.table.numRows())} transactions`,
      compute: (task) => task.analyse('lifetime', data.table, form.value(), clvOptions()),
      render: async (results, result) => {
        results.appendChild(el('h2', {}, 'Model fit'));
        const late = lateRowsNote(result.window, form.value().date as string, data.rowNumber, 'the calibration end');
        if (late) results.appendChild(el('p', { class: 'note', 'data-testid': 'late-rows' }, late));
        results.appendChild(el('p', {}, `${int(result.summary.numRows())} customers, ${int(result.transactions)} transactions; time in weeks from each customer's first purchase to ${result.calibrationEnd}. ${result.clv.description}`));
        results.appendChild(
          renderTable(fitRows(result), [
            { key: 'model', label: 'Model' },
            { key: 'parameters', label: 'Parameters' },
            { key: 'logLikelihood', label: 'Log-likelihood', format: (v) => fmt(v, 1) },
            { key: 'customers', label: 'Customers', format: (v) => int(v as number) },
            { key: 'converged', label: 'Converged' },
          ], 'fit-summary'),
        );
        if (result.gammaGamma.excluded > 0) {
          results.appendChild(el('p', { class: 'note' }, `${int(result.gammaGamma.excluded)} repeat buyers with zero repeat spend were left out of the Gamma-Gamma fit.`));
        }
        results.appendChild(el('h2', {}, 'P(alive)'));
        const T = Math.round(result.maxT * 100) / 100;
        await renderChart(results, pAliveChart(pAliveMatrix(result.bgNbd, { T }), { timeUnit: 'week', title: `P(alive) for customers of age ${fmt(T, 1)} weeks`, width: plotWidth(results), height: 260 }), 'chart-p-alive');
        results.appendChild(el('h2', {}, 'Top customers by CLV'));
        results.appendChild(
          renderTable(topCustomers(result, 15), [
            { key: 'customer', label: 'Customer', format: (v) => String(v) },
            { key: 'x', label: 'x', format: (v) => int(v as number) },
            { key: 't_x', label: 't_x', format: (v) => fmt(v, 1) },
            { key: 'T', label: 'T', format: (v) => fmt(v, 1) },
            { key: 'p_alive', label: 'P(alive)', format: (v) => fmt(v, 3) },
            { key: 'expected_purchases', label: 'E[purchases]', format: (v) => fmt(v, 2) },
            { key: 'expected_spend', label: 'E[spend]', format: (v) => fmt(v, 2) },
            { key: 'clv', label: 'CLV', format: (v) => fmt(v, 2) },
          ], 'top-customers', `Horizon ${result.clv.horizon} ${result.clv.period}s, margin ${result.clv.margin}, discount ${result.clv.discountRate} per ${result.clv.period}`),
        );
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
              ], 'value-quarters'),
            );
          } catch (error) {
            showProblems(shell.problems, [errorText(error)], 'The value over quarter ends could not be computed:');
          }
        });
      },
      blocks: (result) => [
        blockFromRows('Model fit', ['model', 'parameters', 'logLikelihood', 'customers', 'converged'], fitRows(result)),
        blockFromTable(`Customers: summary (weeks to ${result.calibrationEnd}) and CLV. ${result.clv.description}`, result.summary.select('customer', 'x', 't_x', 'T', 'monetary').assign(result.clv.table.select('p_alive', 'expected_purchases', 'expected_spend', 'clv'))),
      ],
      sheetName: 'CVK Lifetime value',
    });
    void shell.run();
  },
};
