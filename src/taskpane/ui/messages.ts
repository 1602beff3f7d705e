/** Problems and errors shown in the pane, in words the analyst can act on. */
import { isInputError } from '../../core/index.ts';
import { clear, el } from './dom.ts';

export function showProblems(container: HTMLElement, problems: readonly string[], title = 'Fix the column mapping:'): void {
  clear(container);
  if (problems.length === 0) {
    container.hidden = true;
    return;
  }
  container.hidden = false;
  container.appendChild(el('p', {}, title));
  container.appendChild(el('ul', {}, ...problems.map((p) => el('li', {}, p))));
}

/** An error as a message: the core's InputError messages as they are (they name argument and row). */
export function errorText(error: unknown): string {
  if (isInputError(error)) return `The data was rejected: ${error.message}`;
  if (error instanceof Error) return `Something went wrong: ${error.message}`;
  return `Something went wrong: ${String(error)}`;
}
