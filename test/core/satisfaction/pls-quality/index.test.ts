import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { plsPathModel, type PlsModel } from '../../../../src/core/satisfaction/pls-path-model.ts';

// Source: test/fixtures/survey_ecsi_synthetic.quality.json, copied from /work/shared/data:
// measurement quality of the ECSI model on the synthetic survey with seminr's definitions,
// computed by an independent implementation validated against seminr's test fixtures (max diff
// 1.6e-13) and against seminr's own R functions run on this data (max diff 2.5e-14).
const fixtures = join(__dirname, '..', '..', '..', 'fixtures');
const survey = aq.fromCSV(readFileSync(join(fixtures, 'survey_ecsi_synthetic.csv'), 'utf8'));
const reference = JSON.parse(readFileSync(join(fixtures, 'survey_ecsi_synthetic.quality.json'), 'utf8'));
const expected = reference.results;
const model: PlsModel = { blocks: reference.spec.blocks, paths: reference.spec.paths };
const fit = plsPathModel(survey, model);
const quality = fit.quality;

/** Largest |ours − reference| over a list of [ours, reference] pairs; fails on a missing value. */
function worst(pairs: [number | null | undefined, number][]): number {
  let max = 0;
  for (const [ours, theirs] of pairs) {
    expect(typeof ours).toBe('number');
    expect(typeof theirs).toBe('number');
    max = Math.max(max, Math.abs((ours as number) - theirs));
  }
  return max;
}

describe('plsPathModel(...).quality on the ECSI reference (seminr definitions)', () => {
  test('α, ρ_A, ρ_C, AVE for every construct', () => {
    expect(quality.constructs.map((row) => row.construct)).toEqual(reference.spec.constructs);
    const pairs: [number, number][] = [];
    for (const row of quality.constructs) {
      const ref = expected.reliability[row.construct];
      pairs.push([row.alpha, ref.alpha], [row.rhoA, ref.rhoA], [row.rhoC, ref.rhoC], [row.ave, ref.AVE]);
    }
    expect(pairs).toHaveLength(28);
    expect(worst(pairs)).toBeLessThan(1e-10);
    // Complaints has one item: every measure is 1 (seminr's rule).
    expect(quality.constructs.find((row) => row.construct === 'Complaints')).toEqual({
      construct: 'Complaints', alpha: 1, rhoA: 1, rhoC: 1, ave: 1,
    });
  });

  test('HTMT on absolute item correlations (IMG2–QUA4 is negative, so Image|Quality differs from the signed variant)', () => {
    expect(quality.htmt).toHaveLength(21);
    const pairs = quality.htmt.map((row): [number | null, number] => [row.value, expected.htmt[`${row.from}|${row.to}`]]);
    expect(worst(pairs)).toBeLessThan(1e-10);
    const imageQuality = quality.htmt.find((row) => row.from === 'Image' && row.to === 'Quality')!;
    expect(imageQuality.value).not.toBeCloseTo(expected.htmt_signed_correlations['Image|Quality'], 4);
    expect(imageQuality.low).toBeUndefined();
  });

  test('Fornell–Larcker: construct correlations with √AVE on the diagonal', () => {
    const { constructs, matrix, checks } = quality.fornellLarcker;
    const pairs: [number, number][] = [];
    constructs.forEach((a, i) => constructs.forEach((b, j) => pairs.push([matrix[i][j], expected.fornell_larcker[a][b]])));
    expect(pairs).toHaveLength(49);
    expect(worst(pairs)).toBeLessThan(1e-10);
    for (const check of checks) {
      const ref = expected.fornell_larcker_check[check.construct];
      expect(check.sqrtAve).toBeCloseTo(ref.sqrt_AVE, 10);
      expect(check.maxCorrelation).toBeCloseTo(ref.max_abs_correlation, 10);
      expect(check.passes).toBe(ref.sqrt_AVE_exceeds);
    }
  });

  test('item VIFs and inner (antecedent) VIFs; a lone antecedent has none (seminr NA)', () => {
    expect(quality.itemVif).toHaveLength(21);
    expect(worst(quality.itemVif.map((row) => [row.vif, expected.item_vifs[row.construct][row.item]]))).toBeLessThan(1e-10);
    const inner = quality.innerVif;
    const refRows = Object.entries(expected.antecedent_vifs as Record<string, Record<string, number | null>>).flatMap(
      ([construct, predictors]) => Object.entries(predictors).map(([predictor, vif]) => ({ construct, predictor, vif })),
    );
    expect(inner).toHaveLength(refRows.length);
    for (const ref of refRows) {
      const row = inner.find((r) => r.construct === ref.construct && r.predictor === ref.predictor)!;
      if (ref.vif === null) expect(row.vif).toBeNull();
      else expect(Math.abs(row.vif! - ref.vif)).toBeLessThan(1e-10);
    }
  });

  test('f² by re-estimating the model without each path (not the same-scores shortcut)', () => {
    expect(quality.fSquare).toHaveLength(12);
    const pairs = quality.fSquare.map((row): [number | null, number] => [row.value, expected.f_squared[`${row.from}->${row.to}`]]);
    expect(worst(pairs)).toBeLessThan(1e-10);
    const shortcut = quality.fSquare.find((row) => row.from === 'Satisfaction' && row.to === 'Loyalty')!;
    expect(Math.abs(shortcut.value! - expected.f_squared_same_scores['Satisfaction->Loyalty'])).toBeGreaterThan(1e-3);
  });

  test('quality is computed on first read, kept, and listed with the other fields', () => {
    const fresh = plsPathModel(survey, model);
    expect(Object.keys(fresh)).toContain('quality');
    const first = fresh.quality;
    expect(fresh.quality).toBe(first);
    expect(JSON.parse(JSON.stringify(fresh)).quality.constructs).toHaveLength(7);
  });

  // Bootstrap HTMT intervals: checked exactly (same resamples, 1e-9) against the numpy reference
  // in test/core/satisfaction/pls-bootstrap.test.ts.
});
