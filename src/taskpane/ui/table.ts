/** An HTML table from row objects: one column per entry of `columns`, cells formatted by the column. */
import { el } from './dom.ts';
import { fmt } from './format.ts';
import { fitTable } from './fit-table.ts';

export interface TableColumn {
  key: string;
  label?: string;
  format?: (value: unknown, row: Record<string, unknown>) => string;
  /** Right-align (numbers). Default: true when the first value is a number. */
  numeric?: boolean;
}

export function renderTable(rows: readonly Record<string, unknown>[], columns: readonly (TableColumn | string)[], testId?: string, caption?: string): HTMLTableElement {
  const cols = columns.map((c) => (typeof c === 'string' ? { key: c } : c));
  const numeric = cols.map((c) => c.numeric ?? typeof rows[0]?.[c.key] === 'number');
  return fitTable(el(
    'table',
    { 'data-testid': testId, class: 'results' },
    caption ? el('caption', {}, caption) : null,
    el('thead', {}, el('tr', {}, ...cols.map((c, j) => el('th', { class: numeric[j] ? 'num' : undefined }, c.label ?? c.key)))),
    el(
      'tbody',
      {},
      ...rows.map((row) =>
        el('tr', {}, ...cols.map((c, j) => el('td', { class: numeric[j] ? 'num' : undefined }, c.format ? c.format(row[c.key], row) : fmt(row[c.key])))),
      ),
    ),
  ));
}
