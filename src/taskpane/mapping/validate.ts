/**
 * Checks a mapping before any analysis runs, so the pane can say what is wrong with which column
 * and row: `Column "Amount", row 14 is not a number (got "n/a")` — the cell located by the core's
 * `formatLocation`, so it reads as a formula's message does. Rows are the sheet's row numbers
 * when the data came from Excel (`rowNumber`), otherwise data rows counted from 1.
 */
import { cellNumber, isBlank, showCell } from '../../core/table/cell.ts';
import { dayNumber } from '../../core/time/day-number.ts';
import { formatLocation, isInputError } from '../../core/index.ts';
import { notANumber, outsideScale } from '../../core/messages.ts';
import type { ColumnTable } from '../excel/cell-values.ts';
import type { Mapping, Role } from './roles.ts';

/** How a cell reads: blank, a number, a date string (ISO / yyyymmdd text), or text. */
export function cellKind(value: unknown): 'blank' | 'number' | 'date' | 'text' {
  if (isBlank(value)) return 'blank';
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : 'text';
  if (value instanceof Date) return 'date';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value.trim())) return 'date';
  return Number.isFinite(cellNumber(value)) ? 'number' : 'text';
}

export interface ValidationOptions {
  /** The sheet row of data row i (0-based); default i + 1. */
  rowNumber?: (i: number) => number;
  /** Survey scale bounds for item columns. */
  scale?: { min: number; max: number };
  /** Blank cells are fine (survey answers: a blank is a skipped question). */
  blankOk?: boolean;
}

/** A location starting a line in the pane: its first letter upper case. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Problem with one cell (what follows its location), or null. */
function cellProblem(value: unknown, kind: Role['kind'], options: ValidationOptions): string | null {
  if (isBlank(value)) return kind === 'label' || options.blankOk ? null : 'is blank';
  if (kind === 'number') {
    const x = cellNumber(value);
    if (Number.isNaN(x)) return notANumber({}, value).message;
    if (options.scale && (x < options.scale.min || x > options.scale.max)) {
      return outsideScale({}, x, options.scale.min, options.scale.max).message;
    }
    return null;
  }
  if (kind === 'date') {
    try {
      dayNumber(value, 'date');
      return null;
    } catch (error) {
      // The core's own words for the cell (the value and the date forms it reads), without its location.
      if (isInputError(error) && error.problem !== undefined) return error.problem;
      return `is not a date (got ${showCell(value)})`;
    }
  }
  return null;
}

/**
 * The first problem in a column, with a count of the other bad rows.
 *
 * @returns a message like `Column "Amount", row 14 is not a number (got "n/a") (and 3 more rows)`, or null
 */
export function columnProblem(table: ColumnTable, column: string, kind: Role['kind'], options: ValidationOptions = {}): string | null {
  const values = table.array(column) as ArrayLike<unknown>;
  const row = options.rowNumber ?? ((i: number) => i + 1);
  let first: string | null = null;
  let more = 0;
  for (let i = 0; i < values.length; i++) {
    const problem = cellProblem(values[i], kind, options);
    if (problem === null) continue;
    if (first === null) first = sentence(`${formatLocation({ column, row: row(i) })} ${problem}`);
    else more++;
  }
  if (first === null) return null;
  return more > 0 ? `${first} (and ${more} more row${more === 1 ? '' : 's'})` : first;
}

/**
 * Every problem with a mapping: roles without a column, a column used twice, missing columns, and
 * the first bad cell of each mapped column. An empty list means the analysis can run.
 */
export function validateMapping(table: ColumnTable, roles: readonly Role[], mapping: Mapping, options: ValidationOptions = {}): string[] {
  const problems: string[] = [];
  const columns = new Set(table.columnNames());
  const usedBy = new Map<string, string>();
  if (table.numRows() === 0) problems.push('The table has no data rows.');
  for (const role of roles) {
    const column = mapping[role.key];
    if (!column) {
      problems.push(`Choose a column for ${role.label} (${role.help}).`);
      continue;
    }
    if (!columns.has(column)) {
      problems.push(`${role.label}: there is no column "${column}".`);
      continue;
    }
    const other = usedBy.get(column);
    if (other) problems.push(`${other} and ${role.label} both use column "${column}": pick a different column for one of them.`);
    usedBy.set(column, role.label);
    const problem = columnProblem(table, column, role.kind, options);
    if (problem) problems.push(`${problem}. ${role.label} must be ${role.help}.`);
  }
  return problems;
}
