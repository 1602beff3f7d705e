/** Problems and errors shown in the pane, in words the analyst can act on. */
import { isInputError } from '../../core/index.ts';
import { clear, el } from './dom.ts';
import { optionErrorText } from './option-errors.ts';
import { isFitNotConverged } from '../analysis/fit-not-converged.ts';

/** More problems than this: the first few are listed, the rest behind "more" (grouped, not piled). */
const LISTED = 5;

export function showProblems(container: HTMLElement, problems: readonly string[], title = 'Fix the column mapping:'): void {
  clear(container);
  if (problems.length === 0) {
    container.hidden = true;
    return;
  }
  container.hidden = false;
  container.appendChild(el('p', {}, title));
  const listed = problems.length > LISTED ? problems.slice(0, LISTED - 1) : problems;
  container.appendChild(el('ul', {}, ...listed.map((p) => el('li', {}, p))));
  const more = problems.slice(listed.length);
  if (more.length > 0) {
    container.appendChild(el('details', {}, el('summary', {}, `${more.length} more problems`), el('ul', {}, ...more.map((p) => el('li', {}, p)))));
  }
}

/** An error as a message: the core's InputError messages as they are (they name argument and row). */
export function errorText(error: unknown): string {
  if (isInputError(error)) return optionErrorText(error) ?? `The data was rejected: ${error.message}`;
  // Already in the analyst's words: what did not converge, why, and what to try.
  if (isFitNotConverged(error)) return error.message;
  if (error instanceof Error) return `Something went wrong: ${error.message}`;
  return `Something went wrong: ${String(error)}`;
}
