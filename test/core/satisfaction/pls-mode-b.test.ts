import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { plsPathModel, type PlsModel } from '../../../src/core/satisfaction/pls-path-model.ts';
import { FORMATIVE_REASON } from '../../../src/core/satisfaction/pls-quality/index.ts';
import fc from 'fast-check';
import { choleskySolve } from '../../../src/core/math/solve.ts';
import { seededRandom } from '../../../src/core/math/random.ts';
import { errorOf } from '../error-of.ts';
import { HOSTILE_NAMES, withOwn } from '../hostile-names.ts';
import { maxDeviation } from '../max-deviation.ts';

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

/** Sample correlation of two equal-length arrays. */
function correlation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] / n;
    my += y[i] / n;
  }
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('mode B fixed point (property)', () => {
  // A (mode B, k items) → Y (mode A): at convergence A's score is the least-squares fit of Y's
  // score on A's items, so |path| = multiple correlation R of Y's score on those items, R² =
  // rᵀ R_AA⁻¹ r (the defining property of mode B; Wold 1982).
  test('|path A → Y| equals the multiple correlation of Y’s score on A’s items', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 2, max: 4 }), fc.integer({ min: 30, max: 80 }), (seed, k, n) => {
        const random = seededRandom(seed);
        const rows = Array.from({ length: n }, () => {
          const factor = random() + random() - 1;
          const row: Record<string, number> = Object.create(null);
          for (let j = 0; j < k; j++) row[`a${j}`] = factor * (j + 1) + random() * 2;
          for (let j = 0; j < 2; j++) row[`y${j}`] = factor + random();
          return row;
        });
        const items = Array.from({ length: k }, (_, j) => `a${j}`);
        const fit = plsPathModel(
          rows,
          { blocks: { A: items, Y: ['y0', 'y1'] }, paths: [['A', 'Y']], modes: { A: 'B' } },
          { tolerance: 1e-12, maxIterations: 2000, indices: 'none' }, // mode B weights may be negative
        );
        expect(fit.converged).toBe(true);
        const columns = items.map((item) => rows.map((row) => row[item]));
        const r = columns.map((column) => correlation(column, fit.scores.Y));
        const raa = new Float64Array(k * k);
        for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) raa[i * k + j] = correlation(columns[i], columns[j]);
        const solution = choleskySolve(raa, r, k)!;
        const r2 = r.reduce((sum, value, i) => sum + value * solution[i], 0);
        expect(Math.abs(Math.abs(fit.pathCoefficients.A.Y) - Math.sqrt(r2))).toBeLessThan(1e-8);
      }),
      { numRuns: 50 },
    );
  });
});

describe('quality of a model with mode B constructs (seminr: composites get weights and item VIFs)', () => {
  const formative = ['Image', 'Quality'];
  const fit = plsPathModel(survey, modeB);
  const allA = plsPathModel(survey, ecsi);
  const reflective = Object.keys(ecsi.blocks).filter((c) => !formative.includes(c));

  test('reliability, HTMT and Fornell–Larcker leave mode B constructs out; the rest are unchanged where they depend on items only', () => {
    const { quality } = fit;
    expect(quality.constructs.map((row) => row.construct)).toEqual(reflective);
    // α and HTMT need only the item correlations, so they equal the all-mode-A values.
    for (const row of quality.constructs) {
      expect(row.alpha).toBe(allA.quality.constructs.find((r) => r.construct === row.construct)!.alpha);
    }
    expect(quality.htmt.length).toBe((reflective.length * (reflective.length - 1)) / 2);
    for (const row of quality.htmt) {
      expect(formative).not.toContain(row.from);
      expect(formative).not.toContain(row.to);
      expect(row.value).toBe(allA.quality.htmt.find((r) => r.from === row.from && r.to === row.to)!.value);
    }
    expect(quality.fornellLarcker.constructs).toEqual(reflective);
    const ave = new Map(quality.constructs.map((row) => [row.construct, row.ave]));
    reflective.forEach((construct, a) => {
      expect(quality.fornellLarcker.matrix[a][a]).toBeCloseTo(Math.sqrt(ave.get(construct)!), 15);
      reflective.forEach((other, b) => {
        if (a !== b) expect(quality.fornellLarcker.matrix[a][b]).toBe(fit.latentCorrelations[construct][other]);
      });
    });
  });

  test('mode B constructs are listed with their weights and the reason; item VIFs match the numpy reference', () => {
    const { quality } = fit;
    expect(quality.formative.map((row) => row.construct)).toEqual(formative);
    for (const row of quality.formative) {
      expect(row.reason).toBe(FORMATIVE_REASON);
      expect(row.weights.map((w) => w.item)).toEqual(ecsi.blocks[row.construct]);
      for (const { item, weight } of row.weights) expect(weight).toBe(fit.outerWeights[item]);
    }
    expect(allA.quality.formative).toEqual([]);
    for (const construct of formative) {
      for (const item of ecsi.blocks[construct]) {
        const vif = quality.itemVif.find((row) => row.item === item)!.vif!;
        expect(Math.abs(vif - python.itemVif[construct][item])).toBeLessThan(1e-8);
      }
    }
    expect(quality.itemVif.length).toBe(Object.values(ecsi.blocks).flat().length);
    expect(quality.innerVif.length).toBe(allA.quality.innerVif.length);
    expect(quality.fSquare.length).toBe(ecsi.paths.length);
    for (const row of quality.fSquare) expect(Number.isFinite(row.value)).toBe(true);
  });

  test('bootstrap HTMT intervals stay aligned with the mode A pairs', () => {
    const boot = plsPathModel(survey, modeB, { bootstrap: { samples: 20, seed: 3 } });
    const ref = plsPathModel(survey, ecsi, { bootstrap: { samples: 20, seed: 3 } });
    expect(boot.bootstrap!.failed).toBe(0);
    // HTMT resamples use only item correlations and the same rows, so each pair's interval equals
    // the all-mode-A one.
    for (const row of boot.quality.htmt) {
      const same = ref.quality.htmt.find((r) => r.from === row.from && r.to === row.to)!;
      expect([row.low, row.high]).toEqual([same.low, same.high]);
    }
  });

  test('a single-item construct in mode B: weight 1, the same estimates as mode A, listed as formative', () => {
    const single = plsPathModel(survey, { ...ecsi, modes: { Complaints: 'B' } });
    expect(single.outerWeights.CMP1).toBeCloseTo(1, 14);
    expect(single.pathCoefficients).toEqual(allA.pathCoefficients);
    expect(single.quality.formative.map((row) => row.construct)).toEqual(['Complaints']);
    expect(single.quality.itemVif.find((row) => row.item === 'CMP1')!.vif).toBe(1);
  });
});

describe("indices: 'defined' (a mode B weight can be negative, so the construct has no 0–100 index)", () => {
  // IMG4R is IMG4 reverse-worded (11 − IMG4): the regression weight of a mode B block is
  // equivariant under that change, so IMG4R's weight is exactly minus IMG4's.
  const rows = survey.objects().map((row) => {
    const r = row as Record<string, number>;
    return { ...r, IMG4R: 11 - r.IMG4 };
  });
  const blocks = { ...ecsi.blocks, Image: ['IMG1', 'IMG2', 'IMG3', 'IMG4R'] };
  const model: PlsModel = { blocks, paths: ecsi.paths, modes: { Image: 'B' } };

  test('skips the construct with a negative weight and indexes the rest as a list would', () => {
    const fit = plsPathModel(rows, model, { indices: 'defined' });
    // Both iterations start from weights 1, so they reach the common fixed point by different
    // routes: compare them converged tightly.
    const tight = { tolerance: 1e-13, maxIterations: 1000, indices: 'none' as const };
    const original = plsPathModel(survey, { ...ecsi, modes: { Image: 'B' } }, tight);
    expect(plsPathModel(rows, model, tight).outerWeights.IMG4R).toBeCloseTo(-original.outerWeights.IMG4, 11);
    expect(Object.keys(fit.indices)).toEqual(Object.keys(ecsi.blocks).filter((c) => c !== 'Image'));
    const listed = plsPathModel(rows, model, { indices: Object.keys(fit.indices) });
    expect(fit.indices).toEqual(listed.indices);
    for (const value of Object.values(fit.indices)) expect(Number.isFinite(value)).toBe(true);
    // The same data with every index asked for: the message names the item and the way out.
    const error = errorOf(() => plsPathModel(rows, model));
    expect(error.message).toMatch(/indicator "IMG4R" in "Image" is -0\.1\d+; a 0–100 index needs positive weights/);
  });

  test("with every weight positive, 'defined' is 'all'", () => {
    const fit = plsPathModel(survey, modeB, { indices: 'defined' });
    expect(fit.indices).toEqual(plsPathModel(survey, modeB).indices);
  });
});

describe('mode B on data too thin for its regression', () => {
  test('more mode B items than respondents can span: the collinearity InputError, naming the construct', () => {
    // 4 respondents: the correlation matrix of 4 items has rank at most 3.
    const rows = survey.objects().slice(0, 4);
    const error = errorOf(() =>
      plsPathModel(rows, { blocks: { Quality: ecsi.blocks.Quality.slice(0, 4), Loyalty: ecsi.blocks.Loyalty }, paths: [['Quality', 'Loyalty']], modes: { Quality: 'B' } }),
    );
    expect(error.message).toMatch(/^modes: the indicators of mode B construct "Quality" are collinear/);
    expect(error.code).toBe('num');
  });

  test('resamples whose mode B items are collinear are counted as failed; every reported figure is finite', () => {
    // 8 respondents, 5 formative items: resamples repeat rows, and some leave the block singular
    // or an item constant. They are skipped and counted; the rest give the intervals.
    const rows = survey.objects().slice(0, 8);
    const fit = plsPathModel(
      rows,
      { blocks: { Quality: ecsi.blocks.Quality, Satisfaction: ecsi.blocks.Satisfaction }, paths: [['Quality', 'Satisfaction']], modes: { Quality: 'B' } },
      { bootstrap: { samples: 200, seed: 9 }, indices: 'defined' },
    );
    const boot = fit.bootstrap!;
    expect(boot.failed).toBeGreaterThan(0);
    expect(boot.failed).toBeLessThan(200);
    const figures = [
      ...Object.values(boot.weights),
      ...Object.values(boot.loadings),
      boot.paths.Quality.Satisfaction,
    ].flatMap((s) => [s.mean, s.standardError, s.lower, s.upper, s.t as number]);
    for (const value of figures) expect(Number.isFinite(value)).toBe(true);
    for (const row of fit.quality.formative[0].weights) expect(row.low!).toBeLessThanOrEqual(row.high!);
  });
});
