/**
 * The Satisfaction view's comments panel, as the analysis worker prepares it: which columns hold
 * open text, which can group the comments, and the distinctive terms of the first choice. A
 * failure to compare (e.g. a group column with one group) is a result the panel shows, not an
 * error that stops the view, so it comes back as the Error itself.
 */
import type { DistinctiveTerm } from '../../core/index.ts';
import type { ColumnTable } from '../excel/cell-values.ts';
import { commentColumns, runComments } from './satisfaction-insights.ts';

export interface CommentsStart {
  /** Columns of open text, best guess first. */
  columns: string[];
  /** The other columns (what can split the comments into groups). */
  groupColumns: string[];
  /** The first choice: the best-guess comment column, and the recommend item (else the first other column). */
  comment: string;
  group: string;
  terms: DistinctiveTerm[] | Error;
}

/** The terms of one choice, or why there are none. */
export function commentTerms(table: ColumnTable, comment: string, group: string): DistinctiveTerm[] | Error {
  try {
    return runComments(table, comment, group);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Null when no column holds open text (the panel is then left out). */
export function commentsStart(table: ColumnTable, npsItem: string | null): CommentsStart | null {
  const columns = commentColumns(table);
  if (columns.length === 0) return null;
  const groupColumns = table.columnNames().filter((c) => !columns.includes(c));
  const group = npsItem ?? groupColumns[0] ?? '';
  return { columns, groupColumns, comment: columns[0], group, terms: commentTerms(table, columns[0], group) };
}
