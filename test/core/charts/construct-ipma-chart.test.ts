import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { constructIpmaChart } from '../../../src/core/charts/construct-ipma-chart.ts';
import { constructIpma } from '../../../src/core/satisfaction/construct-ipma.ts';
import { plsPathModel } from '../../../src/core/satisfaction/pls-path-model.ts';
import { compileQuietly } from './compile-quietly.ts';

jest.mock('vega', () => jest.requireActual('vega-util'));

const fixtures = join(__dirname, '..', '..', 'fixtures');
const survey = aq.fromCSV(readFileSync(join(fixtures, 'survey_ecsi_synthetic.csv'), 'utf8'));
const reference = JSON.parse(readFileSync(join(fixtures, 'survey_ecsi_synthetic.reference.json'), 'utf8'));

describe('constructIpmaChart', () => {
  test('compiles without warnings; every driver plotted; titles name the target', () => {
    const ipma = constructIpma(plsPathModel(survey, reference.model), 'Loyalty');
    const spec = constructIpmaChart(ipma);
    expect(spec.title).toBe('Importance–performance map: Loyalty'); // the @example
    const { messages } = compileQuietly(spec);
    expect(messages).toEqual([]);
    const text = JSON.stringify(spec);
    for (const row of ipma.rows) expect(text).toContain(`"name":"${row.construct}"`);
    expect(text).toContain('Importance (unstandardized total effect on Loyalty)');
    expect(text).toContain(`"performance":${ipma.performanceLine}`);
    expect(JSON.stringify(constructIpmaChart(ipma, { title: 'IPMA', width: 300 }))).toContain('"width":300');
  });
});
