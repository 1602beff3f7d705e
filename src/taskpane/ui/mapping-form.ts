/** One select per role: the user picks which column is the customer, the date, the amount… */
import type { Mapping, Role } from '../mapping/roles.ts';
import { el } from './dom.ts';

export interface MappingForm {
  element: HTMLElement;
  value(): Mapping;
}

export function mappingForm(header: readonly string[], roles: readonly Role[], initial: Mapping, onChange: () => void): MappingForm {
  const selects = new Map<string, HTMLSelectElement>();
  const fields = roles.map((role) => {
    const input = el('select', { 'data-testid': `map-${role.key}`, title: `${role.label} must be ${role.help}` });
    input.appendChild(el('option', { value: '' }, '(choose a column)'));
    for (const name of header) input.appendChild(el('option', { value: name }, name));
    input.value = initial[role.key] ?? '';
    input.addEventListener('change', onChange);
    selects.set(role.key, input);
    return el('label', { class: 'field' }, el('span', {}, role.label), input);
  });
  return {
    element: el('fieldset', { class: 'mapping' }, el('legend', {}, 'Columns'), ...fields),
    value: () => Object.fromEntries(roles.map((r) => [r.key, selects.get(r.key)?.value || null])),
  };
}
