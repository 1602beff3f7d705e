/** The seeded four-wave survey of "Us" and two competitors (3,600 respondents), bundled as CSV text. */
import * as aq from 'arquero';
import type { DataSource } from '../app/data-source.ts';
import text from '../../../data/survey_tracking.csv';

export function trackingSurveySample(): DataSource {
  // Parse every column as written: the wave labels stay text ("2024 Q1"), answers are numbers.
  const table = aq.fromCSV(text);
  return {
    label: `Tracking survey, synthetic (${table.numRows()} respondents, 4 waves, 3 brands)`,
    header: table.columnNames(),
    table,
    // Line 1 is the header: data row i is line i + 2.
    rowNumber: (i) => i + 2,
    origin: 'sample',
  };
}
