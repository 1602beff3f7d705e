/**
 * The Satisfaction view's "Comments" panel: pick the comment column and the group column (a 0–10
 * recommend item compares detractors with promoters); the pane lists the most distinctive words
 * and phrases of each side with example comments.
 */
import type { DistinctiveTerm } from '../../core/index.ts';
import { commentColumns, runComments } from '../analysis/satisfaction-insights.ts';
import type { ColumnTable } from '../excel/cell-values.ts';
import { select } from '../ui/controls.ts';
import { el, clear } from '../ui/dom.ts';
import { fmt } from '../ui/format.ts';
import { errorText } from '../ui/messages.ts';
import { renderTable } from '../ui/table.ts';

function sideTable(rows: DistinctiveTerm[], group: string): HTMLElement {
  return renderTable(rows.filter((row) => row.group === group) as unknown as Record<string, unknown>[], [
    { key: 'term', label: 'Term' },
    { key: 'zScore', label: 'z', format: (v) => fmt(v, 2) },
    { key: 'count', label: 'Comments', numeric: true, format: (v) => String(v) },
    { key: 'examples', label: 'Example', numeric: false, format: (v) => ((v as string[])[0] ?? '') },
  ], `comments-${group.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, `Most distinctive of ${group}`);
}

export function renderCommentsPanel(results: HTMLElement, table: ColumnTable, npsItem: string | null): void {
  const columns = commentColumns(table);
  if (columns.length === 0) return;
  const numeric = table.columnNames().filter((c) => !columns.includes(c));
  const panel = el('section', { class: 'comments-panel', 'data-testid': 'comments-panel' });
  panel.appendChild(el('h2', {}, 'Comments'));
  const comment = select('Comment column', columns.map((c) => ({ value: c, text: c })), columns[0], 'comment-column');
  const groups = select('Groups from', numeric.map((c) => ({ value: c, text: c })), npsItem ?? numeric[0] ?? '', 'comment-groups');
  const output = el('div', {});
  const run = () => {
    clear(output);
    try {
      const rows = runComments(table, comment.input.value, groups.input.value);
      const sides = [...new Set(rows.map((row) => row.group))];
      if (sides.length === 0) output.appendChild(el('p', { class: 'note' }, 'No term is used often enough to compare.'));
      for (const side of sides) output.appendChild(sideTable(rows, side));
      output.appendChild(
        el('p', { class: 'note' }, 'Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008); a 0–10 group column compares detractors (0–6) with promoters (9–10). Terms used in fewer than 3 comments are left out.'),
      );
    } catch (error) {
      output.appendChild(el('p', { class: 'problems', role: 'alert' }, errorText(error)));
    }
  };
  comment.input.addEventListener('change', run);
  groups.input.addEventListener('change', run);
  panel.appendChild(el('div', { class: 'controls' }, comment.wrap, groups.wrap));
  panel.appendChild(output);
  results.appendChild(panel);
  run();
}
