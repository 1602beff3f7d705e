/**
 * The survey form's measurement choices: per construct, reflective (mode A) or formative
 * (mode B) outer weights, and the number of bootstrap resamples for the intervals of the paths,
 * weights and HTMT. Each choice has a `data-testid`, so the pane remembers it like the other
 * options; the selects are drawn again when the constructs change, keeping the choices made.
 */
import type { PlsMode } from '../../core/index.ts';
import { BOOTSTRAP_SAMPLES_MAX } from '../mapping/survey.ts';
import { numberInput } from './controls.ts';
import { clear, el } from './dom.ts';

export interface ConstructModes {
  element: HTMLElement;
  /** Draws one select per construct (after the constructs change). */
  refresh(constructs: readonly string[]): void;
  /** The constructs set to mode B (the rest are mode A), as a null-prototype record. */
  modes(): Record<string, PlsMode>;
  /** Bootstrap resamples as typed (0: no bootstrap); validateSurvey checks it. */
  bootstrapSamples(): number;
}

const MODE_TEXT: Readonly<Record<PlsMode, string>> = {
  A: 'reflective (mode A)',
  B: 'formative (mode B)',
};

export function constructModes(initial: Readonly<Record<string, PlsMode>> = {}): ConstructModes {
  // Construct names are user text (`__proto__` …): a Map, not a plain object.
  const chosen = new Map<string, PlsMode>(Object.entries(initial));
  const selects = new Map<string, HTMLSelectElement>();
  const list = el('div', { class: 'construct-modes', 'data-testid': 'construct-modes' });
  const samples = numberInput(`Bootstrap resamples (0: none; up to ${BOOTSTRAP_SAMPLES_MAX})`, 0, { min: 0, max: BOOTSTRAP_SAMPLES_MAX, step: 100 }, 'bootstrap-samples');
  samples.input.setAttribute('aria-label', 'Bootstrap resamples');

  function refresh(constructs: readonly string[]): void {
    clear(list);
    selects.clear();
    const table = el('table', { class: 'items' }, el('tr', {}, el('th', {}, 'Construct'), el('th', {}, 'Measurement')));
    for (const construct of constructs) {
      const select = el('select', { 'aria-label': `Measurement of ${construct}`, 'data-testid': `mode-${construct}` },
        ...(['A', 'B'] as const).map((mode) => el('option', { value: mode }, MODE_TEXT[mode])));
      select.value = chosen.get(construct) ?? 'A';
      select.addEventListener('change', () => chosen.set(construct, select.value === 'B' ? 'B' : 'A'));
      selects.set(construct, select);
      table.appendChild(el('tr', {}, el('td', {}, construct), el('td', {}, select)));
    }
    list.appendChild(table);
  }

  const element = el('fieldset', { class: 'mapping' }, el('legend', {}, 'Measurement (outer model)'), list,
    el('p', { class: 'note' }, 'Formative (mode B): the items form the construct and are weighted by regression; they are judged by their weights and VIFs, not by reliability (Hair et al. 2022).'),
    samples.wrap);

  return {
    element,
    refresh,
    modes() {
      const out: Record<string, PlsMode> = Object.create(null);
      for (const [construct, select] of selects) if (select.value === 'B') out[construct] = 'B';
      return out;
    },
    bootstrapSamples: () => (samples.input.value.trim() === '' ? NaN : Number(samples.input.value)),
  };
}
