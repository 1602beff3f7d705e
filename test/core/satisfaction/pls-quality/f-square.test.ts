import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { plsPathModel } from '../../../../src/core/satisfaction/pls-path-model.ts';

const fixtures = join(__dirname, '..', '..', '..', 'fixtures');
const survey = aq.fromCSV(readFileSync(join(fixtures, 'survey_ecsi_synthetic.csv'), 'utf8'));

describe('f² (Cohen; re-estimation as seminr)', () => {
  test('a lone antecedent: R²_excluded = 0, so f² = R² / (1 − R²)', () => {
    const fit = plsPathModel(survey, { blocks: { Q: ['QUA1', 'QUA2', 'QUA3'], S: ['SAT1', 'SAT2', 'SAT3'] }, paths: [['Q', 'S']] });
    const r2 = fit.rSquared.S;
    expect(fit.quality.fSquare).toEqual([{ from: 'Q', to: 'S', value: expect.any(Number) }]);
    expect(fit.quality.fSquare[0].value).toBeCloseTo(r2 / (1 - r2), 12);
  });

  test('dropping a path that isolates a construct = the model without that construct', () => {
    // I → S, Q → S, S → L. Without I → S, Image is in no path: R²_excluded of S is the R² of the
    // model Q → S, S → L, fitted independently here.
    const blocks = { I: ['IMG1', 'IMG2', 'IMG3'], Q: ['QUA1', 'QUA2', 'QUA3', 'QUA4'], S: ['SAT1', 'SAT2', 'SAT3'], L: ['LOY1', 'LOY3'] };
    const full = plsPathModel(survey, { blocks, paths: [['I', 'S'], ['Q', 'S'], ['S', 'L']] });
    const { I: _i, ...rest } = blocks;
    const reduced = plsPathModel(survey, { blocks: rest, paths: [['Q', 'S'], ['S', 'L']] });
    const included = full.rSquared.S;
    const row = full.quality.fSquare.find((r) => r.from === 'I' && r.to === 'S')!;
    expect(row.value).toBeCloseTo((included - reduced.rSquared.S) / (1 - included), 12);
    // And dropping Q → S likewise equals the model without Quality.
    const { Q: _q, ...withoutQ } = blocks;
    const noQ = plsPathModel(survey, { blocks: withoutQ, paths: [['I', 'S'], ['S', 'L']] });
    const rowQ = full.quality.fSquare.find((r) => r.from === 'Q' && r.to === 'S')!;
    expect(rowQ.value).toBeCloseTo((included - noQ.rSquared.S) / (1 - included), 12);
  });
});
