/**
 * Column access for the lifetime functions, which accept an Arquero table or an array of row
 * objects. Row arrays are read directly (no Arquero table is built), which matters for a
 * million-row transaction log.
 */
import { InputError } from '../errors.ts';
import { isTable } from '../table/input.ts';

export type RowsOrTable = Record<string, unknown>[] | { numRows(): number; array(name: string): ArrayLike<unknown>; columnNames(): string[] };

/**
 * The values of one column.
 *
 * @throws {InputError} when the input is neither a table nor an array, or lacks the column
 */
export function columnValues(input: unknown, column: string, argument: string): ArrayLike<unknown> {
  if (isTable(input)) {
    const names = input.columnNames();
    if (!names.includes(column)) {
      throw new InputError(`${argument}: column "${column}" not found (columns: ${names.join(', ')})`, {
        code: 'na',
        argument,
      });
    }
    // Arquero's array() copies into a plain Array row by row; an unfiltered, unordered table's
    // own column (often a typed array) is read directly instead.
    const table = input as unknown as { isFiltered(): boolean; isOrdered(): boolean; column(name: string): unknown };
    const data = table.column(column);
    if (!table.isFiltered() && !table.isOrdered() && (Array.isArray(data) || ArrayBuffer.isView(data))) {
      return data as ArrayLike<unknown>;
    }
    return input.array(column) as ArrayLike<unknown>;
  }
  if (Array.isArray(input)) {
    if (input.length > 0 && !input.some((row) => row !== null && typeof row === 'object' && column in row)) {
      const first = input[0] as Record<string, unknown>;
      throw new InputError(
        `${argument}: column "${column}" not found (columns: ${Object.keys(first ?? {}).join(', ')})`,
        { code: 'na', argument },
      );
    }
    const out = new Array<unknown>(input.length);
    for (let i = 0; i < input.length; i++) {
      const row = input[i] as Record<string, unknown> | null;
      out[i] = row === null || typeof row !== 'object' ? undefined : row[column];
    }
    return out;
  }
  throw new InputError(`${argument} must be an Arquero table or an array of row objects`, { argument });
}

/** Number of rows of a table or row array. */
export function rowCount(input: unknown): number {
  if (isTable(input)) return input.numRows();
  if (Array.isArray(input)) return input.length;
  return 0;
}

/**
 * A numeric column as a Float64Array; numeric strings are accepted.
 *
 * @throws {InputError} naming the column and the 1-based row of the first value that is not a
 *   finite number (blank included)
 */
export function numbersOf(values: ArrayLike<unknown>, column: string, argument: string): Float64Array {
  if (values instanceof Float64Array) {
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) notANumber(values[i], i, column, argument);
    }
    return values;
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const number =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && value.trim() !== ''
          ? Number(value)
          : NaN;
    if (!Number.isFinite(number)) notANumber(value, i, column, argument);
    out[i] = number;
  }
  return out;
}

function notANumber(value: unknown, i: number, column: string, argument: string): never {
  throw new InputError(
    `${argument}: column "${column}" row ${i + 1} is not a number (${JSON.stringify(value) ?? String(value)})`,
    { argument },
  );
}
