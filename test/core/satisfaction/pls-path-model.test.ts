import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { plsPathModel, type PlsModel } from '../../../src/core/satisfaction/pls-path-model.ts';
import fc from 'fast-check';
import { errorOf } from '../error-of.ts';
import { HOSTILE_NAMES, withOwn } from '../hostile-names.ts';
import { maxDeviation, type Nested } from '../max-deviation.ts';

// Source: test/fixtures/survey_ecsi_synthetic.{csv,reference.json}, copied from
// /work/shared/data: a seeded ECSI-shaped survey (400 × 21, scale 1..10) and its PLS-PM results
// for the path, centroid and factorial schemes, computed by an independent PLS-PM
// implementation that reproduces SmartPLS, seminr and semPLS on the published ECSI data to 1e-8.
const fixtures = join(__dirname, '..', '..', 'fixtures');
const survey = aq.fromCSV(readFileSync(join(fixtures, 'survey_ecsi_synthetic.csv'), 'utf8'));
const reference = JSON.parse(
  readFileSync(join(fixtures, 'survey_ecsi_synthetic.reference.json'), 'utf8'),
);
// Independent numbers from test/fixtures/satisfaction_reference.py (numpy re-implementation of
// PLS-PM and of the seeded resampling): scores of the first respondents, bootstrap inference.
const python = JSON.parse(readFileSync(join(fixtures, 'satisfaction_reference.json'), 'utf8'));
const model = reference.model as PlsModel;

describe('plsPathModel on the ECSI reference', () => {
  for (const scheme of ['path', 'centroid', 'factorial'] as const) {
    test(`${scheme} scheme matches every number of the reference`, () => {
      const fit = plsPathModel(survey, model, { scheme });
      const expected = reference.results[scheme];
      expect(fit.converged).toBe(true);
      expect(fit.scheme).toBe(scheme);
      // Unrounded numbers in the reference: agreement to 1e-10 (observed ~3e-15).
      expect(maxDeviation(fit.pathCoefficients, expected.path_coefficients)).toBeLessThan(1e-10);
      expect(maxDeviation(fit.rSquared, expected.r_squared)).toBeLessThan(1e-10);
      expect(maxDeviation(fit.outerWeights, expected.outer_weights)).toBeLessThan(1e-10);
      expect(maxDeviation(fit.loadings, expected.outer_loadings)).toBeLessThan(1e-10);
      expect(maxDeviation(fit.totalEffects, expected.total_effects)).toBeLessThan(1e-10);
      // The reference prints indices rounded to 6 dp, so they can differ by up to 5e-7.
      expect(maxDeviation(fit.indices, expected.index_0_100)).toBeLessThan(1e-6);
      expect(maxDeviation(fit.equalWeightIndices, expected.index_0_100_equal_weights)).toBeLessThan(1e-6);
      expect(fit.scale).toEqual({ min: 1, max: 10 });
    });
  }

  test('scores: standardized, correlate with indicators as the loadings, match numpy', () => {
    const fit = plsPathModel(survey, model);
    const satisfaction = fit.scores.Satisfaction;
    expect(satisfaction.length).toBe(400);
    let mean = 0;
    for (const v of satisfaction) mean += v;
    mean /= 400;
    let ss = 0;
    for (const v of satisfaction) ss += (v - mean) ** 2;
    expect(mean).toBeCloseTo(0, 12);
    expect(ss / 399).toBeCloseTo(1, 12);
    for (const construct of Object.keys(model.blocks)) {
      python.plsScoresFirst3[construct].forEach((value: number, i: number) =>
        expect(fit.scores[construct][i]).toBeCloseTo(value, 12),
      );
    }
  });

  test('adjusted R² = 1 − (1 − R²)(n − 1)/(n − k − 1)', () => {
    const fit = plsPathModel(survey, model);
    // Satisfaction has 4 predictors, n = 400.
    const r2 = reference.results.path.r_squared.Satisfaction;
    expect(fit.adjustedRSquared.Satisfaction).toBeCloseTo(1 - ((1 - r2) * 399) / 395, 12);
  });

  test('an explicit 1..10 scale gives the same indices; another scale rescales them', () => {
    const fit = plsPathModel(survey, model, { scaleMin: 1, scaleMax: 10 });
    expect(fit.indices.Satisfaction).toBeCloseTo(reference.results.path.index_0_100.Satisfaction, 6);
    // On 0..10 the weighted mean m maps to m/10·100: m = 1 + 9·index/100.
    const other = plsPathModel(survey, model, { scaleMin: 0, scaleMax: 10 });
    expect(other.indices.Satisfaction).toBeCloseTo((1 + (9 * fit.indices.Satisfaction) / 100) * 10, 10);
  });

  test('seeded bootstrap of the paths matches the numpy re-implementation', () => {
    // satisfaction_reference.py: 100 resamples with the same mulberry32 draws (seed 11),
    // SE with n − 1, 95% percentile intervals (numpy "linear" quantiles = type 7).
    const fit = plsPathModel(survey, model, { bootstrap: { samples: 100, seed: 11 } });
    expect(fit.bootstrap!.failed).toBe(0);
    expect(maxDeviation(fit.bootstrap!.paths as unknown as Nested, python.plsBootstrap)).toBeLessThan(1e-9);
    const again = plsPathModel(survey, model, { bootstrap: { samples: 100, seed: 11 } });
    expect(again.bootstrap).toEqual(fit.bootstrap);
  });

  test('rows with blanks are dropped listwise and reported', () => {
    const rows = survey.objects() as Record<string, unknown>[];
    const blanked = rows.map((row, i) =>
      i === 3 ? { ...row, QUA2: null } : i === 10 ? { ...row, LOY3: '' } : i === 11 ? { ...row, SAT1: NaN } : row,
    );
    const fit = plsPathModel(blanked, model);
    expect(fit.rows).toEqual({ total: 400, used: 397, dropped: 3, droppedRows: [3, 10, 11] });
    const subset = plsPathModel(rows.filter((_, i) => i !== 3 && i !== 10 && i !== 11), model);
    expect(maxDeviation(fit.pathCoefficients, subset.pathCoefficients)).toBeLessThan(1e-14);
    expect(fit.scores.Image.length).toBe(397);
    const blank = errorOf(() => plsPathModel(blanked, model, { missing: 'error' }));
    expect(blank.message).toBe(`blocks: column "QUA2", row 4 is blank (missing values are not allowed with missing: 'error')`);
    expect(blank.location).toEqual({ argument: 'blocks', column: 'QUA2', row: 4 });
  });

  test('a filtered or reordered Arquero table is read in its own row order', () => {
    const rows = survey.objects() as Record<string, number>[];
    const firstHalf = plsPathModel(survey.slice(0, 200), model);
    expect(firstHalf.rows.used).toBe(200);
    const plain = plsPathModel(rows.slice(0, 200), model);
    expect(maxDeviation(firstHalf.pathCoefficients, plain.pathCoefficients)).toBeLessThan(1e-14);
    // Reordering rows changes nothing but the order of the scores.
    const reversed = plsPathModel(aq.from([...rows].reverse()), model);
    expect(maxDeviation(reversed.outerWeights, reference.results.path.outer_weights)).toBeLessThan(1e-10);
    expect(reversed.scores.Image[399]).toBeCloseTo(python.plsScoresFirst3.Image[0], 12);
  });

  test('maxIterations reached: converged is false', () => {
    const fit = plsPathModel(survey, model, { maxIterations: 2 });
    expect(fit.iterations).toBe(2);
    expect(fit.converged).toBe(false);
    expect(plsPathModel(survey, model).iterations).toBe(6);
  });
});

// A small model whose numbers were computed with numpy (the same algorithm written out for two
// blocks, Lohmöller mode A, path scheme, n − 1 standardization):
//   D = np.array([[1,2,2,1],[2,2,3,2],[3,4,3,4],[4,3,5,4],[5,5,4,5]], float)
//   ... iterate until Σ|Δw| < 1e-7 → path 0.9137422112997142 (9 iterations),
//   w_A = [0.58158962, 0.45787565], w_B = [0.43979861, 0.62769358],
//   index (u = w/sd, u /= u.sum(), (u @ mean − 1)/4·100): A 52.44209009656963, B 57.51213558806016
const small = [
  { a1: 1, a2: 2, b1: 2, b2: 1 },
  { a1: 2, a2: 2, b1: 3, b2: 2 },
  { a1: 3, a2: 4, b1: 3, b2: 4 },
  { a1: 4, a2: 3, b1: 5, b2: 4 },
  { a1: 5, a2: 5, b1: 4, b2: 5 },
];
const smallModel: PlsModel = { blocks: { A: ['a1', 'a2'], B: ['b1', 'b2'] }, paths: [['A', 'B']] };

describe('plsPathModel: the JSDoc example and sign fixing', () => {
  test('the @example values (numpy, above)', () => {
    const fit = plsPathModel(small, smallModel);
    expect(fit.pathCoefficients.A.B).toBeCloseTo(0.9137422112997142, 12);
    expect(fit.indices.A).toBeCloseTo(52.44209009656963, 10);
    expect(fit.indices.B).toBeCloseTo(57.51213558806016, 10);
    expect(fit.outerWeights.a1).toBeCloseTo(0.58158962, 8);
    expect(fit.outerWeights.b2).toBeCloseTo(0.62769358, 8);
    expect(fit.iterations).toBe(9);
    // One path: R² is the squared path, the total effect the path itself.
    expect(fit.rSquared.B).toBeCloseTo(0.9137422112997142 ** 2, 12);
    expect(fit.totalEffects).toEqual({ A: { B: fit.pathCoefficients.A.B } });
  });

  test('fixSigns orients every construct so that its loadings sum to a positive number', () => {
    // Six respondents on a 1..5 scale where PLS settles on scores that load negatively on most
    // of their items (sums of loadings: A −0.03, B −1.43); found by a seeded search.
    const rows = [
      { a1: 2, a2: 4, b1: 3, b2: 1, b3: 5 },
      { a1: 3, a2: 4, b1: 2, b2: 1, b3: 3 },
      { a1: 2, a2: 3, b1: 2, b2: 3, b3: 4 },
      { a1: 1, a2: 5, b1: 4, b2: 5, b3: 3 },
      { a1: 1, a2: 4, b1: 2, b2: 5, b3: 1 },
      { a1: 4, a2: 1, b1: 2, b2: 5, b3: 2 },
    ];
    const model3: PlsModel = { blocks: { A: ['a1', 'a2'], B: ['b1', 'b2', 'b3'] }, paths: [['A', 'B']] };
    const plain = plsPathModel(rows, model3, { indices: 'none' });
    const fixed = plsPathModel(rows, model3, { indices: 'none', fixSigns: true });
    const sumOf = (fit: typeof plain, items: string[]) => items.reduce((s, item) => s + fit.loadings[item], 0);
    expect(sumOf(plain, ['b1', 'b2', 'b3'])).toBeLessThan(0);
    expect(sumOf(fixed, ['a1', 'a2'])).toBeGreaterThan(0);
    expect(sumOf(fixed, ['b1', 'b2', 'b3'])).toBeGreaterThan(0);
    const signA = Math.sign(sumOf(plain, ['a1', 'a2']));
    const signB = Math.sign(sumOf(plain, ['b1', 'b2', 'b3']));
    for (const item of ['a1', 'a2']) expect(fixed.loadings[item]).toBeCloseTo(signA * plain.loadings[item], 12);
    for (const item of ['b1', 'b2', 'b3']) expect(fixed.outerWeights[item]).toBeCloseTo(signB * plain.outerWeights[item], 12);
    expect(fixed.pathCoefficients.A.B).toBeCloseTo(signA * signB * plain.pathCoefficients.A.B, 12);
    expect(fixed.scores.B[0]).toBeCloseTo(signB * plain.scores.B[0], 12);
  });
});

describe('plsPathModel: names are data', () => {
  const constructs = Object.keys(model.blocks);
  const bootstrap = { samples: 5, seed: 3 };
  const base = plsPathModel(survey, model, { bootstrap });
  const rows = survey.objects() as Record<string, number>[];

  /** `record` with its keys renamed by `rename` (keys it does not list stay). */
  const renamed = <T>(record: Record<string, T>, rename: Map<string, string>): Record<string, T> =>
    withOwn(Object.entries(record).map(([key, value]) => [rename.get(key) ?? key, value]));
  const renamedPairs = <T>(record: Record<string, Record<string, T>>, rename: Map<string, string>) =>
    withOwn(Object.entries(record).map(([key, inner]) => [rename.get(key) ?? key, renamed(inner, rename)]));

  test('constructs named __proto__, constructor, toString… (and any other text) give the same numbers under those names (property)', () => {
    // Integer-like names are left out: any object lists them first, which reorders the constructs
    // (the same model, numbers equal only to rounding).
    const text = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !/^(0|[1-9][0-9]*)$/.test(s));
    const name = fc.oneof(fc.constantFrom(...HOSTILE_NAMES), text);
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: constructs.length, maxLength: constructs.length }), (names) => {
        const rename = new Map(constructs.map((c, b) => [c, names[b]]));
        const hostileModel: PlsModel = {
          blocks: renamed(model.blocks, rename),
          paths: model.paths.map(([a, b]) => [rename.get(a)!, rename.get(b)!]),
        };
        const fit = plsPathModel(survey, hostileModel, { bootstrap });
        expect(Object.keys(fit.indices)).toEqual(names);
        expect(fit.pathCoefficients).toEqual(renamedPairs(base.pathCoefficients, rename));
        expect(fit.totalEffects).toEqual(renamedPairs(base.totalEffects, rename));
        expect(fit.latentCorrelations).toEqual(renamedPairs(base.latentCorrelations, rename));
        expect(fit.bootstrap!.paths).toEqual(renamedPairs(base.bootstrap!.paths, rename));
        for (const key of ['rSquared', 'adjustedRSquared', 'indices', 'equalWeightIndices', 'scores'] as const) {
          expect(fit[key]).toEqual(renamed(base[key] as Record<string, unknown>, rename));
        }
      }),
      { numRuns: 40 },
    );
    // Nothing leaked onto every object.
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });

  test.each(HOSTILE_NAMES)('a construct named %s: pathCoefficients[from][to] reads as for any name', (hostile) => {
    const rename = new Map([['Satisfaction', hostile]]);
    const fit = plsPathModel(
      survey,
      { blocks: renamed(model.blocks, rename), paths: model.paths.map(([a, b]) => [rename.get(a) ?? a, rename.get(b) ?? b]) },
    );
    expect(fit.pathCoefficients.Quality[hostile]).toBe(base.pathCoefficients.Quality.Satisfaction);
    expect(fit.pathCoefficients[hostile].Loyalty).toBe(base.pathCoefficients.Satisfaction.Loyalty);
    expect(fit.indices[hostile]).toBe(base.indices.Satisfaction);
    expect(fit.rSquared[hostile]).toBe(base.rSquared.Satisfaction);
  });

  test('indicator columns named __proto__, constructor, toString… (rows of objects) give the same numbers', () => {
    const items = constructs.map((c) => model.blocks[c][0]).slice(0, HOSTILE_NAMES.length);
    const rename = new Map(items.map((item, k) => [item, HOSTILE_NAMES[k]]));
    const hostileRows = rows.map((r) => renamed(r, rename));
    const blocks = withOwn(Object.entries(model.blocks).map(([c, list]) => [c, list.map((item) => rename.get(item) ?? item)]));
    const fit = plsPathModel(hostileRows, { blocks, paths: model.paths }, { bootstrap });
    expect(fit.outerWeights).toEqual(renamed(base.outerWeights, rename));
    expect(fit.loadings).toEqual(renamed(base.loadings, rename));
    expect(fit.pathCoefficients).toEqual(base.pathCoefficients);
  });
});

describe('plsPathModel: errors', () => {
  test('a cycle is named', () => {
    const cyclic: PlsModel = {
      blocks: { A: ['a1', 'a2'], B: ['b1'], C: ['b2'] },
      paths: [['A', 'B'], ['B', 'C'], ['C', 'A']],
    };
    const error = errorOf(() => plsPathModel(small, cyclic));
    expect(error.message).toBe('paths: the model has a cycle (A → B → C → A)');
    expect(error.argument).toBe('paths');
  });

  test('a construct without indicators', () => {
    expect(errorOf(() => plsPathModel(small, { blocks: { A: ['a1'], B: [] }, paths: [['A', 'B']] })).message).toBe(
      'blocks: construct "B" has no indicators',
    );
  });

  test('a missing column', () => {
    const error = errorOf(() => plsPathModel(small, { blocks: { A: ['a1'], B: ['b9'] }, paths: [['A', 'B']] }));
    expect(error.message).toBe('blocks: column "b9" not found (columns: a1, a2, b1, b2)');
    expect(error.code).toBe('na');
  });

  test('a constant indicator', () => {
    const rows = small.map((row) => ({ ...row, b2: 4 }));
    expect(errorOf(() => plsPathModel(rows, smallModel)).message).toBe(
      'blocks: indicator "b2" is constant (every used answer is 4)',
    );
  });

  test('a non-positive outer weight where an index is asked for', () => {
    // LOY2 (the weakest Loyalty item) reverse-coded, 11 − x: LOY1 and LOY3 still set the
    // direction of the Loyalty score, so LOY2's weight turns negative.
    const rows = (survey.objects() as Record<string, number>[]).map((row) => ({ ...row, LOY2: 11 - row.LOY2 }));
    const error = errorOf(() => plsPathModel(rows, model));
    expect(error.message).toMatch(
      /^indices: the outer weight of indicator "LOY2" in "Loyalty" is -0\.\d+; a 0–100 index needs positive weights \(reverse-code the item, or leave "Loyalty" out of options\.indices\)$/,
    );
    expect(error.code).toBe('num');
    // Leaving Loyalty out of the indices works.
    const fit = plsPathModel(rows, model, { indices: ['Image', 'Satisfaction'] });
    expect(Object.keys(fit.indices)).toEqual(['Image', 'Satisfaction']);
    expect(fit.outerWeights.LOY2).toBeLessThan(0);
  });

  test('unknown constructs, isolated constructs, bad options, non-numeric answers', () => {
    expect(errorOf(() => plsPathModel(small, { blocks: smallModel.blocks, paths: [['A', 'Z']] })).message).toBe(
      'paths: construct "Z" (path 1) is not in blocks',
    );
    expect(
      errorOf(() =>
        plsPathModel(small, { blocks: { A: ['a1'], B: ['b1'], C: ['b2'] }, paths: [['A', 'B']] }),
      ).message,
    ).toBe('paths: construct "C" is in no path (PLS estimates each construct from its neighbours)');
    expect(errorOf(() => plsPathModel(small, smallModel, { scheme: 'mode B' as never })).message).toBe(
      `scheme must be 'path', 'centroid' or 'factorial' (got "mode B")`,
    );
    const text = small.map((row, i) => (i === 2 ? { ...row, a2: 'four' } : row));
    const four = errorOf(() => plsPathModel(text, smallModel));
    expect(four.message).toBe('blocks: column "a2", row 3 is not a number (got "four")');
    expect(four.location).toEqual({ argument: 'blocks', column: 'a2', row: 3 });
    expect(errorOf(() => plsPathModel(small, smallModel, { scaleMin: 5, scaleMax: 1 })).message).toBe(
      'scaleMin must be below scaleMax (got 5 and 1)',
    );
  });
});
