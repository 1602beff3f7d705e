/**
 * What the pane says about data it left out, in the analyst's terms: column headers and sheet
 * rows (or customer ids), never internal indices. The rules that decide what is left out are the
 * core's; these only word them.
 */
import type { AnalysisEnd } from '../../core/index.ts';

/** How many rows or customers a note lists by name before "and N more". */
export const NOTE_LIST_LENGTH = 5;

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** "a, b, c and 4 more" from the first items of a list of `total`. */
export function listWithMore(items: readonly string[], total: number): string {
  const shown = items.slice(0, NOTE_LIST_LENGTH).join(', ');
  return total > NOTE_LIST_LENGTH ? `${shown} and ${(total - NOTE_LIST_LENGTH).toLocaleString('en-US')} more` : shown;
}

/**
 * The rows dated after the end of the analysis, or null when there are none.
 *
 * @param window the core's `analysisEnd` result
 * @param column the date column's header
 * @param rowNumber the sheet row of data row i
 * @param endName what the end is called in the view (used when the user gave it)
 * @example lateRowsNote(window, 'Date', (i) => i + 2);
 * // => 'Column "Date": 1 row dated after 1998-06-30 (the last date on or before today, 2026-12-01) is left out: row 6921 (2099-01-01).'
 */
export function lateRowsNote(window: AnalysisEnd, column: string, rowNumber: (i: number) => number, endName = 'the end date'): string | null {
  const count = window.lateRows.length;
  if (count === 0) return null;
  const end =
    window.source === 'given'
      ? `${endName}, ${window.end},`
      : `${window.end} (the last date on or before today, ${window.today})`;
  const rows = Array.from(window.lateRows.subarray(0, NOTE_LIST_LENGTH), (row, j) => `row ${rowNumber(row)} (${window.lateDates[j]})`);
  return `Column "${column}": ${plural(count, 'row', 'rows')} dated after ${end} ${count === 1 ? 'is' : 'are'} left out: ${listWithMore(rows, count)}.`;
}

/** A number as the pane shows amounts: two decimals, no grouping surprises. */
function amount(x: number): string {
  return x.toFixed(2);
}

/**
 * The customers left out of scoring because their amounts net to zero or less, or null when none.
 *
 * @param excluded the customers, with their net amount and 0-based table rows
 * @param amountColumn the amount column's header
 * @param customerColumn the customer column's header
 * @param rowNumber the sheet row of data row i
 * @example excludedCustomersNote([{ customer: 'R-22', monetary: -8.77, rows: [40, 41] }], 'Amount', 'Customer', (i) => i + 2);
 * // => 'Column "Amount": 1 customer whose amounts net to zero or less (returns) is left out of the RFM scores,
 * //     segments, ABC classes and k-means: Customer "R-22" (net -8.77; rows 42, 43).'
 */
export function excludedCustomersNote(
  excluded: readonly { customer: unknown; monetary: number; rows: readonly number[] }[],
  amountColumn: string,
  customerColumn: string,
  rowNumber: (i: number) => number,
): string | null {
  const count = excluded.length;
  if (count === 0) return null;
  const named = excluded.slice(0, NOTE_LIST_LENGTH).map((e) => {
    const rows = e.rows.slice(0, 3).map(rowNumber);
    const more = e.rows.length > 3 ? ` and ${e.rows.length - 3} more` : '';
    const where = rows.length === 0 ? '' : `; ${rows.length === 1 ? 'row' : 'rows'} ${rows.join(', ')}${more}`;
    return `${customerColumn} "${String(e.customer)}" (net ${amount(e.monetary)}${where})`;
  });
  return (
    `Column "${amountColumn}": ${plural(count, 'customer', 'customers')} whose amounts net to zero or less (returns) ` +
    `${count === 1 ? 'is' : 'are'} left out of the RFM scores, segments, ABC classes and k-means: ${listWithMore(named, count)}.`
  );
}
