/**
 * Net Promoter Score: of the customers who answered "how likely are you to recommend us?" on a
 * 0–10 scale, the share of promoters (9–10) minus the share of detractors (0–6).
 */
import type { InputErrorLocation } from '../errors.ts';
import { invalid, mustBe, required } from '../messages.ts';
import { cellNumber, isBlank } from '../table/cell.ts';
import { columnValues } from '../table/column-values.ts';
import { isTable, toTable, type TableInput } from '../table/input.ts';

/** Counts behind a Net Promoter Score. */
export interface NpsBreakdown {
  /** Answers of 9 or 10. */
  promoters: number;
  /** Answers of 7 or 8. */
  passives: number;
  /** Answers of 0 to 6. */
  detractors: number;
  /** Non-blank answers (promoters + passives + detractors). */
  n: number;
  /** 100 · (promoters − detractors) / n, in −100..100. */
  nps: number;
}

/** The answers to read and how to name a position in messages. */
function answers(
  scores: ArrayLike<unknown> | TableInput,
  column: string | undefined,
): { values: ArrayLike<unknown>; where: (i: number) => InputErrorLocation } {
  if (column !== undefined || isTable(scores) || isRowObjects(scores)) {
    const table = toTable(scores, 'scores');
    let name = column;
    if (name === undefined) {
      const names = table.columnNames();
      if (names.length !== 1) {
        throw required('column', `: name the column of scores to read (the table has ${names.length} columns)`);
      }
      name = names[0];
    }
    const values = columnValues(table, name, 'column');
    const columnName = name;
    return { values, where: (i) => ({ argument: 'scores', column: columnName, row: i + 1 }) };
  }
  if (scores === null || typeof scores !== 'object' || typeof (scores as ArrayLike<unknown>).length !== 'number') {
    throw invalid('scores', 'must be an array of answers or an Arquero table column');
  }
  return { values: scores as ArrayLike<unknown>, where: (i) => ({ argument: 'scores', item: i + 1 }) };
}

function isRowObjects(scores: unknown): boolean {
  return (
    Array.isArray(scores) &&
    scores.length > 0 &&
    typeof scores[0] === 'object' &&
    scores[0] !== null &&
    !Array.isArray(scores[0])
  );
}

/**
 * Promoters, passives and detractors among the answers, and the resulting NPS. Blanks (`null`,
 * `undefined`, `''`, NaN) are skipped; every other answer must be an integer from 0 to 10.
 *
 * Reference: Reichheld (2003), "The one number you need to grow", Harvard Business Review
 * 81(12). O(n).
 *
 * @param scores a flat array of answers, or an Arquero table (or row objects) with `column`
 * @param column the column to read when `scores` is a table (optional for a one-column table)
 * @returns the counts and the score
 * @throws {InputError} when an answer is not an integer in 0..10 (naming its position, or its
 *   column and row), there is no answer at all, or a table's column is missing or not named
 * @example npsBreakdown([10, 9, 8, 6, null]);
 * // => { promoters: 2, passives: 1, detractors: 1, n: 4, nps: 25 }
 */
export function npsBreakdown(scores: ArrayLike<unknown> | TableInput, column?: string): NpsBreakdown {
  const { values, where } = answers(scores, column);
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (let i = 0; i < values.length; i++) {
    const raw = values[i];
    if (isBlank(raw)) continue;
    const value = cellNumber(raw);
    if (!Number.isInteger(value) || value < 0 || value > 10) {
      throw mustBe(where(i), 'a whole number from 0 to 10', { value: raw });
    }
    if (value >= 9) promoters++;
    else if (value >= 7) passives++;
    else detractors++;
  }
  const n = promoters + passives + detractors;
  if (n === 0) throw invalid('scores', 'has no answers', 'na');
  return { promoters, passives, detractors, n, nps: (100 * (promoters - detractors)) / n };
}

/**
 * Net Promoter Score: % promoters (answers 9–10) − % detractors (0–6) among the non-blank
 * answers, from −100 (all detractors) to 100 (all promoters).
 *
 * Reference: Reichheld (2003), "The one number you need to grow", Harvard Business Review
 * 81(12). O(n).
 *
 * @param scores a flat array of answers (integers 0..10, blanks skipped), or an Arquero table
 *   (or row objects) together with `column`
 * @param column the column to read when `scores` is a table (optional for a one-column table)
 * @returns the score, −100..100
 * @throws {InputError} as {@link npsBreakdown}
 * @example nps([10, 9, 8, 6, null]); // => 25
 */
export function nps(scores: ArrayLike<unknown>): number;
export function nps(table: TableInput, column?: string): number;
export function nps(scores: ArrayLike<unknown> | TableInput, column?: string): number {
  return npsBreakdown(scores, column).nps;
}
