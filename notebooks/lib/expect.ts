/**
 * Reference checks for the notebooks: a notebook that quotes a published number also checks it,
 * so that `npm run notebooks` fails when the core drifts (notebooks double as regression tests).
 */
import { md, type Displayable } from './display.ts';

/**
 * Throw unless `actual` is within `tolerance` of `expected`; otherwise return a one-line note.
 *
 * @param label what is checked, e.g. "Gale's quality ratio"
 * @param actual the computed value
 * @param expected the published (or independently computed) value
 * @param tolerance the largest accepted absolute difference
 * @param source where `expected` comes from
 * @returns a markdown line for the notebook
 * @throws {Error} when the difference exceeds the tolerance
 */
export function expectClose(
  label: string,
  actual: number,
  expected: number,
  tolerance: number,
  source: string,
): Displayable {
  const diff = Math.abs(actual - expected);
  if (!(diff <= tolerance)) {
    throw new Error(`${label}: got ${actual}, expected ${expected} ± ${tolerance} (${source})`);
  }
  return md`✓ ${label}: ${actual.toPrecision(6)} matches ${expected} ± ${tolerance} (${source}).`;
}

/**
 * Throw unless `holds`; otherwise return a one-line note. For a claim the notebook's text makes
 * that is a comparison rather than a published number ("half of the customers bought once").
 *
 * @param label the claim, in the words of the text
 * @param holds whether the data bear it out
 * @param evidence the figures behind it, shown in the note and in the error
 * @returns a markdown line for the notebook
 * @throws {Error} when the claim does not hold
 */
export function expectThat(label: string, holds: boolean, evidence: string): Displayable {
  if (!holds) throw new Error(`${label}: does not hold (${evidence})`);
  return md`✓ ${label} (${evidence}).`;
}
