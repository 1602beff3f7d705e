/**
 * The pane: tabs for the four views, a data bar (in Excel: "Use selection"; anywhere: the
 * embedded sample), and the current view. Standalone (no Excel) it opens on Segments with the
 * CDNOW sample mapped and computed, so `npm start` shows real results.
 */
import type { HostInfo } from '../host.ts';
import { button } from '../ui/controls.ts';
import { clear, el } from '../ui/dom.ts';
import { errorText, showProblems } from '../ui/messages.ts';
import { withProgress } from '../ui/progress.ts';
import { isCancelled } from '../worker/client.ts';
import { lifetimeView } from '../views/lifetime-view.ts';
import { satisfactionView } from '../views/satisfaction-view.ts';
import { segmentsView } from '../views/segments-view.ts';
import { valueMapView } from '../views/value-map-view.ts';
import { trackingView } from '../views/tracking-view.ts';
import type { View } from '../views/view.ts';
import type { DataSource } from './data-source.ts';
import { selectionSource, writeBlocks } from './excel-data.ts';

export const VIEWS: readonly View[] = [segmentsView, valueMapView, lifetimeView, satisfactionView, trackingView];

export function startApp(container: HTMLElement, host: HostInfo): void {
  const inExcel = host.kind === 'excel';
  /** Per view: the data it shows (the sample until the user reads a selection). */
  const chosen = new Map<View['id'], DataSource>();
  let current: View = VIEWS[0];

  const tabs = el('nav', { class: 'tabs', role: 'tablist' });
  const bar = el('div', { class: 'data-bar' });
  const barProblems = el('div', { class: 'problems', role: 'alert', hidden: true, 'data-testid': 'data-problems' });
  const body = el('section', { class: 'view', 'data-testid': 'view' });
  clear(container);
  container.append(tabs, bar, barProblems, body);

  const tabButtons = VIEWS.map((view) => {
    const b = el('button', { type: 'button', role: 'tab', 'data-testid': `tab-${view.id}` }, view.title);
    b.addEventListener('click', () => show(view));
    tabs.appendChild(b);
    return b;
  });

  function dataFor(view: View): DataSource {
    let data = chosen.get(view.id);
    if (!data) {
      data = view.sample();
      chosen.set(view.id, data);
    }
    return data;
  }

  function renderBar(): void {
    clear(bar);
    if (inExcel) {
      const use = button('Use selection', 'use-selection', true);
      use.title = 'Reads the Excel table the selection is in, or the selected range, or the region around the active cell; first row = headers';
      use.addEventListener('click', async () => {
        try {
          const data = await withProgress(bar, 'Reading the selection', (task) =>
            selectionSource({
              onChunk: (read, rows) => {
                task.check();
                task.stage(`Reading the selection (${read.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} rows)`, read / rows);
              },
            }),
          );
          showProblems(barProblems, []);
          chosen.set(current.id, data);
          renderView();
        } catch (error) {
          if (isCancelled(error)) showProblems(barProblems, []);
          else showProblems(barProblems, [errorText(error)], 'The selection could not be read:');
        }
      });
      const sample = button('Use the sample', 'use-sample');
      sample.addEventListener('click', () => {
        chosen.set(current.id, current.sample());
        renderView();
      });
      bar.append(use, sample);
    } else {
      bar.append(el('span', { class: 'note' }, 'No Excel here: each view works on its embedded sample data.'));
    }
  }

  function renderView(): void {
    tabButtons.forEach((b, i) => b.setAttribute('aria-selected', String(VIEWS[i] === current)));
    body.dataset.view = current.id;
    try {
      current.render(body, { data: dataFor(current), write: inExcel ? writeBlocks : undefined });
    } catch (error) {
      clear(body);
      body.appendChild(el('p', { class: 'error' }, errorText(error)));
    }
  }

  function show(view: View): void {
    current = view;
    renderView();
  }

  renderBar();
  show(VIEWS[0]);
}
