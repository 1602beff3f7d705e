/**
 * The Satisfaction view's outcome score (mean of the outcome's answered items) under the one
 * blank rule of core/table/cell.ts: a cell holding only spaces is a blank answer everywhere.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as aq from 'arquero';
import { runSatisfaction } from '../../../src/taskpane/analysis/satisfaction.ts';
import { guessSurveyMapping, validateSurvey } from '../../../src/taskpane/mapping/survey.ts';

const data = path.join(__dirname, '../../../data');

/** The ECSI survey with SAT1 of the first three respondents replaced by `blank`. */
function surveyWithBlank(blank: unknown) {
  const table = aq.fromCSV(fs.readFileSync(path.join(data, 'survey_ecsi_synthetic.csv'), 'utf8'));
  const sat1 = (table.array('SAT1') as unknown[]).map((v, i) => (i < 3 ? blank : v));
  return table.assign({ SAT1: sat1 });
}

test.each([' ', '  \t'])('a whitespace answer (%j) in an outcome item is a blank answer, not a 0 in the outcome mean', (space) => {
  const spaced = surveyWithBlank(space);
  const blank = surveyWithBlank(null);
  const mapping = guessSurveyMapping(spaced.columnNames(), spaced);
  expect(mapping.outcome).toBe('Satisfaction');
  expect(mapping.blocks.Satisfaction).toContain('SAT1');
  // Validation lets the spaces through as blank answers…
  expect(validateSurvey(spaced, mapping)).toEqual([]);
  // …so the analysis must read them as blank too: the same outcome score, hence the same drivers,
  // CSI and PLS results as with empty cells.
  const withSpaces = runSatisfaction(spaced, mapping);
  const withBlanks = runSatisfaction(blank, mapping);
  expect(withSpaces.drivers).not.toBeNull();
  expect(withSpaces.drivers).toEqual(withBlanks.drivers);
  expect(withSpaces.csi).toBe(withBlanks.csi);
  expect(withSpaces.pls.indices).toEqual(withBlanks.pls.indices);
});
