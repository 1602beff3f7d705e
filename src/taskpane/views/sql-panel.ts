/**
 * "Get the SQL": a fold-out under a view's options with an engine picker, the table name and the
 * summary query for them, filled in from the view's column mapping and date, ready to copy.
 * The query follows every change in the view (it listens for input and change events there).
 */
import type { SqlDialect } from '../../core/index.ts';
import { DIALECT_OPTIONS, summarySqlFor, type SummaryKind } from '../analysis/summary-sql.ts';
import type { Mapping } from '../mapping/roles.ts';
import { button, select, textInput } from '../ui/controls.ts';
import { el } from '../ui/dom.ts';

export interface SqlPanelParts {
  kind: SummaryKind;
  mapping: () => Mapping;
  /** The view's date input (calibration end, or recency as of). */
  date: () => string;
}

export function sqlPanel(view: HTMLElement, parts: SqlPanelParts): HTMLElement {
  const dialect = select('Engine', DIALECT_OPTIONS, 'duckdb', 'sql-dialect');
  const table = textInput('Table', 'transactions', 'schema.table', 'sql-table');
  const output = el('textarea', {
    readonly: true,
    rows: '12',
    spellcheck: 'false',
    'aria-label': 'Summary query',
    'data-testid': 'sql-text',
    style: 'width: 100%; font-family: ui-monospace, Consolas, monospace; font-size: 11px;',
  });
  const problem = el('p', { class: 'note', role: 'status', 'data-testid': 'sql-problem', hidden: true });
  const copy = button('Copy the query', 'sql-copy');
  const what =
    parts.kind === 'customer-summary'
      ? 'one row per customer with x, t_x, T (weeks) and monetary, as this view computes them'
      : 'one row per customer with recency (days), frequency and monetary, as this view computes them';
  const panel = el(
    'details',
    { class: 'sql-panel', 'data-testid': 'sql-panel' },
    el('summary', {}, 'Get the SQL'),
    el('p', { class: 'note' }, `For a log too big for a sheet: run this query where the transactions are. It returns ${what}; rows with a blank customer, date or amount are left out.`),
    dialect.wrap,
    table.wrap,
    problem,
    output,
    el('div', { class: 'actions' }, copy),
  );

  let shown = false;
  function refresh(): void {
    // The view re-renders into the same element: a panel no longer on the page stops listening.
    if (panel.isConnected) shown = true;
    else if (shown) {
      view.removeEventListener('input', refresh);
      view.removeEventListener('change', refresh);
      return;
    }
    const result = summarySqlFor({
      kind: parts.kind,
      dialect: dialect.input.value as SqlDialect,
      table: table.input.value,
      mapping: parts.mapping(),
      date: parts.date(),
    });
    problem.hidden = result.problem === undefined;
    problem.textContent = result.problem ?? '';
    output.value = result.sql ?? '';
    copy.disabled = result.sql === undefined;
  }

  view.addEventListener('input', refresh);
  view.addEventListener('change', refresh);
  panel.addEventListener('toggle', refresh);
  copy.addEventListener('click', () => {
    output.select();
    void navigator.clipboard?.writeText(output.value).catch(() => undefined);
  });
  refresh();
  return panel;
}
