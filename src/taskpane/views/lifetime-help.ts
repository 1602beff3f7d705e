/**
 * Plain words for the lifetime columns (x, t_x, T are the models' names, also the formulas'
 * arguments): a short definition list under the tables that use them.
 */
import { el } from '../ui/dom.ts';

export function lifetimeColumnHelp(unit = 'weeks'): HTMLElement {
  const terms: [string, string][] = [
    ['x', 'repeat purchases: purchase days after the first one (several rows on one day count once)'],
    ['t_x', `when the last purchase was, in ${unit} after the customer's first purchase (0 for a one-time buyer)`],
    ['T', `the customer's age: ${unit} from the first purchase to the calibration end`],
    ['P(alive)', 'the chance the customer still buys (BG/NBD)'],
    ['E[purchases]', 'purchases expected over the horizon'],
    ['E[spend]', 'expected value of one purchase (Gamma-Gamma)'],
    ['CLV', 'margin × expected spend × expected purchases per month, discounted, summed over the horizon'],
  ];
  return el(
    'dl',
    { class: 'column-help', 'aria-label': 'What the columns mean', 'data-testid': 'lifetime-column-help' },
    ...terms.flatMap(([term, meaning]) => [el('dt', {}, term), el('dd', {}, meaning)]),
  );
}
