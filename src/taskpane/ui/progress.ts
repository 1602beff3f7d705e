/**
 * Progress for work that takes a while: a bar (filled when the share done is known, moving
 * otherwise), the current stage in words, the elapsed time, and a Cancel button that stops the
 * work at once (the analysis worker is terminated). The view's other buttons are disabled
 * meanwhile. Replaces the static busy note for everything that can be cancelled.
 */
import { analysisClient, CancelledError, type AnalysisClient } from '../worker/client.ts';
import type { AnalysisArgs, AnalysisName, AnalysisResult } from '../worker/analyses.ts';
import { el } from './dom.ts';
import { nextPaint } from './busy.ts';

/** What a piece of work gets: stage reports, the cancel signal, and analyses in the worker. */
export interface Task {
  stage(label: string, fraction?: number): void;
  readonly signal: AbortSignal;
  /** Throws CancelledError when the user has cancelled (for work done in steps on the main thread). */
  check(): void;
  analyse<K extends AnalysisName>(name: K, ...args: AnalysisArgs<K>): Promise<AnalysisResult<K>>;
}

let progressCount = 0;

export async function withProgress<T>(root: HTMLElement, label: string, work: (task: Task) => T | Promise<T>, client: AnalysisClient = analysisClient): Promise<T> {
  const controller = new AbortController();
  // The bar is named "Progress" and described by the stage: a name made of the task's words
  // ("Fitting the purchase model…") would also answer to the label of the field it mentions.
  const stageText = el('span', { class: 'progress-stage', id: `progress-stage-${++progressCount}`, 'data-testid': 'progress-stage' }, `${label}…`);
  const bar = el('progress', { 'data-testid': 'progress-bar', 'aria-label': 'Progress', 'aria-describedby': stageText.id });
  const elapsed = el('span', { class: 'note', 'data-testid': 'progress-elapsed' });
  const cancel = el('button', { type: 'button', 'data-testid': 'cancel' }, 'Cancel');
  const panel = el('div', { class: 'busy progress', role: 'status', 'aria-live': 'polite', 'data-testid': 'busy' }, stageText, ' ', elapsed, el('div', { class: 'actions' }, bar, cancel));
  const started = performance.now();
  const timer = setInterval(() => (elapsed.textContent = `${((performance.now() - started) / 1000).toFixed(1)} s`), 250);
  cancel.addEventListener('click', () => {
    cancel.disabled = true;
    stageText.textContent = 'Cancelling…';
    controller.abort();
  });

  // Disabling the focused button drops focus to the page: it goes back where it was afterwards (as withBusy).
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const buttons = Array.from(root.querySelectorAll('button')).filter((b) => !b.disabled);
  buttons.forEach((b) => (b.disabled = true));
  root.prepend(panel);
  root.setAttribute('aria-busy', 'true');

  const task: Task = {
    signal: controller.signal,
    stage(text, fraction) {
      stageText.textContent = `${text}…`;
      if (fraction === undefined) bar.removeAttribute('value');
      else bar.value = Math.max(0, Math.min(1, fraction));
    },
    check() {
      if (controller.signal.aborted) throw new CancelledError();
    },
    analyse(name, ...args) {
      return client.run(name, args, { signal: controller.signal, onStage: (text, fraction) => task.stage(text, fraction) });
    },
  };
  // A cancel during main-thread work that does not watch the signal still ends the wait at once.
  const cancelled = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(new CancelledError()), { once: true }));
  cancelled.catch(() => undefined);
  try {
    await nextPaint();
    return await Promise.race([Promise.resolve().then(() => work(task)), cancelled]);
  } finally {
    clearInterval(timer);
    panel.remove();
    root.removeAttribute('aria-busy');
    buttons.forEach((b) => (b.disabled = false));
    if (focused?.isConnected && (document.activeElement === document.body || document.activeElement === null)) focused.focus();
  }
}
