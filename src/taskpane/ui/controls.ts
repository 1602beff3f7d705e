/** Labelled form controls used by the views. */
import { el } from './dom.ts';
import { fieldProblem } from '../analysis/limits.ts';
import { checkAsTyped } from './field-check.ts';

export function select(label: string, options: readonly { value: string; text: string }[], value: string, testId?: string): { wrap: HTMLLabelElement; input: HTMLSelectElement } {
  const input = el('select', { 'data-testid': testId });
  for (const o of options) input.appendChild(el('option', { value: o.value }, o.text));
  input.value = value;
  return { wrap: el('label', { class: 'field' }, el('span', {}, label), input), input };
}

export function numberInput(label: string, value: number, attrs: { min?: number; max?: number; step?: number } = {}, testId?: string): { wrap: HTMLLabelElement; input: HTMLInputElement } {
  const input = el('input', {
    type: 'number',
    value: String(value),
    min: attrs.min === undefined ? undefined : String(attrs.min),
    max: attrs.max === undefined ? undefined : String(attrs.max),
    step: attrs.step === undefined ? undefined : String(attrs.step),
    'data-testid': testId,
  });
  return { wrap: el('label', { class: 'field' }, el('span', {}, label), input), input };
}

export function textInput(label: string, value: string, placeholder: string, testId?: string): { wrap: HTMLLabelElement; input: HTMLInputElement } {
  const input = el('input', { type: 'text', value, placeholder, 'data-testid': testId });
  return { wrap: el('label', { class: 'field' }, el('span', {}, label), input), input };
}

export function button(text: string, testId?: string, primary = false): HTMLButtonElement {
  return el('button', { type: 'button', 'data-testid': testId, class: primary ? 'primary' : undefined }, text);
}

export function checkbox(label: string, checked: boolean, testId?: string): { wrap: HTMLLabelElement; input: HTMLInputElement } {
  const input = el('input', { type: 'checkbox', 'data-testid': testId });
  input.checked = checked;
  return { wrap: el('label', { class: 'field checkbox' }, input, el('span', {}, label)), input };
}

/** A number field whose shown range is the one Run enforces (see `analysis/limits.ts`). */
export function limitedInput(limit: { label: string; min: number; max: number; integer: boolean }, value: number, testId?: string, step?: number): { wrap: HTMLLabelElement; input: HTMLInputElement } {
  const field = numberInput(limit.label, value, { min: limit.min, max: limit.max, step: step ?? (limit.integer ? 1 : undefined) }, testId);
  checkAsTyped(field.input, () => fieldProblem(limit, field.input.value));
  return field;
}
