/**
 * Reading single cells the way a spreadsheet user means them: a blank is "no answer", a numeric
 * string is a number (ranges pasted as text), anything else is a mistake the caller reports with
 * the row and item it came from.
 */

/**
 * True for a blank cell: `null`, `undefined`, `NaN` (Arquero's missing values) or a string that
 * is empty or only whitespace (what Excel and CSV readers give for an empty cell). The one blank
 * rule: the core, the pane and the formula range readers all call it.
 *
 * @param value a cell
 * @returns whether the cell counts as missing
 * @example isBlank(''); // => true
 */
export function isBlank(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'number' && Number.isNaN(value)) ||
    (typeof value === 'string' && value.trim() === '')
  );
}

/**
 * A cell as a finite number: numbers as they are, numeric strings parsed (`' 7 '` → 7); NaN for
 * anything else (text, booleans, ±Infinity, blanks), so the caller can name the bad cell. The one
 * number reader: column readers call it per cell (V8 inlines it; measured in bench/).
 *
 * @param value a cell
 * @returns the number, or NaN when the cell is not a finite number
 * @example cellNumber('7'); // => 7
 */
export function cellNumber(value: unknown): number {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  return Number.isFinite(number) ? number : NaN;
}

/** A cell shown in an error message: strings quoted, the rest as JavaScript prints them. */
export function showCell(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
