/**
 * Formula injection: Excel (and every spreadsheet that opens the workbook or a CSV of it) takes
 * text that starts with `=`, `+`, `-` or `@` for a formula, and some first drop leading
 * whitespace or fold full-width forms (`＝`, typed with an IME) to ASCII. Text cells are
 * therefore written with a leading apostrophe, Excel's text prefix, when their first visible
 * character is such a sign. Numbers are never touched: a negative number is a number.
 */
import type { Cell } from './result-block.ts';

/**
 * What may stand before the sign: Unicode whitespace (space, tab, CR, LF, U+3000 …), the other
 * separators, control characters and invisible format characters (BOM, zero-width space).
 */
const LEADING = String.raw`[\s\p{Z}\p{Cc}\p{Cf}]*`;
/**
 * Signs that start a formula: ASCII, full-width (U+FF1D ＝, U+FF0B ＋, U+FF0D －, U+FF20 ＠),
 * the minus sign U+2212 and the small forms (U+FE66 ﹦, U+FE62 ﹢, U+FE63 ﹣, U+FE6B ﹫).
 */
const SIGN = '[=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20\\u2212\\uFE66\\uFE62\\uFE63\\uFE6B]';
const FORMULA_LIKE = new RegExp(`^${LEADING}${SIGN}`, 'u');

/**
 * A cell as it must be written to a sheet: text that a spreadsheet could read as a formula gets
 * a leading apostrophe, and so does text that already starts with one (Excel would eat it).
 *
 * @example safeCell(' =1+1') // => "' =1+1"
 * @example safeCell('＝SUM(A1)') // => "'＝SUM(A1)"
 * @example safeCell(-5) // => -5
 */
export function safeCell(cell: Cell): Cell {
  if (typeof cell !== 'string') return cell;
  return FORMULA_LIKE.test(cell) || cell.startsWith("'") ? `'${cell}` : cell;
}
