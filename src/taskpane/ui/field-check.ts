/**
 * Option fields checked as the user types: the field is marked invalid and a message under it,
 * in the user's words and naming the field, says what it takes. Run checks the same rules again
 * and refuses to start while any field is wrong (the bounds are enforced, not just shown).
 */
import { dayNumber } from '../../core/index.ts';
import { el } from './dom.ts';

let nextId = 0;

/**
 * Shows `problem()` under `input` whenever it changes (and now). The message is announced
 * politely and is the field's description.
 */
export function checkAsTyped(input: HTMLInputElement, problem: () => string | null): void {
  const id = `cvk-field-message-${++nextId}`;
  const message = el('span', { class: 'field-message', id, 'aria-live': 'polite', hidden: true });
  const label = input.closest('label');
  // The message sits inside the field's label: the field is named by the label's text alone.
  const caption = label?.querySelector('span');
  if (caption && !input.hasAttribute('aria-label')) {
    caption.id ||= `${id}-label`;
    input.setAttribute('aria-labelledby', caption.id);
  }
  (label ?? input.parentElement)?.appendChild(message);
  const update = () => {
    const text = problem();
    message.hidden = text === null;
    message.textContent = text ?? '';
    if (text === null) {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    } else {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', id);
    }
  };
  input.addEventListener('input', update);
  update();
}

/**
 * The problem with an optional date field's text, or null when it is blank or a date.
 *
 * @example dateFieldProblem('Calibration end', '1997-13-01', 'the last purchase day up to today');
 * // => 'Calibration end must be a date such as 1997-09-30 (it is "1997-13-01"); leave it blank for the last purchase day up to today.'
 */
export function dateFieldProblem(label: string, text: string, blankMeans?: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return blankMeans === undefined ? `${label} must be a date such as 1997-09-30 (it is blank).` : null;
  try {
    dayNumber(trimmed, label);
    return null;
  } catch {
    return `${label} must be a date such as 1997-09-30 (it is ${JSON.stringify(trimmed)})${blankMeans === undefined ? '' : `; leave it blank for ${blankMeans}`}.`;
  }
}

/**
 * An optional date field checked as typed; returns its problems for Run.
 *
 * @param blankMeans what a blank field stands for, in words
 */
export function dateField(label: string, input: HTMLInputElement, blankMeans?: string): () => string[] {
  const problem = () => dateFieldProblem(label, input.value, blankMeans);
  checkAsTyped(input, problem);
  return () => {
    const found = problem();
    return found === null ? [] : [found];
  };
}
