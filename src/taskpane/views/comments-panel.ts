/**
 * The Satisfaction view's "Comments" panel: pick the comment column and the group column (a 0–10
 * recommend item compares detractors with promoters); the pane lists the most distinctive words
 * and phrases of each side with example comments.
 */
import type { DistinctiveTerm } from '../../core/index.ts';
import type { CommentsStart } from '../analysis/comments-start.ts';
import type { ColumnTable } from '../excel/cell-values.ts';
import { select } from '../ui/controls.ts';
import { el, clear } from '../ui/dom.ts';
import { fmt } from '../ui/format.ts';
import { errorText } from '../ui/messages.ts';
import { withProgress } from '../ui/progress.ts';
import { renderTable } from '../ui/table.ts';
import { isCancelled } from '../worker/client.ts';

function sideTable(rows: DistinctiveTerm[], group: string): HTMLElement {
  return renderTable(rows.filter((row) => row.group === group) as unknown as Record<string, unknown>[], [
    { key: 'term', label: 'Term' },
    { key: 'zScore', label: 'z', format: (v) => fmt(v, 2) },
    { key: 'count', label: 'Comments', numeric: true, format: (v) => String(v) },
    { key: 'examples', label: 'Example', numeric: false, format: (v) => ((v as string[])[0] ?? '') },
  ], `comments-${group.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, `Most distinctive of ${group}`);
}

/**
 * The panel, from what the worker prepared with the view (`commentsStart`); a new choice of
 * columns computes its terms in the worker too, with progress and Cancel.
 */
export function renderCommentsPanel(results: HTMLElement, table: ColumnTable, start: CommentsStart | null): void {
  if (!start) return;
  // A region named by its heading, so assistive technology lists it among the page's landmarks.
  const panel = el('section', { class: 'comments-panel', 'data-testid': 'comments-panel', 'aria-labelledby': 'comments-heading' });
  panel.appendChild(el('h2', { id: 'comments-heading' }, 'Comments'));
  const comment = select('Comment column', start.columns.map((c) => ({ value: c, text: c })), start.comment, 'comment-column');
  const groups = select('Groups from', start.groupColumns.map((c) => ({ value: c, text: c })), start.group, 'comment-groups');
  const output = el('div', {});
  const show = (terms: DistinctiveTerm[] | Error) => {
    clear(output);
    if (terms instanceof Error) {
      output.appendChild(el('p', { class: 'problems', role: 'alert' }, errorText(terms)));
      return;
    }
    const sides = [...new Set(terms.map((row) => row.group))];
    if (sides.length === 0) output.appendChild(el('p', { class: 'note' }, 'No term is used often enough to compare.'));
    for (const side of sides) output.appendChild(sideTable(terms, side));
    output.appendChild(
      el('p', { class: 'note' }, 'Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008); a 0–10 group column compares detractors (0–6) with promoters (9–10). Terms used in fewer than 3 comments are left out.'),
    );
  };
  const run = async () => {
    try {
      show(await withProgress(panel, 'Finding the most distinctive terms', (task) => task.analyse('commentTerms', table, comment.input.value, groups.input.value)));
    } catch (error) {
      clear(output);
      output.appendChild(isCancelled(error) ? el('p', { class: 'note' }, 'Cancelled: choose the columns again to compare.') : el('p', { class: 'problems', role: 'alert' }, errorText(error)));
    }
  };
  comment.input.addEventListener('change', () => void run());
  groups.input.addEventListener('change', () => void run());
  panel.appendChild(el('div', { class: 'controls' }, comment.wrap, groups.wrap));
  panel.appendChild(output);
  results.appendChild(panel);
  show(start.terms);
}
