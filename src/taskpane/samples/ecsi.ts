/** The synthetic ECSI survey (400 respondents × 21 items, 1–10), bundled as CSV text. */
import * as aq from 'arquero';
import type { DataSource } from '../app/data-source.ts';
import text from '../../../data/survey_ecsi_synthetic.csv';

export function ecsiSample(): DataSource {
  const table = aq.fromCSV(text);
  return {
    label: `ECSI survey, synthetic (${table.numRows()} respondents)`,
    header: table.columnNames(),
    table,
    // Line 1 is the header: data row i is line i + 2.
    rowNumber: (i) => i + 2,
    origin: 'sample',
  };
}
