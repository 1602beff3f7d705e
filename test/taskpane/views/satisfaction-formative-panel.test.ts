/**
 * The formative (mode B) rows the Satisfaction view shows and writes: weight, interval ends from
 * the bootstrap, item VIF and its mark; nothing when every construct is mode A.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as aq from 'arquero';
import { plsPathModel } from '../../../src/core/index.ts';
import { guessSurveyMapping } from '../../../src/taskpane/mapping/survey.ts';
import { formativeBlocks, formativeRows, measurementText } from '../../../src/taskpane/views/satisfaction-formative-panel.ts';

const table = aq.fromCSV(fs.readFileSync(path.join(__dirname, '../../../data/survey_ecsi_synthetic.csv'), 'utf8'));
const mapping = guessSurveyMapping(table.columnNames(), table);
const model = { blocks: mapping.blocks, paths: mapping.paths };

test('mode B rows carry the weight, its bootstrap interval and the item VIF with its mark', () => {
  const fit = plsPathModel(table, { ...model, modes: { Image: 'B' } }, { bootstrap: { samples: 40, seed: 1 } });
  const rows = formativeRows(fit);
  expect(rows.map((row) => row.item)).toEqual(['IMG1', 'IMG2', 'IMG3', 'IMG4']);
  const img2 = rows[1];
  const { lower, upper } = fit.bootstrap!.weights.IMG2;
  expect(img2.weight).toBe(fit.outerWeights.IMG2);
  expect(img2.interval).toBe(`[${lower.toFixed(3)}, ${upper.toFixed(3)}]${lower <= 0 && upper >= 0 ? ' (spans 0)' : ''}`);
  expect(img2.vif).toBe(fit.quality.itemVif.find((row) => row.item === 'IMG2')!.vif);
  expect(img2.vifMark).toBe('✓');
  const [block] = formativeBlocks(fit);
  expect(block.title).toBe('Formative constructs (mode B): outer weights, 95% bootstrap percentile intervals (40 resamples, seed 1) and item VIFs');
  expect(block.header).toEqual(['construct', 'item', 'weight', 'low', 'high', 'vif']);
  expect(block.rows[1]).toEqual(['Image', 'IMG2', fit.outerWeights.IMG2, lower, upper, img2.vif]);
});

test('without a bootstrap the interval is blank; with every construct mode A there is nothing', () => {
  const fit = plsPathModel(table, { ...model, modes: { Image: 'B' } });
  expect(formativeRows(fit)[0].interval).toBe('');
  expect(formativeBlocks(fit)[0].rows[0].slice(3, 5)).toEqual(['', '']);
  const plain = plsPathModel(table, model);
  expect(formativeRows(plain)).toEqual([]);
  expect(formativeBlocks(plain)).toEqual([]);
});

test('the measurement in words names the mode B constructs that have items', () => {
  expect(measurementText(mapping)).toBe('mode A');
  expect(measurementText({ ...mapping, modes: { Image: 'B', Quality: 'B', Gone: 'B', Value: 'A' } })).toBe('mode B for Image, Quality; mode A for the rest');
});
