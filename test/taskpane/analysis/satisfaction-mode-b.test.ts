/**
 * Mode B (formative) constructs and the bootstrap in the Satisfaction view's computation:
 * runSatisfaction passes the mapping's modes and resamples to plsPathModel (seed 1), skips the
 * index of a construct with a negative weight instead of failing, and validateSurvey checks the
 * number of resamples.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as aq from 'arquero';
import { plsPathModel } from '../../../src/core/index.ts';
import { BOOTSTRAP_SEED, runSatisfaction } from '../../../src/taskpane/analysis/satisfaction.ts';
import { runConstructIpma } from '../../../src/taskpane/analysis/satisfaction-insights.ts';
import { guessSurveyMapping, validateSurvey } from '../../../src/taskpane/mapping/survey.ts';

const table = aq.fromCSV(fs.readFileSync(path.join(__dirname, '../../../data/survey_ecsi_synthetic.csv'), 'utf8'));
const guessed = guessSurveyMapping(table.columnNames(), table);

test('modes and bootstrap reach plsPathModel: the same fit as calling the core directly', () => {
  const mapping = { ...guessed, modes: { Image: 'B' as const, Quality: 'B' as const }, bootstrapSamples: 30 };
  expect(validateSurvey(table, mapping)).toEqual([]);
  const { pls } = runSatisfaction(table, mapping);
  const direct = plsPathModel(
    table,
    { blocks: guessed.blocks, paths: guessed.paths, modes: { Image: 'B', Quality: 'B' } },
    { scaleMin: guessed.scale.min, scaleMax: guessed.scale.max, bootstrap: { samples: 30, seed: BOOTSTRAP_SEED } },
  );
  expect(pls.outerWeights).toEqual(direct.outerWeights);
  expect(pls.bootstrap).toEqual(direct.bootstrap);
  expect(pls.quality.formative.map((row) => row.construct)).toEqual(['Image', 'Quality']);
  for (const row of pls.quality.formative) for (const item of row.weights) expect(item.low).toBeLessThan(item.high!);
});

test('without modes or resamples: every construct mode A and no bootstrap, as before', () => {
  const { pls } = runSatisfaction(table, guessed);
  expect(pls.quality.formative).toEqual([]);
  expect(pls.bootstrap).toBeUndefined();
});

test('a mode B construct with a negative weight loses its index (and the IPMA that needs it), not the whole fit', () => {
  const reversed = table.derive({ IMG4: aq.escape((d: { IMG4: number }) => 11 - d.IMG4) });
  const mapping = { ...guessSurveyMapping(reversed.columnNames(), reversed), modes: { Image: 'B' as const } };
  const { pls } = runSatisfaction(reversed, mapping);
  expect(pls.outerWeights.IMG4).toBeLessThan(0);
  expect(Object.hasOwn(pls.indices, 'Image')).toBe(false);
  expect(Object.hasOwn(pls.indices, 'Satisfaction')).toBe(true);
  // Image has an effect on Loyalty, the IPMA target, and no index: no IPMA rather than an error.
  expect(runConstructIpma(pls, mapping)).toBeNull();
});

test.each([
  [1, 'Bootstrap resamples must be 0 (none) or a whole number from 2 to 5000 (it is 1).'],
  [2.5, 'Bootstrap resamples must be 0 (none) or a whole number from 2 to 5000 (it is 2.5).'],
  [5001, 'Bootstrap resamples must be 0 (none) or a whole number from 2 to 5000 (it is 5001).'],
  [NaN, 'Bootstrap resamples must be 0 (none) or a whole number from 2 to 5000 (it is blank).'],
])('bootstrap resamples %p is refused with a message', (samples, message) => {
  expect(validateSurvey(table, { ...guessed, bootstrapSamples: samples })).toEqual([message]);
});
