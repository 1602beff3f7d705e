/**
 * The survey mapping form: each item column gets a construct name (typed, with the known ones
 * offered; blank = not used), the paths between constructs are a from × to grid of checkboxes,
 * plus the answer scale, the outcome construct and an optional 0–10 NPS item.
 */
import { surveyBlocks, type SurveyMapping } from '../mapping/survey.ts';
import { numberInput } from './controls.ts';
import { checkAsTyped } from './field-check.ts';
import { scaleProblem } from '../mapping/survey-scale.ts';
import { clear, el } from './dom.ts';
import { constructModes } from './construct-modes.ts';

export interface SurveyForm {
  element: HTMLElement;
  value(): SurveyMapping;
}

export function surveyForm(header: readonly string[], initial: SurveyMapping): SurveyForm {
  const assigned = new Map<string, string>();
  for (const [construct, items] of Object.entries(initial.blocks)) for (const item of items) assigned.set(item, construct);
  const paths = new Set(initial.paths.map(([a, b]) => `${a}\u0000${b}`));

  const listId = 'cvk-constructs';
  const datalist = el('datalist', { id: listId }, ...Object.keys(initial.blocks).map((c) => el('option', { value: c })));
  const inputs = new Map<string, HTMLInputElement>();
  const itemRows = header.map((item) => {
    const input = el('input', { type: 'text', list: listId, value: assigned.get(item) ?? '', placeholder: '(not used)', 'aria-label': `Construct of item ${item} (blank: not used)`, 'data-testid': `construct-${item}` });
    input.addEventListener('change', () => refresh());
    inputs.set(item, input);
    return el('tr', {}, el('td', {}, item), el('td', {}, input));
  });
  const min = numberInput('Scale from', initial.scale.min, { step: 1 }, 'scale-min');
  const max = numberInput('to', initial.scale.max, { step: 1 }, 'scale-max');
  max.input.setAttribute('aria-label', 'Scale to');
  checkAsTyped(min.input, () => scaleProblem(min.input.value, max.input.value, 'from'));
  checkAsTyped(max.input, () => scaleProblem(min.input.value, max.input.value, 'to'));
  min.input.addEventListener('input', () => max.input.dispatchEvent(new Event('input')), { once: false });
  const outcome = el('select', { 'data-testid': 'outcome' });
  const npsItem = el('select', { 'data-testid': 'nps-item' }, el('option', { value: '' }, '(none)'), ...header.map((h) => el('option', { value: h }, h)));
  npsItem.value = initial.npsItem ?? '';
  const grid = el('div', { class: 'path-grid', 'data-testid': 'path-grid' });
  const measurement = constructModes(initial.modes);

  function blocks(): Record<string, string[]> {
    const assigned = [...inputs].map(([item, input]) => [item, input.value.trim()] as const);
    return surveyBlocks(assigned.filter(([, construct]) => construct !== ''));
  }

  function refresh(): void {
    const constructs = Object.keys(blocks());
    const chosen = outcome.value || initial.outcome || '';
    clear(outcome);
    for (const c of constructs) outcome.appendChild(el('option', { value: c }, c));
    outcome.value = constructs.includes(chosen) ? chosen : (constructs[constructs.length - 1] ?? '');
    clear(datalist);
    for (const c of constructs) datalist.appendChild(el('option', { value: c }));
    clear(grid);
    const table = el('table', { class: 'paths' });
    table.appendChild(el('tr', {}, el('th', {}, 'from ↓ to →'), ...constructs.map((c) => el('th', { class: 'vertical' }, c))));
    for (const from of constructs) {
      const row = el('tr', {}, el('th', {}, from));
      for (const to of constructs) {
        const key = `${from}\u0000${to}`;
        const box = el('input', { type: 'checkbox', title: `${from} → ${to}`, 'aria-label': `Path from ${from} to ${to}`, disabled: from === to, 'data-testid': `path-${from}→${to}` });
        box.checked = paths.has(key);
        box.addEventListener('change', () => (box.checked ? paths.add(key) : paths.delete(key)));
        row.appendChild(el('td', {}, box));
      }
      table.appendChild(row);
    }
    grid.appendChild(table);
    measurement.refresh(constructs);
  }
  refresh();

  const element = el(
    'div',
    { class: 'survey-form' },
    el('fieldset', { class: 'mapping' }, el('legend', {}, 'Items → constructs'), datalist,
      el('div', { class: 'scroll' }, el('table', { class: 'items' }, el('tr', {}, el('th', {}, 'Item'), el('th', {}, 'Construct')), ...itemRows))),
    el('fieldset', { class: 'mapping' }, el('legend', {}, 'Paths (structural model)'), grid),
    measurement.element,
    el('fieldset', { class: 'options' }, el('legend', {}, 'Options'), min.wrap, max.wrap,
      el('label', { class: 'field' }, el('span', {}, 'Outcome (CSI, drivers)'), outcome),
      el('label', { class: 'field' }, el('span', {}, 'NPS item (0–10)'), npsItem)),
  );

  return {
    element,
    value: () => {
      const b = blocks();
      const names = Object.keys(b);
      return {
        blocks: b,
        paths: [...paths].map((key) => key.split('\u0000') as [string, string]).filter(([a, c]) => names.includes(a) && names.includes(c)),
        scale: { min: Number(min.input.value), max: Number(max.input.value) },
        outcome: outcome.value || null,
        npsItem: npsItem.value || null,
        modes: measurement.modes(),
        bootstrapSamples: measurement.bootstrapSamples(),
      };
    },
  };
}
