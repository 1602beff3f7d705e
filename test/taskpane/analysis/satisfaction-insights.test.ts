/**
 * The Satisfaction view's quality, IPMA, satisfaction–loyalty and comments panels on the bundled
 * sample (survey + comments), through the guessed mapping.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as aq from 'arquero';
import { constructIpma, satisfactionLoyalty } from '../../../src/core/index.ts';
import { runSatisfaction } from '../../../src/taskpane/analysis/satisfaction.ts';
import {
  commentColumns,
  ipmaTarget,
  markText,
  reliabilityRows,
  ruleText,
  runComments,
  runConstructIpma,
  runSatisfactionLoyaltyPanel,
} from '../../../src/taskpane/analysis/satisfaction-insights.ts';
import { guessSurveyMapping } from '../../../src/taskpane/mapping/survey.ts';

const data = path.join(__dirname, '../../../data');
const survey = aq.fromCSV(fs.readFileSync(path.join(data, 'survey_ecsi_synthetic.csv'), 'utf8'));
const comments = aq.fromCSV(fs.readFileSync(path.join(data, 'survey_ecsi_comments.csv'), 'utf8'), { parse: { comment: String, language: String } });
// As src/taskpane/samples/ecsi.ts joins them.
const table = survey.assign(comments.select('recommend', 'comment'));
const mapping = guessSurveyMapping(table.columnNames(), table);
const { pls } = runSatisfaction(table, mapping);

describe('satisfaction insights on the sample', () => {
  test('the comment and recommend columns are not constructs; recommend is the NPS item', () => {
    expect(Object.keys(mapping.blocks)).toEqual(['Image', 'Expectation', 'Quality', 'Value', 'Satisfaction', 'Complaints', 'Loyalty']);
    expect(mapping.npsItem).toBe('recommend');
  });

  test('reliability rows carry marks: Loyalty’s α 0.696 warns, its ρ_A passes', () => {
    const loyalty = reliabilityRows(pls).find((row) => row.construct === 'Loyalty')!;
    expect(loyalty.alphaMark).toBe('⚠');
    expect(loyalty.rhoAMark).toBe('✓');
    expect(markText('innerVif', null)).toBe('–');
    expect(ruleText('AVE', 'ave')).toBe('AVE ≥ 0.5 — Fornell & Larcker (1981)');
  });

  test('IPMA targets Loyalty and equals the core', () => {
    expect(ipmaTarget(pls, mapping)).toBe('Loyalty');
    expect(runConstructIpma(pls, mapping)).toEqual(constructIpma(pls, 'Loyalty'));
  });

  test('satisfaction–loyalty from the SAT and LOY items on the 1–10 scale (cuts 5.5)', () => {
    const result = runSatisfactionLoyaltyPanel(table, mapping)!;
    expect(result).toEqual(
      satisfactionLoyalty(table, { satisfaction: ['SAT1', 'SAT2', 'SAT3'], loyalty: ['LOY1', 'LOY2', 'LOY3'], satisfactionCut: 5.5, loyaltyCut: 5.5, satisfactionScale: [1, 10], loyaltyScale: [1, 10] }),
    );
    expect(result.rows.used).toBe(400);
  });

  test('comments: the comment column is found; detractors and promoters each get terms', () => {
    expect(commentColumns(table)).toEqual(['comment']);
    const rows = runComments(table, 'comment', 'recommend');
    expect(new Set(rows.map((row) => row.group))).toEqual(new Set(['Detractors', 'Promoters']));
  });
});
