/**
 * Reads the numeric item columns of a survey into one column-major Float64Array, dropping
 * respondents with a missing answer in any of them (listwise deletion, the default of PLS and
 * driver software), and says which rows went.
 */
import { blankCell, invalid, notANumber } from '../messages.ts';
import { isBlank } from '../table/cell.ts';
import { requireColumn, toTable, type ColumnTable } from '../table/input.ts';

export type MissingPolicy = 'listwise' | 'error';

export interface SurveyColumns {
  /** n × p answers, column-major: `data[j * n + i]` is respondent i's answer to column j. */
  data: Float64Array;
  /** Respondents kept. */
  n: number;
  /** Rows in the input. */
  totalRows: number;
  /** 0-based indices of the input rows dropped for a missing answer. */
  droppedRows: number[];
}

/**
 * A column's values in row order. `table.array` copies into a generic Array (≈ 50 ms per million
 * values); an unfiltered, unordered table's own typed array or Array is used as is.
 */
function columnValues(table: ColumnTable, name: string): ArrayLike<unknown> {
  if (!table.isFiltered() && !table.isOrdered()) {
    const column = table.column(name) as unknown;
    if (Array.isArray(column) || (ArrayBuffer.isView(column) && !(column instanceof DataView))) {
      return column as ArrayLike<unknown>;
    }
  }
  return table.array(name) as ArrayLike<unknown>;
}

/**
 * @param input an Arquero table or an array of row objects
 * @param columns the columns to read, in order
 * @param argument the argument that named the columns, for messages
 * @param missing `'listwise'` drops rows with a blank; `'error'` rejects them
 * @throws {InputError} for a missing column, a non-numeric answer, a blank under
 *   `missing: 'error'`, or fewer than 3 complete rows
 */
export function readSurveyColumns(
  input: unknown,
  columns: string[],
  argument: string,
  missing: MissingPolicy = 'listwise',
): SurveyColumns {
  const table = toTable(input, 'table');
  for (const column of columns) requireColumn(table, column, argument);
  const totalRows = table.numRows();
  const p = columns.length;
  const raw = new Float64Array(totalRows * p);
  const keep = new Uint8Array(totalRows).fill(1);
  for (let j = 0; j < p; j++) {
    const values = columnValues(table, columns[j]);
    const offset = j * totalRows;
    for (let i = 0; i < totalRows; i++) {
      const value = values[i];
      if (typeof value === 'number' && Number.isFinite(value)) {
        raw[offset + i] = value;
      } else if (isBlank(value)) {
        if (missing === 'error') {
          throw blankCell({ argument, column: columns[j], row: i + 1 }, " (missing values are not allowed with missing: 'error')");
        }
        keep[i] = 0;
      } else {
        const number = typeof value === 'string' ? Number(value) : NaN;
        if (!Number.isFinite(number)) {
          throw notANumber({ argument, column: columns[j], row: i + 1 }, value);
        }
        raw[offset + i] = number;
      }
    }
  }
  const droppedRows: number[] = [];
  for (let i = 0; i < totalRows; i++) if (!keep[i]) droppedRows.push(i);
  const n = totalRows - droppedRows.length;
  if (n < 3) {
    throw invalid(argument, `: at least 3 complete rows are needed (${n} of ${totalRows} rows have no blank)`, 'num');
  }
  if (droppedRows.length === 0) return { data: raw, n, totalRows, droppedRows };
  const data = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    let r = 0;
    for (let i = 0; i < totalRows; i++) if (keep[i]) data[j * n + r++] = raw[j * totalRows + i];
  }
  return { data, n, totalRows, droppedRows };
}
