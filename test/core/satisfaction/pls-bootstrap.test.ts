import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { plsPathModel, type PlsModel } from '../../../src/core/satisfaction/pls-path-model.ts';
import { bootstrapInference } from '../../../src/core/satisfaction/pls-bootstrap.ts';
import fc from 'fast-check';
import { errorOf } from '../error-of.ts';

// The seeded PLS bootstrap, src/core/satisfaction/pls-bootstrap.ts.
// Source: test/fixtures/pls_bootstrap_reference.json, written by
// test/fixtures/pls_bootstrap_reference.py (numpy, respondent-level PLS-PM on the resampled rows,
// independent of the correlation-matrix code here) from the SAME resamples: both sides draw them
// with mulberry32 (seed as given), n row numbers ⌊u·n⌋ per resample. Percentiles on both sides:
// Hyndman & Fan type 7 (numpy "linear", R's quantile default as seminr uses). Same resamples,
// same estimates: every figure must agree to 1e-9.
const fixtures = join(__dirname, '..', '..', 'fixtures');
const survey = aq.fromCSV(readFileSync(join(fixtures, 'survey_ecsi_synthetic.csv'), 'utf8'));
const ecsi = JSON.parse(readFileSync(join(fixtures, 'survey_ecsi_synthetic.reference.json'), 'utf8')).model as PlsModel;
const python = JSON.parse(readFileSync(join(fixtures, 'pls_bootstrap_reference.json'), 'utf8'));

interface Summary {
  mean: number;
  standardError: number;
  t: number | null;
  lower: number;
  upper: number;
}

/** Largest difference over mean, SE, t, lower, upper of two keyed summaries (same keys). */
function worstSummary(ours: Record<string, Summary>, theirs: Record<string, Summary>, skipT: Set<string> = new Set()): number {
  expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
  let worst = 0;
  for (const [key, expected] of Object.entries(theirs)) {
    const actual = ours[key];
    for (const field of ['mean', 'standardError', 'lower', 'upper'] as const) {
      worst = Math.max(worst, Math.abs(actual[field] - expected[field]));
    }
    if (!skipT.has(key)) worst = Math.max(worst, Math.abs((actual.t as number) - (expected.t as number)) / Math.max(1, Math.abs(expected.t as number)));
  }
  return worst;
}

describe('bootstrap of weights, loadings, paths and HTMT against the numpy reference (same resamples)', () => {
  const { modeB } = python;
  const model: PlsModel = { blocks: ecsi.blocks, paths: ecsi.paths, modes: modeB.modes };
  const fit = plsPathModel(survey, model, { bootstrap: { samples: modeB.samples, seed: modeB.seed, level: modeB.level } });
  const boot = fit.bootstrap!;

  test('every resample is estimated', () => {
    expect(boot.failed).toBe(0);
    expect(boot.samples).toBe(60);
  });

  test('outer weights and loadings: mean, SE, t and 95% percentile intervals to 1e-9', () => {
    // CMP1 is Complaints' only item: its weight and loading are 1 in every resample. Here the
    // standard error is exactly 0 and t is null; the numpy side gets 1e-15 from rounding.
    const single = new Set(['CMP1']);
    expect(worstSummary(boot.weights, modeB.weights, single)).toBeLessThan(1e-9);
    expect(worstSummary(boot.loadings, modeB.loadings, single)).toBeLessThan(1e-9);
    expect(boot.weights.CMP1.standardError).toBe(0);
    expect(boot.weights.CMP1.t).toBeNull();
    expect(modeB.weights.CMP1.standardError).toBeLessThan(1e-14);
  });

  test('paths to 1e-9', () => {
    const ours: Record<string, Summary> = {};
    const theirs: Record<string, Summary> = {};
    for (const [from, row] of Object.entries(modeB.paths as Record<string, Record<string, Summary>>)) {
      for (const [to, value] of Object.entries(row)) {
        theirs[`${from}|${to}`] = value;
        ours[`${from}|${to}`] = boot.paths[from][to];
      }
    }
    expect(worstSummary(ours, theirs)).toBeLessThan(1e-9);
  });

  test('HTMT intervals of the mode A pairs to 1e-9', () => {
    const rows = fit.quality.htmt;
    expect(rows.map((row) => `${row.from}|${row.to}`)).toEqual(Object.keys(modeB.htmt));
    for (const row of rows) {
      const ref = modeB.htmt[`${row.from}|${row.to}`];
      expect(Math.abs(row.value! - ref.value)).toBeLessThan(1e-12);
      expect(Math.abs(row.low! - ref.lower)).toBeLessThan(1e-9);
      expect(Math.abs(row.high! - ref.upper)).toBeLessThan(1e-9);
    }
  });

  test('mode B constructs in quality.formative carry their weights’ intervals', () => {
    for (const row of fit.quality.formative) {
      for (const { item, weight, low, high } of row.weights) {
        expect(weight).toBe(fit.outerWeights[item]);
        expect(low).toBe(boot.weights[item].lower);
        expect(high).toBe(boot.weights[item].upper);
      }
    }
    // IMG2's interval spans zero: the weight is not significant (what an analyst reads off it).
    expect(boot.weights.IMG2.lower).toBeLessThan(0);
    expect(boot.weights.IMG2.upper).toBeGreaterThan(0);
  });

  test('the same seed gives the same intervals; another seed other ones', () => {
    const again = plsPathModel(survey, model, { bootstrap: { samples: 60, seed: 2026 } });
    expect(again.bootstrap).toEqual(boot);
    const other = plsPathModel(survey, model, { bootstrap: { samples: 60, seed: 2027 } });
    expect(other.bootstrap!.weights.IMG1.lower).not.toBe(boot.weights.IMG1.lower);
  });

  test('HTMT intervals of the all-mode-A model (200 resamples, seed 123) to 1e-9', () => {
    const { htmtModeA } = python;
    const plain = plsPathModel(survey, ecsi, { bootstrap: { samples: htmtModeA.samples, seed: htmtModeA.seed } });
    const rows = plain.quality.htmt;
    expect(rows).toHaveLength(21);
    expect(rows.map((row) => `${row.from}|${row.to}`)).toEqual(Object.keys(htmtModeA.htmt));
    let worst = 0;
    for (const row of rows) {
      const ref = htmtModeA.htmt[`${row.from}|${row.to}`];
      worst = Math.max(worst, Math.abs(row.low! - ref.lower), Math.abs(row.high! - ref.upper));
    }
    expect(worst).toBeLessThan(1e-9);
  });
});

describe('bootstrapInference', () => {
  test('type 7 percentiles, n − 1 standard error, t = estimate / SE', () => {
    // Draws 1..5: mean 3, SD √2.5; 90% interval = type 7 quantiles at 0.05 and 0.95 = 1.2 and 4.8.
    const result = bootstrapInference(Float64Array.of(5, 1, 4, 2, 3, 99), 5, 2, 0.9);
    expect(result.mean).toBe(3);
    expect(result.standardError).toBeCloseTo(Math.sqrt(2.5), 15);
    expect(result.t).toBeCloseTo(2 / Math.sqrt(2.5), 15);
    expect(result.lower).toBeCloseTo(1.2, 14);
    expect(result.upper).toBeCloseTo(4.8, 14);
  });

  test('constant draws: SE 0 and t null, never Infinity', () => {
    const result = bootstrapInference(Float64Array.of(1, 1, 1), 3, 1, 0.95);
    expect(result).toEqual({ mean: 1, standardError: 0, t: null, lower: 1, upper: 1 });
  });
});

describe('bootstrap on data too thin to resample', () => {
  test('fewer than two estimable resamples is an InputError, not NaN intervals', () => {
    // Three respondents: most resamples repeat one row and make an item constant.
    const rows = [
      { a1: 1, a2: 2, b1: 2, b2: 1 },
      { a1: 2, a2: 2, b1: 3, b2: 2 },
      { a1: 3, a2: 4, b1: 3, b2: 4 },
    ];
    const error = errorOf(() =>
      plsPathModel(rows, { blocks: { A: ['a1', 'a2'], B: ['b1', 'b2'] }, paths: [['A', 'B']] }, { bootstrap: { samples: 3, seed: 1 } }),
    );
    expect(error.message).toMatch(/^bootstrap: only [01] of 3 resamples could be estimated/);
    expect(error.code).toBe('num');
  });
});

describe('bootstrapInference (property)', () => {
  // Against the definitions written out directly: mean, n − 1 SD, and type 7 quantiles
  // Q(p) = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]), h = (n − 1)p, on the sorted draws.
  test('matches the textbook formulas on any draws and level', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 60 }),
        fc.double({ min: 0.5, max: 0.99, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (draws, level, estimate) => {
          const n = draws.length;
          const result = bootstrapInference(Float64Array.from(draws), n, estimate, level);
          const sorted = [...draws].sort((a, b) => a - b);
          const mean = draws.reduce((s, x) => s + x, 0) / n;
          const sd = Math.sqrt(draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
          const type7 = (p: number) => {
            const h = (n - 1) * p;
            const lo = Math.floor(h);
            return sorted[lo] + (h - lo) * (sorted[Math.min(lo + 1, n - 1)] - sorted[lo]);
          };
          const scale = 1 + Math.max(...draws.map(Math.abs));
          expect(Math.abs(result.mean - mean)).toBeLessThan(1e-12 * scale);
          expect(Math.abs(result.standardError - sd)).toBeLessThan(1e-9 * scale);
          expect(Math.abs(result.lower - type7((1 - level) / 2))).toBeLessThan(1e-12 * scale);
          expect(Math.abs(result.upper - type7((1 + level) / 2))).toBeLessThan(1e-12 * scale);
          expect(result.lower).toBeLessThanOrEqual(result.upper);
          if (result.standardError === 0) expect(result.t).toBeNull();
          else expect(result.t).toBe(estimate / result.standardError);
          // Away from all-equal draws (where the SD is rounding noise) t matches the textbook one.
          if (sd > 1e-6 * scale) expect(Math.abs((result.t as number) - estimate / sd)).toBeLessThanOrEqual(1e-6 * Math.abs(estimate / sd));
        },
      ),
      { numRuns: 300 },
    );
  });
});
