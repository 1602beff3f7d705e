import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { plsPathModel, type PlsModel } from '../../../src/core/satisfaction/pls-path-model.ts';
import { errorOf } from '../error-of.ts';
import { HOSTILE_NAMES, withOwn } from '../hostile-names.ts';

// Mode B (formative composite) outer weights, src/core/satisfaction/pls-algorithm.ts.
// Source: test/fixtures/pls_mode_b_reference.json, written by test/fixtures/pls_mode_b_reference.py
// (numpy, textbook PLS-PM on the respondent-level data with OLS mode B weights, independent of
// the correlation-matrix algorithm here) for the ECSI model on test/fixtures/survey_ecsi_synthetic.csv
// with Image and Quality in mode B.
const fixtures = join(__dirname, '..', '..', 'fixtures');
const survey = aq.fromCSV(readFileSync(join(fixtures, 'survey_ecsi_synthetic.csv'), 'utf8'));
const ecsi = JSON.parse(readFileSync(join(fixtures, 'survey_ecsi_synthetic.reference.json'), 'utf8')).model as PlsModel;
const python = JSON.parse(readFileSync(join(fixtures, 'pls_mode_b_reference.json'), 'utf8'));
const modeB: PlsModel = { blocks: ecsi.blocks, paths: ecsi.paths, modes: python.modes };

type Nested = number | { [key: string]: Nested };
function flat(value: Nested, prefix = ''): Map<string, number> {
  const out = new Map<string, number>();
  if (typeof value === 'number') out.set(prefix, value);
  else for (const [key, inner] of Object.entries(value)) flat(inner, `${prefix}/${key}`).forEach((v, k) => out.set(k, v));
  return out;
}
/** Largest |ours − reference| over the same keys (and the key sets must agree). */
function maxDeviation(ours: Nested, expected: Nested): number {
  const a = flat(ours);
  const b = flat(expected);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  let worst = 0;
  b.forEach((value, key) => (worst = Math.max(worst, Math.abs(a.get(key)! - value))));
  return worst;
}

describe('plsPathModel with mode B constructs', () => {
  for (const scheme of ['path', 'centroid'] as const) {
    test(`${scheme} scheme matches the independent numpy reference to 1e-8`, () => {
      const fit = plsPathModel(survey, modeB, { scheme });
      const expected = python.results[scheme];
      expect(fit.converged).toBe(true);
      expect(fit.iterations).toBe(expected.iterations);
      expect(maxDeviation(fit.outerWeights, expected.outerWeights)).toBeLessThan(1e-8);
      expect(maxDeviation(fit.loadings, expected.loadings)).toBeLessThan(1e-8);
      expect(maxDeviation(fit.pathCoefficients, expected.pathCoefficients)).toBeLessThan(1e-8);
      expect(maxDeviation(fit.rSquared, expected.rSquared)).toBeLessThan(1e-8);
    });
  }

  test('mode B weights differ from mode A ones, and listing every construct as mode A changes nothing', () => {
    const plain = plsPathModel(survey, ecsi);
    const allA = plsPathModel(survey, { ...ecsi, modes: Object.fromEntries(Object.keys(ecsi.blocks).map((c) => [c, 'A'])) });
    expect(allA.outerWeights).toEqual(plain.outerWeights);
    expect(allA.pathCoefficients).toEqual(plain.pathCoefficients);
    const formative = plsPathModel(survey, modeB);
    expect(Math.abs(formative.outerWeights.IMG2 - plain.outerWeights.IMG2)).toBeGreaterThan(0.1);
    // Blocks in mode A keep the mode A rule but move with their neighbours' new scores.
    expect(formative.outerWeights.SAT1).not.toBe(plain.outerWeights.SAT1);
  });

  test('two mode B blocks joined by one path give the first canonical correlation (Wold 1982)', () => {
    const { from, to, correlation } = python.canonical;
    const fit = plsPathModel(
      survey,
      { blocks: { Image: from, Loyalty: to }, paths: [['Image', 'Loyalty']], modes: { Image: 'B', Loyalty: 'B' } },
      { tolerance: 1e-13, maxIterations: 1000 },
    );
    expect(fit.converged).toBe(true);
    expect(Math.abs(Math.abs(fit.pathCoefficients.Image.Loyalty) - correlation)).toBeLessThan(1e-8);
    // A mode B score is a composite: unit variance, and no loading exceeds 1.
    for (const item of [...from, ...to]) expect(Math.abs(fit.loadings[item])).toBeLessThanOrEqual(1 + 1e-12);
  });

  test('a collinear mode B block is an InputError naming the construct', () => {
    const rows = survey.objects().map((row) => {
      const r = row as Record<string, number>;
      return { ...r, QUA6: r.QUA1 + r.QUA2 };
    });
    const model: PlsModel = {
      blocks: { ...ecsi.blocks, Quality: [...ecsi.blocks.Quality, 'QUA6'] },
      paths: ecsi.paths,
      modes: { Quality: 'B' },
    };
    const error = errorOf(() => plsPathModel(rows, model));
    expect(error.message).toMatch(/mode B construct "Quality" are collinear/);
    expect(error.argument).toBe('modes');
    // The same block in mode A is estimable (collinear items only inflate its item VIF).
    expect(plsPathModel(rows, { ...model, modes: undefined }).converged).toBe(true);
  });

  test('bad modes are InputErrors naming the construct', () => {
    expect(errorOf(() => plsPathModel(survey, { ...ecsi, modes: { Nope: 'B' } })).message).toBe(
      'modes: construct "Nope" is not in blocks',
    );
    expect(
      errorOf(() => plsPathModel(survey, { ...ecsi, modes: { Image: 'C' as 'A' } })).message,
    ).toBe(`modes: construct "Image" has mode "C"; use 'A' or 'B'`);
    expect(errorOf(() => plsPathModel(survey, { ...ecsi, modes: ['B'] as unknown as PlsModel['modes'] })).argument).toBe('modes');
  });

  test('constructs named like Object members can be mode B (names are data)', () => {
    const [first, second] = HOSTILE_NAMES;
    const renamed: PlsModel = {
      blocks: withOwn([
        [first, ecsi.blocks.Image],
        [second, ecsi.blocks.Loyalty],
      ]),
      paths: [[first, second]],
      modes: withOwn([[first, 'B' as const]]),
    };
    const plain: PlsModel = {
      blocks: { Image: ecsi.blocks.Image, Loyalty: ecsi.blocks.Loyalty },
      paths: [['Image', 'Loyalty']],
      modes: { Image: 'B' },
    };
    const ours = plsPathModel(survey, renamed);
    const theirs = plsPathModel(survey, plain);
    expect(ours.pathCoefficients[first][second]).toBe(theirs.pathCoefficients.Image.Loyalty);
    expect(ours.outerWeights.IMG2).toBe(theirs.outerWeights.IMG2);
  });
});
