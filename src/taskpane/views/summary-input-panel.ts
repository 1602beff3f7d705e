/**
 * A view's input: a transaction log (one row per purchase), or a per-customer summary pasted into
 * a sheet, as the "Get the SQL" query returns it for a log too big for a sheet (Lifetime value:
 * customer, x, t_x, T, monetary; Segments: customer, recency, frequency, monetary). Chosen by the
 * user; guessed from the header.
 */
import type { DataSource } from '../app/data-source.ts';
import { guessMapping } from '../mapping/guess.ts';
import type { Mapping, Role } from '../mapping/roles.ts';
import { select } from '../ui/controls.ts';
import { el } from '../ui/dom.ts';
import { mappingForm } from '../ui/mapping-form.ts';
import { setShown } from './lifetime-model-panel.ts';

export type ViewInput = 'transactions' | 'summary';

export interface SummaryInputParts {
  roles: readonly Role[];
  /** The data look like a summary (guessed from the header). */
  looksLike: boolean;
  /** e.g. "customer summary (one row per customer: x, t_x, T)". */
  summaryText: string;
  /** Shown under the summary's column mapping. */
  note: string;
  /** Extra help under the note (e.g. what the columns mean). */
  help?: HTMLElement;
  problems: (mapping: Mapping) => string[];
}

export interface InputChoice {
  element: HTMLElement;
  /** The summary's column mapping (only shown and used for a summary). */
  summaryElement: HTMLElement;
  input(): ViewInput;
  summaryMapping(): Mapping;
  problems(): string[];
}

/**
 * @param data the view's data
 * @param transactionParts the view's controls that only a transaction log uses (hidden for a summary)
 */
export function summaryInputChoice(data: DataSource, transactionParts: HTMLElement[], parts: SummaryInputParts): InputChoice {
  const choice = select('Input', [
    { value: 'transactions', text: 'transactions (one row per purchase)' },
    { value: 'summary', text: parts.summaryText },
  ], parts.looksLike ? 'summary' : 'transactions', 'view-input');
  const form = mappingForm(data.header, parts.roles, guessMapping(data.header, parts.roles, data.table), () => undefined);
  const summaryElement = el('div', { class: 'summary-input', 'data-testid': 'summary-input' }, form.element, el('p', { class: 'note' }, parts.note), parts.help ?? null);
  const sync = () => {
    const summary = choice.input.value === 'summary';
    setShown(summaryElement, summary);
    for (const part of transactionParts) setShown(part, !summary);
  };
  choice.input.addEventListener('change', sync);
  sync();
  return {
    element: el('div', { class: 'input-choice' }, choice.wrap),
    summaryElement,
    input: () => choice.input.value as ViewInput,
    summaryMapping: () => form.value(),
    problems: () => parts.problems(form.value()),
  };
}
