/**
 * The Tracking view's computation on the bundled tracking survey: the numbers must be the core's
 * on the same rows, and the sentence must say what the interval and p-value say.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as aq from 'arquero';
import { csiChange, npsByGroup } from '../../../src/core/index.ts';
import { changeSentence, columnChoices, runTracking } from '../../../src/taskpane/analysis/tracking.ts';

const survey = aq.fromCSV(fs.readFileSync(path.join(__dirname, '../../../data/survey_tracking.csv'), 'utf8'));
const settings = {
  compareBy: 'wave',
  filterColumn: 'brand',
  filterValue: 'Us',
  items: ['SAT1', 'SAT2', 'SAT3'],
  npsItem: 'REC',
  scaleMin: 1,
  scaleMax: 10,
  from: '2024 Q3',
  to: '2024 Q4',
  benchmark: null,
};

test('Us, Q3 → Q4: the core’s numbers on the brand’s rows, in plain words', () => {
  const result = runTracking(survey, settings);
  const us = survey.filter((d: { brand: string }) => d.brand === 'Us');
  expect(result.rows).toBe(1200);
  expect(result.csiChange).toEqual(csiChange(us, { items: settings.items, group: 'wave', from: '2024 Q3', to: '2024 Q4' }));
  expect(result.nps!.objects()).toEqual(npsByGroup(us, { item: 'REC', group: 'wave' }).objects());
  const sentence = changeSentence(result.csiChange, 'CSI from 2024 Q3 to 2024 Q4:');
  expect(sentence).toMatch(/^CSI from 2024 Q3 to 2024 Q4: up 5\.8 points, 95% interval 3\.3 to 8\.4 \(p < 0\.001\): a real improvement\.$/);
  expect(changeSentence(result.npsChange!, 'NPS:')).toMatch(/within the noise/);
});

test('all rows, brands compared; the choices of a column in order of appearance', () => {
  expect(columnChoices(survey, 'brand')).toEqual(['Us', 'Rival A', 'Rival B']);
  const result = runTracking(survey, { ...settings, compareBy: 'brand', filterColumn: null, filterValue: null, from: 'Rival A', to: 'Us', npsItem: null });
  expect(result.rows).toBe(3600);
  expect(result.nps).toBeNull();
  expect(result.csi.array('group')).toEqual(['Us', 'Rival A', 'Rival B']);
  expect(changeSentence({ from: 'a', to: 'b', difference: -2, low: -3, high: -1, pValue: 0.0123 }, 'CSI:')).toBe(
    'CSI: down 2.0 points, 95% interval -3.0 to -1.0 (p = 0.012): a real decline.',
  );
});
