import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { distinctiveTerms } from '../../../src/core/satisfaction/distinctive-terms.ts';

// data/survey_ecsi_comments.csv, written by scripts/generate-survey-comments.ts from the survey.
const data = join(__dirname, '..', '..', '..', 'data');
const comments = aq.fromCSV(readFileSync(join(data, 'survey_ecsi_comments.csv'), 'utf8'), { parse: { comment: String, language: String } });
const survey = aq.fromCSV(readFileSync(join(data, 'survey_ecsi_synthetic.csv'), 'utf8'));

describe('the sample survey’s comment column', () => {
  test('one row per survey respondent, recommend 0–10, English and Chinese comments', () => {
    expect(comments.numRows()).toBe(survey.numRows());
    expect(comments.array('respondent')).toEqual(Array.from({ length: survey.numRows() }, (_, i) => i + 1));
    const recommend = comments.array('recommend') as number[];
    expect(recommend.every((v) => Number.isInteger(v) && v >= 0 && v <= 10)).toBe(true);
    const languages = new Set(comments.array('language') as string[]);
    expect(languages).toEqual(new Set(['en', 'zh', null])); // null: no comment
  });

  test('detractors’ words come from complaints, promoters’ from praise', () => {
    const rows = distinctiveTerms(comments.array('comment'), comments.array('recommend'), { top: 5, minCount: 3 });
    const detractor = rows.filter((row) => row.group === 'Detractors').map((row) => row.term);
    const promoter = rows.filter((row) => row.group === 'Promoters').map((row) => row.term);
    expect(detractor.length).toBeGreaterThan(0);
    expect(promoter.length).toBeGreaterThan(0);
    const praise = /fast|great|friendly|excellent|good|easy|quick|always|recommend|solved|快|热情|好|高|周到|推荐/;
    const complaint = /slow|late|never|rude|expensive|crash|weeks|poor|broke|hidden|nobody|hold|not|慢|差|贵|不|没|破损|一般|还/;
    expect(promoter.filter((term) => praise.test(term)).length).toBeGreaterThanOrEqual(Math.ceil(promoter.length / 2));
    expect(detractor.filter((term) => complaint.test(term) || !praise.test(term)).length).toBeGreaterThanOrEqual(Math.ceil(detractor.length / 2));
  });
});
