/**
 * The tie policy explained where it is chosen's effect shows: what each policy does with equal
 * values, and the named segments' shares under each, with the largest move in words.
 */
import type { RfmTies } from '../../core/index.ts';
import { sharesByTiePolicy, TIE_POLICIES, type TieComparison } from '../analysis/tie-policies.ts';
import type { ColumnTable } from '../excel/cell-values.ts';
import { el } from '../ui/dom.ts';
import { pct } from '../ui/format.ts';
import { renderTable } from '../ui/table.ts';

const POLICY_NAMES: Record<RfmTies, string> = {
  quantile: 'Quantile breaks',
  dense: 'Distinct values',
  first: 'Equal-sized',
};

/** `computed`: the shares already computed (in the analysis worker); else computed here. */
export function tiePolicyPanel(customers: ColumnTable, chosen: RfmTies, computed?: TieComparison | null): HTMLElement {
  const { rows, largestMove } = computed ?? sharesByTiePolicy(customers);
  const panel = el('div', { 'data-testid': 'tie-policy-effect' });
  panel.appendChild(
    el(
      'p',
      { class: 'explain' },
      el('strong', {}, 'Why the tie policy matters: '),
      'many customers share a value (most bought once or twice, many on the same day), and the policy decides where the score breaks fall among equal values. ' +
        'Quantile breaks give equal values one score, so a score can hold far more or fewer customers than a fifth; distinct values spread the breaks over the different values, ' +
        'whatever their counts; equal-sized classes give every score the same number of customers and split equal values by row order (the order of your data, not a property of the customer). ' +
        `Here the largest effect is on ${largestMove.segment}: ${pct(largestMove.low.share)} with ${POLICY_NAMES[largestMove.low.ties].toLowerCase()} and ${pct(largestMove.high.share)} with ${POLICY_NAMES[largestMove.high.ties].toLowerCase()}.`,
    ),
  );
  panel.appendChild(
    renderTable(
      rows.map((r) => Object.fromEntries([['segment', r.segment], ...TIE_POLICIES.map((t) => [t, r.shares.get(t) ?? 0])])),
      [
        { key: 'segment', label: 'Segment' },
        ...TIE_POLICIES.map((t) => ({ key: t, label: `${POLICY_NAMES[t]}${t === chosen ? ' (chosen)' : ''}`, format: (v: unknown) => pct(v as number), numeric: true })),
      ],
      'tie-policy-shares',
      'Share of customers per segment under each tie policy (same customers, same rules)',
    ),
  );
  return panel;
}
