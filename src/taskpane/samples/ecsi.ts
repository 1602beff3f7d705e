/**
 * The synthetic ECSI survey (400 respondents × 21 items, 1–10), bundled as CSV text, with its
 * open comments and 0–10 recommend answers (data/survey_ecsi_comments.csv, same row order).
 */
import * as aq from 'arquero';
import type { DataSource } from '../app/data-source.ts';
import text from '../../../data/survey_ecsi_synthetic.csv';
import commentsText from '../../../data/survey_ecsi_comments.csv';

export function ecsiSample(): DataSource {
  const survey = aq.fromCSV(text);
  const comments = aq.fromCSV(commentsText, { parse: { comment: String, language: String } });
  const table = survey.assign(comments.select('recommend', 'comment'));
  return {
    label: `ECSI survey, synthetic (${table.numRows()} respondents, with comments)`,
    header: table.columnNames(),
    table,
    // Line 1 is the header: data row i is line i + 2.
    rowNumber: (i) => i + 2,
    origin: 'sample',
  };
}
