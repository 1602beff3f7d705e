/**
 * Reading survey answers for the satisfaction formulas: respondents in rows, items in columns,
 * with an optional header row of item names (recognised when every cell of the first row is
 * text). Blank cells are missing answers (`null`), for the core's listwise deletion.
 */
import { invalid } from '../core/messages.ts';
import { isBlank, numberMatrix, requireRangeSize } from './ranges.ts';

export interface SurveyRange {
  /** Item names: the header row, or "<label> 1", "<label> 2", … */
  names: string[];
  /** Answers, one row per respondent, `null` for a blank. */
  rows: (number | null)[][];
}

function isHeader(row: unknown[]): boolean {
  return row.length > 0 && row.every((cell) => typeof cell === 'string' && cell.trim() !== '');
}

/**
 * @param range the range as Excel hands it over
 * @param argument the argument's name, for messages
 * @param label the stem of default names ("driver" → "driver 1")
 * @throws {InputError} on duplicate header names, or cells that are not numbers (naming the cell)
 */
export function surveyRange(range: unknown, argument: string, label: string): SurveyRange {
  const cells = Array.isArray(range) ? (range as unknown[][]) : [[range]];
  if (Array.isArray(cells[0])) requireRangeSize(cells, argument);
  const header = cells.length > 1 && Array.isArray(cells[0]) && isHeader(cells[0]);
  const body = header ? cells.slice(1) : cells;
  if (body.length === 0 || body.every((row) => row.every(isBlank))) {
    throw invalid(argument, `has no answers`);
  }
  const width = body[0].length;
  const names = header
    ? (cells[0] as string[]).map((name) => name.trim())
    : Array.from({ length: width }, (_, j) => (width === 1 ? label : `${label} ${j + 1}`));
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw invalid(argument, `: the header names "${name}" twice`);
    seen.add(name);
  }
  // Parse the header row as blanks, so that messages count rows within the range as selected.
  const parsed = numberMatrix(header ? [cells[0].map(() => null), ...body] : body, argument, header ? names : undefined);
  return { names, rows: header ? parsed.slice(1) : parsed };
}
