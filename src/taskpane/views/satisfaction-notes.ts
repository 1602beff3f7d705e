/**
 * "Why these numbers differ" notes for the Satisfaction view, where two similar figures sit
 * together: the CSI of the outcome beside the outcome's PLS index, and the key drivers' R² beside
 * the outcome's R² in the path model. Each says what the two numbers are computed from.
 */
import { el } from '../ui/dom.ts';
import { fmt, int } from '../ui/format.ts';

export interface CsiIndexFigures {
  outcome: string;
  csi: number;
  index: number;
  items: readonly string[];
  scale: { min: number; max: number };
  /** Respondents the PLS model left out for a blank answer. */
  dropped: number;
}

export function csiIndexNote(f: CsiIndexFigures): HTMLElement {
  return el(
    'p',
    { class: 'explain', 'data-testid': 'csi-index-note' },
    el('strong', {}, `Why CSI (${f.outcome}) ${fmt(f.csi, 1)} and the ${f.outcome} index ${fmt(f.index, 1)} differ: `),
    `the CSI weighs the ${f.items.length} items of ${f.outcome} (${f.items.join(', ')}) equally: each item's mean answer on the ${f.scale.min}–${f.scale.max} scale, rescaled to 0–100. ` +
      `The index weighs the same items by the model's outer weights, so items that move with the rest of the model count more` +
      `${f.dropped > 0 ? `, and it leaves out the ${int(f.dropped)} respondents with a blank answer` : ''}. Both are right; quote one consistently.`,
  );
}

export interface RSquaredFigures {
  outcome: string;
  driversRSquared: number;
  modelRSquared: number;
  /** The constructs with a path into the outcome. */
  antecedents: readonly string[];
  driverItems: number;
}

export function rSquaredNote(f: RSquaredFigures): HTMLElement {
  const from = f.antecedents.join(', ');
  return el(
    'p',
    { class: 'explain', 'data-testid': 'r-squared-note' },
    el('strong', {}, `Why key-driver R² ${fmt(f.driversRSquared, 2)} and ${f.outcome} R² ${fmt(f.modelRSquared, 3)} in the model differ: `),
    `the key drivers explain the mean answer to the ${f.outcome} items from the ${int(f.driverItems)} single items of ${from}; ` +
      `the model explains the ${f.outcome} construct score from the construct scores of ${from}, each a weighted sum of its items. ` +
      'Single items keep detail that construct scores average out, and the outcome is measured differently in each.',
  );
}
