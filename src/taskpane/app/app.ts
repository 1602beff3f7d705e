/**
 * The pane: tabs for the four views, a data bar (in Excel: "Use selection"; anywhere: the
 * embedded sample), and the current view. Standalone (no Excel) it opens on Segments with the
 * CDNOW sample mapped and computed, so `npm start` shows real results.
 */
import type { HostInfo } from '../host.ts';
import { button } from '../ui/controls.ts';
import { clear, el } from '../ui/dom.ts';
import { errorText, showProblems } from '../ui/messages.ts';
import { withBusy } from '../ui/busy.ts';
import { withProgress } from '../ui/progress.ts';
import { isCancelled } from '../worker/client.ts';
import { lifetimeView } from '../views/lifetime-view.ts';
import { satisfactionView } from '../views/satisfaction-view.ts';
import { segmentsView } from '../views/segments-view.ts';
import { valueMapView } from '../views/value-map-view.ts';
import type { View } from '../views/view.ts';
import type { DataSource } from './data-source.ts';
import { selectionSource, writeBlocks } from './excel-data.ts';
import { keptViews } from './kept-views.ts';
import { fileOpener } from '../files/file-opener.ts';
import { readDataFile } from '../files/read-file.ts';
import { documentSettingsStore, localStorageStore, rememberedOptions } from './remembered-options.ts';
import { wireTabs } from '../ui/tabs.ts';
import { resultsSheetWriter } from './chart-pictures.ts';

/** Office's document settings, when the pane runs in a document that has them. */
function documentSettings(): Office.Settings | undefined {
  return typeof Office === 'undefined' ? undefined : Office.context?.document?.settings;
}

/** The browser's local storage, unless the browser refuses it (private modes, sandboxed frames). */
function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export const VIEWS: readonly View[] = [segmentsView, valueMapView, lifetimeView, satisfactionView];

export function startApp(container: HTMLElement, host: HostInfo): void {
  const inExcel = host.kind === 'excel';
  /** Per view: the data it shows (the sample until the user reads a selection). */
  const chosen = new Map<View['id'], DataSource>();
  let current: View = VIEWS[0];
  const remembered = rememberedOptions(inExcel ? documentSettingsStore(documentSettings()) : localStorageStore(browserStorage()));
  const kept = keptViews();

  const tabs = el('nav', { class: 'tabs', role: 'tablist' });
  const bar = el('div', { class: 'data-bar' });
  const barProblems = el('div', { class: 'problems', role: 'alert', hidden: true, 'data-testid': 'data-problems' });
  const body = el('section', { class: 'view', 'data-testid': 'view' });
  clear(container);
  container.append(tabs, bar, barProblems, body);
  remembered.watch(body, () => current.id);

  const tabButtons = VIEWS.map((view) => {
    const b = el('button', { type: 'button', role: 'tab', 'data-testid': `tab-${view.id}` }, view.title);
    b.addEventListener('click', () => show(view));
    tabs.appendChild(b);
    return b;
  });
  const tabState = wireTabs(tabButtons, body, VIEWS.map((v) => v.id));
  const write = inExcel ? resultsSheetWriter(writeBlocks, () => current.id) : undefined;

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
      const sample = button('Use the sample', 'use-sample');
      sample.addEventListener('click', () => {
        chosen.set(current.id, current.sample());
        renderView();
      });
      bar.append(fileOpener(container, (file) => void openFile(file)), sample, el('span', { class: 'note' }, 'No Excel here: open your own CSV or XLSX file (or drop it here); until then each view shows its sample.'));
    }
  }

  async function openFile(file: File): Promise<void> {
    try {
      const data = await withBusy(bar, `Reading ${file.name}`, () => readDataFile(file));
      showProblems(barProblems, []);
      chosen.set(current.id, data);
      renderView();
    } catch (error) {
      showProblems(barProblems, [errorText(error)], 'The file could not be opened:');
    }
  }

  function markCurrent(): void {
    tabState.select(VIEWS.indexOf(current));
    body.dataset.view = current.id;
  }

  function renderView(): void {
    markCurrent();
    const view = current;
    try {
      view.render(body, { data: dataFor(view), write, restore: (root) => remembered.restore(view.id, root) });
    } catch (error) {
      clear(body);
      body.appendChild(el('p', { class: 'error' }, errorText(error)));
    }
  }

  function show(view: View): void {
    if (view !== current) kept.putAway(current.id, dataFor(current), body);
    current = view;
    if (kept.bringBack(view.id, dataFor(view), body)) markCurrent();
    else renderView();
  }

  renderBar();
  show(VIEWS[0]);
}
