/**
 * The outcome score of a survey: each respondent's mean over a construct's items (the mean of
 * SAT1–SAT3 as "satisfaction"), the dependent variable of key-driver analysis. One rule for the
 * pane, the formulas and the notebooks.
 */
import { invalid, notANumber } from '../messages.ts';
import { requireColumn, toTable } from '../table/input.ts';
import { cellNumber, isBlank } from '../table/cell.ts';

/**
 * Per respondent, the mean of the items they answered: blanks (`null`, `''`, whitespace, NaN)
 * are skipped, so one unanswered item does not lose the respondent; a respondent who answered
 * none gets `null` (no score, never 0). Numeric strings count as their numbers. Added in item
 * order, so a complete row gives exactly `(a + b + c) / 3`.
 *
 * O(rows × items).
 *
 * @param table respondents × items (an Arquero table or an array of row objects)
 * @param items the item columns to average (at least one)
 * @returns one mean per row, `null` where every item is blank
 * @throws {InputError} for no items, a missing column, or a cell that is neither blank nor a
 *   number (naming the item and the 1-based row)
 * @example itemMean([{ SAT1: 8, SAT2: 6, SAT3: 7 }, { SAT1: 9, SAT2: null, SAT3: 6 }, { SAT1: null, SAT2: '', SAT3: null }], ['SAT1', 'SAT2', 'SAT3']);
 * // => [7, 7.5, null]
 */
export function itemMean(table: unknown, items: readonly string[]): (number | null)[] {
  if (!Array.isArray(items) || items.length === 0 || !items.every((item) => typeof item === 'string')) {
    throw invalid('items', 'must name at least one item column');
  }
  const data = toTable(table, 'table');
  for (const item of items) requireColumn(data, item, 'items');
  const n = data.numRows();
  const sums = new Float64Array(n);
  const counts = new Float64Array(n);
  for (const item of items) {
    const values = data.array(item) as ArrayLike<unknown>;
    for (let i = 0; i < n; i++) {
      const value = values[i];
      if (isBlank(value)) continue;
      const x = cellNumber(value);
      if (Number.isNaN(x)) {
        throw notANumber({ argument: 'items', column: item, row: i + 1 }, value);
      }
      sums[i] += x;
      counts[i]++;
    }
  }
  return Array.from(sums, (sum, i) => (counts[i] > 0 ? sum / counts[i] : null));
}
