/**
 * The frame every view shares: the column mapping and options on top, a Run button, the
 * problems box (mapping problems and core errors, in words), the results, and in Excel a
 * "Write to new sheet" button. Runs validate first, then compute under a busy state.
 */
import type { ResultBlock } from '../excel/result-block.ts';
import { WriteFailure } from '../excel/write-sheet.ts';
import { exportBar } from '../files/export-bar.ts';
import { withBusy } from '../ui/busy.ts';
import { withProgress, type Task } from '../ui/progress.ts';
import { isCancelled } from '../worker/client.ts';
import { button } from '../ui/controls.ts';
import { clear, el } from '../ui/dom.ts';
import { errorText, showProblems } from '../ui/messages.ts';
import type { ViewContext } from './view.ts';

export interface ShellParts<R> {
  /** Mapping and option controls. */
  controls: HTMLElement[];
  /** Problems with the mapping and options; a big table is checked in the worker (`task.analyse('checkMapping', …)`). */
  validate: (task: Task) => string[] | Promise<string[]>;
  busyLabel: () => string;
  /** The analysis; heavy work goes to the worker through `task.analyse` (progress, Cancel). */
  compute: (task: Task) => R | Promise<R>;
  render: (results: HTMLElement, result: R) => Promise<void>;
  blocks: (result: R) => ResultBlock[];
  sheetName: string;
}

export interface Shell {
  run: () => Promise<void>;
  /** The results area (for follow-up work such as re-clustering). */
  results: HTMLElement;
  problems: HTMLElement;
}

/** What a run returns when the mapping or options have problems (shown instead of results). */
const NOT_RUN = Symbol('not run');

export function viewShell<R>(root: HTMLElement, context: ViewContext, parts: ShellParts<R>): Shell {
  const runButton = button('Run', 'run', true);
  const writeButton = context.write ? button('Write to new sheet', 'write-sheet') : null;
  const problems = el('div', { class: 'problems', 'data-testid': 'mapping-problems', role: 'alert', hidden: true });
  const status = el('p', { class: 'status', role: 'status', 'data-testid': 'view-status' });
  const results = el('div', { class: 'results-area', 'data-testid': 'results' });
  let last: R | null = null;
  // Outside Excel the results go out as files instead.
  const exports = context.write ? null : exportBar(() => (last ? parts.blocks(last) : null), parts.sheetName);
  if (writeButton) writeButton.disabled = true;

  clear(root);
  root.append(
    el('p', { class: 'source' }, 'Data: ', el('strong', {}, context.data.label)),
    ...parts.controls,
    el('div', { class: 'actions' }, runButton, writeButton),
    ...(exports ? [exports.element] : []),
    problems,
    status,
    results,
  );
  context.restore?.(root);

  async function run(): Promise<void> {
    try {
      const started = performance.now();
      status.textContent = '';
      // The time shown runs to the last chart drawn, not just to the numbers.
      const result = await withProgress(root, parts.busyLabel(), async (task) => {
        task.stage('Checking the columns');
        const found = await parts.validate(task);
        showProblems(problems, found, 'Fix the column mapping or options:');
        if (found.length > 0) return NOT_RUN;
        const computed = await parts.compute(task);
        task.stage('Drawing the results');
        clear(results);
        await parts.render(results, computed);
        return computed;
      });
      const ms = performance.now() - started;
      if (result === NOT_RUN) {
        clear(results);
        last = null;
        exports?.refresh();
        if (writeButton) writeButton.disabled = true;
        return;
      }
      last = result;
      status.textContent = `Computed in ${ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`}.`;
      if (writeButton) writeButton.disabled = false;
      exports?.refresh();
    } catch (error) {
      status.textContent = '';
      clear(results);
      last = null;
      exports?.refresh();
      if (isCancelled(error)) status.textContent = 'Cancelled: nothing was computed. Run starts again.';
      else showProblems(problems, [errorText(error)], 'The analysis could not run:');
      if (writeButton) writeButton.disabled = true;
    }
  }

  runButton.addEventListener('click', () => void run());
  writeButton?.addEventListener('click', async () => {
    if (!last || !context.write) return;
    const result = last;
    try {
      const written = await withBusy(root, 'Writing to a new sheet', () => context.write!(parts.sheetName, parts.blocks(result)));
      status.textContent = `Results written to the new sheet "${written.sheetName}".${written.note ? ` ${written.note}` : ''}`;
      showProblems(problems, []);
    } catch (error) {
      showProblems(problems, [error instanceof WriteFailure ? error.message : errorText(error)], 'Writing the sheet failed:');
    }
  });
  return { run, results, problems };
}
