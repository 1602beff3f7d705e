/**
 * The Lifetime value view's input: a transaction log (one row per purchase), or a customer
 * summary (one row per customer: x, t_x, T in weeks and monetary), as the "Get the SQL" query
 * returns for a log too big for a sheet. Chosen by the user; guessed from the header.
 */
import { looksLikeSummary, SUMMARY_ROLES, summaryProblems } from '../analysis/lifetime-summary-input.ts';
import type { DataSource } from '../app/data-source.ts';
import { guessMapping } from '../mapping/guess.ts';
import type { Mapping } from '../mapping/roles.ts';
import { select } from '../ui/controls.ts';
import { el } from '../ui/dom.ts';
import { mappingForm } from '../ui/mapping-form.ts';
import { columnHelp, setShown } from './lifetime-model-panel.ts';

export type LifetimeInput = 'transactions' | 'summary';

export interface InputChoice {
  element: HTMLElement;
  /** The summary's column mapping (only shown and used for a summary). */
  summaryElement: HTMLElement;
  input(): LifetimeInput;
  summaryMapping(): Mapping;
  problems(model: string): string[];
}

/**
 * @param data the view's data
 * @param transactionParts the view's controls that only a transaction log uses (hidden for a summary)
 */
export function inputChoice(data: DataSource, transactionParts: HTMLElement[]): InputChoice {
  const choice = select('Input', [
    { value: 'transactions', text: 'transactions (one row per purchase)' },
    { value: 'summary', text: 'customer summary (one row per customer: x, t_x, T)' },
  ], looksLikeSummary(data.header) ? 'summary' : 'transactions', 'lifetime-input');
  const form = mappingForm(data.header, SUMMARY_ROLES, guessMapping(data.header, SUMMARY_ROLES, data.table), () => undefined);
  const summaryElement = el(
    'div',
    { class: 'summary-input', 'data-testid': 'summary-input' },
    form.element,
    el('p', { class: 'note' }, 'One row per customer, times in weeks, as the "Get the SQL" customer summary query returns it for a log too big for a sheet.'),
    columnHelp('summary-column-help'),
  );
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
    input: () => choice.input.value as LifetimeInput,
    summaryMapping: () => form.value(),
    problems(model) {
      const problems = summaryProblems(data.table, form.value(), data.rowNumber);
      if (model === 'holdout') problems.push('Purchase model: the comparison on a holdout period needs the transactions; with a customer summary choose BG/NBD or Pareto/NBD.');
      return problems;
    },
  };
}
