/**
 * Net Promoter Score: of the customers who answered "how likely are you to recommend us?" on a
 * 0–10 scale, the share of promoters (9–10) minus the share of detractors (0–6).
 */
import { InputError } from '../errors.ts';
import { cellNumber, isBlank, showCell } from '../table/cell.ts';
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
): { values: ArrayLike<unknown>; where: (i: number) => string } {
  if (column !== undefined || isTable(scores) || isRowObjects(scores)) {
    const table = toTable(scores, 'scores');
    let name = column;
    if (name === undefined) {
      const names = table.columnNames();
      if (names.length !== 1) {
        throw new InputError(
          `scores: name the column to read (the table has ${names.length} columns)`,
          { argument: 'column' },
        );
      }
      name = names[0];
    }
    const values = columnValues(table, name, 'column');
    const label = JSON.stringify(name);
    return { values, where: (i) => `column ${label} row ${i + 1}` };
  }
  if (scores === null || typeof scores !== 'object' || typeof (scores as ArrayLike<unknown>).length !== 'number') {
    throw new InputError('scores must be an array of answers or an Arquero table column', {
      argument: 'scores',
    });
  }
  return { values: scores as ArrayLike<unknown>, where: (i) => `position ${i + 1}` };
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
      throw new InputError(
        `scores: ${where(i)} is ${showCell(raw)}, expected an integer from 0 to 10`,
        { argument: 'scores' },
      );
    }
    if (value >= 9) promoters++;
    else if (value >= 7) passives++;
    else detractors++;
  }
  const n = promoters + passives + detractors;
  if (n === 0) throw new InputError('scores has no answers', { code: 'na', argument: 'scores' });
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
