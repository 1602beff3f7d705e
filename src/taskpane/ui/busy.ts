/**
 * Busy state for heavy work: the view shows what is being computed, the buttons are disabled,
 * and the browser gets to paint before the (synchronous) computation starts, so the pane never
 * looks frozen without saying why. Computations run on the main thread: on the sample data they
 * take well under a second; fits on 100k-row ranges take seconds, shown by this state.
 */
import { el } from './dom.ts';

/** Resolves after the browser has painted the current DOM. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

export async function withBusy<T>(root: HTMLElement, label: string, work: () => T | Promise<T>): Promise<T> {
  const note = el('p', { class: 'busy', role: 'status', 'data-testid': 'busy' }, `${label}…`);
  root.prepend(note);
  root.setAttribute('aria-busy', 'true');
  // Disabling the focused button drops focus to the page: it goes back where it was afterwards.
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const buttons = Array.from(root.querySelectorAll('button')).filter((b) => !b.disabled);
  buttons.forEach((b) => (b.disabled = true));
  try {
    await nextPaint();
    return await work();
  } finally {
    note.remove();
    root.removeAttribute('aria-busy');
    buttons.forEach((b) => (b.disabled = false));
    if (focused?.isConnected && (document.activeElement === document.body || document.activeElement === null)) focused.focus();
  }
}
