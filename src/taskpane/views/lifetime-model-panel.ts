/**
 * The Lifetime value view's model parts: the model choice (BG/NBD, Pareto/NBD, or the better one
 * on a holdout period), the fits with ± standard errors, the holdout comparison with its chart
 * and verdict, the P(alive) and expected-purchases grids of the chosen model, the top customers
 * with CLV intervals, and what x, t_x and T mean.
 */
import { expectedPurchasesChart, expectedPurchasesMatrix, modelComparisonChart, pAliveChart, type Interval } from '../../core/index.ts';
import { fieldProblem, type FieldLimit } from '../analysis/limits.ts';
import { CLV_DRAWS, MODEL_CHOICES, parameterText, pAliveGrid, type ModelChoice } from '../analysis/lifetime-model.ts';
import type { LifetimeResult } from '../analysis/lifetime.ts';
import type { ColumnTable } from '../excel/cell-values.ts';
import { blockFromRows, blockFromTable, type ResultBlock } from '../excel/result-block.ts';
import { plotWidth, renderChart } from '../ui/chart.ts';
import { limitedInput, select } from '../ui/controls.ts';
import { el } from '../ui/dom.ts';
import { fmt, int } from '../ui/format.ts';
import { renderTable } from '../ui/table.ts';

/** The holdout field: blank means half the history. */
export const HOLDOUT_LIMIT: FieldLimit = { label: 'Holdout (weeks)', min: 1, max: 520, integer: true };

/** What the summary columns mean, as the pane explains them (the column help). */
export const SUMMARY_COLUMN_HELP: readonly [string, string][] = [
  ['x', 'repeat purchases: purchase days after the first one, up to the calibration end (several purchases on one day count once)'],
  ['t_x', 'recency: time from the first purchase to the last one (0 when there was no repeat purchase)'],
  ['T', "age: time from the first purchase to the calibration end (the customer's observation period)"],
  ['monetary', 'mean value of the repeat purchase days (the first purchase is left out, as Gamma-Gamma assumes)'],
];

/** Shows or hides a control: `hidden` alone loses to a class that sets `display` (`.field`). */
export function setShown(element: HTMLElement, shown: boolean): void {
  element.hidden = !shown;
  element.style.display = shown ? '' : 'none';
}

export interface ModelControls {
  element: HTMLElement;
  value(): { model: ModelChoice; holdoutWeeks: number | null };
  problems(): string[];
}

export function modelControls(): ModelControls {
  const model = select('Purchase model', MODEL_CHOICES, 'bg-nbd', 'purchase-model');
  const holdout = limitedInput(HOLDOUT_LIMIT, NaN, 'holdout-weeks');
  holdout.input.value = '';
  holdout.input.placeholder = 'half the history';
  const holdoutShown = () => setShown(holdout.wrap, model.input.value === 'holdout');
  model.input.addEventListener('change', holdoutShown);
  holdoutShown();
  const element = el('div', { class: 'model-choice' }, model.wrap, holdout.wrap);
  return {
    element,
    value: () => ({
      model: model.input.value as ModelChoice,
      holdoutWeeks: holdout.input.value.trim() === '' ? null : Number(holdout.input.value),
    }),
    problems: () => {
      if (model.input.value !== 'holdout' || holdout.input.value.trim() === '') return [];
      const problem = fieldProblem(HOLDOUT_LIMIT, holdout.input.value);
      return problem ? [problem] : [];
    },
  };
}

/** The fits as table rows: the chosen purchase model and Gamma-Gamma, parameters ± one standard error. */
export function fitRows(result: LifetimeResult): Record<string, unknown>[] {
  const { purchase, gammaGamma: g } = result;
  return [
    { model: `${result.model} (purchases, weeks)`, parameters: parameterText(purchase), logLikelihood: purchase.logLikelihood, customers: purchase.customers, converged: purchase.converged ? 'yes' : 'NO' },
    { model: 'Gamma-Gamma (spend)', parameters: parameterText(g), logLikelihood: g.logLikelihood, customers: g.n, converged: g.converged ? 'yes' : 'NO' },
  ];
}

export function renderFitTable(results: HTMLElement, result: LifetimeResult): void {
  results.appendChild(
    renderTable(fitRows(result), [
      { key: 'model', label: 'Model' },
      { key: 'parameters', label: 'Parameters ± standard error' },
      { key: 'logLikelihood', label: 'Log-likelihood', format: (v) => fmt(v, 1) },
      { key: 'customers', label: 'Customers', format: (v) => int(v as number) },
      { key: 'converged', label: 'Converged' },
    ], 'fit-summary', 'Model fits: parameters, log-likelihood, customers, convergence'),
  );
  const missing = [result.purchase, result.gammaGamma].some((fit) => fit.standardErrors === null);
  results.appendChild(
    el('p', { class: 'note' },
      `Standard errors from the observed information (the inverse Hessian of the log-likelihood at the estimates).${missing ? ' A fit without them had a singular information matrix: its estimates are not well determined by the data.' : ''}`),
  );
}

export async function renderComparison(results: HTMLElement, result: LifetimeResult): Promise<void> {
  const held = result.comparison;
  if (!held) return;
  const { comparison } = held;
  results.appendChild(el('h2', {}, 'BG/NBD or Pareto/NBD?'));
  results.appendChild(
    el('p', { 'data-testid': 'model-verdict' },
      `Both fitted to the purchases up to ${held.splitDate}, then asked to forecast each customer's purchases in the ${held.weeks} weeks to ${held.holdoutEnd}. ${comparison.verdict} The view uses ${result.model}, refitted on all purchases up to ${result.calibrationEnd}.`),
  );
  results.appendChild(
    renderTable(comparison.scores as unknown as Record<string, unknown>[], [
      { key: 'model', label: 'Model' },
      { key: 'logLikelihood', label: 'Log-likelihood', format: (v) => fmt(v, 1) },
      { key: 'aic', label: 'AIC', format: (v) => fmt(v, 1) },
      { key: 'bic', label: 'BIC', format: (v) => fmt(v, 1) },
      { key: 'holdoutMae', label: 'Holdout MAE', format: (v) => fmt(v, 4) },
      { key: 'predictedHoldoutTotal', label: 'Predicted total', format: (v) => fmt(v, 0) },
    ], 'model-scores', `${int(comparison.customers)} customers; actual holdout purchases ${int(comparison.actualHoldoutTotal)}. MAE: mean absolute error of each customer's holdout purchases.`),
  );
  await renderChart(
    results,
    modelComparisonChart(comparison.calibrationHoldout, { timeUnit: 'week', duration: held.weeks, width: plotWidth(results), height: 220 }),
    'chart-model-comparison',
  );
}

export async function renderGrids(results: HTMLElement, result: LifetimeResult): Promise<void> {
  const T = Math.round(result.maxT * 100) / 100;
  const width = plotWidth(results);
  await renderChart(results, pAliveChart(pAliveGrid(result.purchase, T), { timeUnit: 'week', title: `P(alive) for customers of age ${fmt(T, 1)} weeks (${result.model})`, width, height: 260 }), 'chart-p-alive');
  const weeks = Math.round(((result.clv.horizon * 365.25) / 12 / 7) * 10) / 10;
  await renderChart(
    results,
    expectedPurchasesChart(expectedPurchasesMatrix(result.purchase, { T, t: weeks }), {
      timeUnit: 'week',
      t: weeks,
      title: `Expected purchases in the next ${result.clv.horizon} months (${result.model})`,
      width,
      height: 260,
    }),
    'chart-expected-purchases',
  );
}

const interval = (row: Record<string, unknown>) =>
  typeof row.clv_low === 'number' && typeof row.clv_high === 'number' ? `${fmt(row.clv_low, 2)} to ${fmt(row.clv_high, 2)}` : '–';

export function renderTopCustomers(results: HTMLElement, result: LifetimeResult): void {
  results.appendChild(
    renderTable(result.top, [
      { key: 'customer', label: 'Customer', format: (v) => String(v) },
      { key: 'x', label: 'x', format: (v) => int(v as number) },
      { key: 't_x', label: 't_x', format: (v) => fmt(v, 1) },
      { key: 'T', label: 'T', format: (v) => fmt(v, 1) },
      { key: 'p_alive', label: 'P(alive)', format: (v) => fmt(v, 3) },
      { key: 'expected_purchases', label: 'E[purchases]', format: (v) => fmt(v, 2) },
      { key: 'expected_spend', label: 'E[spend]', format: (v) => fmt(v, 2) },
      { key: 'clv', label: 'CLV', format: (v) => fmt(v, 2) },
      { key: 'clv_low', label: 'CLV 95% interval', format: (_v, row) => interval(row), numeric: true },
    ], 'top-customers', `Horizon ${result.clv.horizon} ${result.clv.period}s, margin ${result.clv.margin}, discount ${result.clv.discountRate} per ${result.clv.period}; ${result.model} and Gamma-Gamma`),
  );
  results.appendChild(
    el('p', { class: 'note' },
      `CLV interval: ${CLV_DRAWS} seeded draws of both models' parameters from their estimated sampling distribution (normal on the log scale); the range holding 95% of the resulting CLVs. It shows how sure the models are, not how much one customer's purchases vary.`),
  );
  results.appendChild(columnHelp());
}

/** The column help for x, t_x, T (and monetary): a definition list under the tables. */
export function columnHelp(testId = 'column-help', label = 'What the columns mean'): HTMLElement {
  return el(
    'details',
    { class: 'column-help', 'aria-label': label, 'data-testid': testId },
    el('summary', {}, 'What x, t_x and T mean'),
    el('dl', {}, ...SUMMARY_COLUMN_HELP.flatMap(([name, text]) => [el('dt', {}, name), el('dd', {}, `${text}.`)])),
    el('p', { class: 'note' }, 'Times are in weeks. Every customer here made a first purchase; x, t_x and T are all the models need.'),
  );
}

/** One row per parameter of both fits, with its standard error and interval (blank when singular). */
export function parameterRows(result: LifetimeResult): Record<string, unknown>[] {
  const fits: [string, Record<string, unknown>, string[]][] = [
    [result.model, result.purchase as unknown as Record<string, unknown>, 'beta' in result.purchase ? ['r', 'alpha', 's', 'beta'] : ['r', 'alpha', 'a', 'b']],
    ['Gamma-Gamma', result.gammaGamma as unknown as Record<string, unknown>, ['p', 'q', 'gamma']],
  ];
  return fits.flatMap(([model, fit, names]) => {
    const se = (fit.standardErrors ?? {}) as Record<string, number>;
    const intervals = (fit.intervals ?? {}) as Record<string, Interval>;
    return names.map((parameter) => ({
      model,
      parameter,
      estimate: fit[parameter],
      standardError: se[parameter] ?? null,
      low: intervals[parameter]?.lower ?? null,
      high: intervals[parameter]?.upper ?? null,
    }));
  });
}

export function modelBlocks(result: LifetimeResult): ResultBlock[] {
  const out: ResultBlock[] = [];
  if (result.comparison) {
    const held = result.comparison;
    out.push(
      blockFromRows(
        `BG/NBD against Pareto/NBD: fitted up to ${held.splitDate}, holdout ${held.weeks} weeks to ${held.holdoutEnd}. ${held.comparison.verdict}`,
        ['model', 'logLikelihood', 'aic', 'bic', 'holdoutMae', 'holdoutRmse', 'predictedHoldoutTotal'],
        held.comparison.scores as unknown as Record<string, unknown>[],
      ),
      blockFromTable('Mean holdout purchases by calibration frequency: actual, BG/NBD, Pareto/NBD', held.comparison.calibrationHoldout),
    );
  }
  out.push(blockFromRows('Parameters: estimate, standard error and 95% interval (Wald on the log scale)', ['model', 'parameter', 'estimate', 'standardError', 'low', 'high'], parameterRows(result)));
  out.push(
    blockFromRows(
      `Top customers by CLV with 95% intervals (${CLV_DRAWS} draws of the parameters)`,
      ['customer', 'x', 't_x', 'T', 'monetary', 'p_alive', 'expected_purchases', 'expected_spend', 'clv', 'clv_low', 'clv_high'],
      result.top,
    ),
  );
  return out;
}

/** The value over quarter ends as a sheet block. */
export function quarterBlock(table: ColumnTable): ResultBlock {
  return blockFromTable(
    'Customer value at each quarter end (BG/NBD and Gamma-Gamma refitted on the purchases up to it): customers, buyers in the quarter, expected customers alive, total CLV',
    table,
  );
}
