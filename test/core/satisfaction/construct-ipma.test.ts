import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { constructIpma } from '../../../src/core/satisfaction/construct-ipma.ts';
import { plsPathModel, type PlsModel } from '../../../src/core/satisfaction/pls-path-model.ts';
import { errorOf } from '../error-of.ts';

const fixtures = join(__dirname, '..', '..', 'fixtures');
const survey = aq.fromCSV(readFileSync(join(fixtures, 'survey_ecsi_synthetic.csv'), 'utf8'));
const reference = JSON.parse(readFileSync(join(fixtures, 'survey_ecsi_synthetic.reference.json'), 'utf8'));
const model = reference.model as PlsModel;
const fit = plsPathModel(survey, model);
const constructs = Object.keys(model.blocks);

/** Solves the square system A x = b by Gauss–Jordan elimination with partial pivoting (test-local). */
function solve(a: number[][], b: number[]): number[] {
  const m = a.map((row, i) => [...row, b[i]]);
  const k = m.length;
  for (let c = 0; c < k; c++) {
    let pivot = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let j = c; j <= k; j++) m[r][j] -= f * m[c][j];
    }
  }
  return m.map((row, c) => row[k] / row[c]);
}

/** OLS slopes (with intercept) of y on the columns xs, by the normal equations. */
function olsSlopes(y: Float64Array, xs: Float64Array[]): number[] {
  const design = [new Float64Array(y.length).fill(1), ...xs];
  const dot = (u: Float64Array, v: Float64Array) => u.reduce((s, value, r) => s + value * v[r], 0);
  const beta = solve(design.map((u) => design.map((v) => dot(u, v))), design.map((u) => dot(u, y)));
  return beta.slice(1);
}

/**
 * Independent computation of Ringle & Sarstedt's importance: re-estimate the structural model by
 * OLS on the rescaled (0–100) construct scores, B[a][b] the unstandardized path a → b, and take the
 * total effects (I − B)⁻¹ − I, inverting column by column.
 */
function unstandardizedTotalEffects(): number[][] {
  const q = constructs.length;
  const b = constructs.map(() => new Array(q).fill(0));
  constructs.forEach((to, j) => {
    const from = model.paths.filter(([, t]) => t === to).map(([f]) => f);
    if (from.length === 0) return;
    const slopes = olsSlopes(fit.indexScores[to], from.map((f) => fit.indexScores[f]));
    from.forEach((f, k) => (b[constructs.indexOf(f)][j] = slopes[k]));
  });
  const iMinusB = b.map((row, i) => row.map((v, j) => (i === j ? 1 : 0) - v));
  const inverseColumns = constructs.map((_, j) => solve(iMinusB, constructs.map((__, i) => (i === j ? 1 : 0))));
  return constructs.map((_, i) => constructs.map((__, j) => inverseColumns[j][i] - (i === j ? 1 : 0)));
}

describe('constructIpma (Ringle & Sarstedt 2016) on the ECSI fixture', () => {
  const total = unstandardizedTotalEffects();
  const at = (from: string, to: string) => total[constructs.indexOf(from)][constructs.indexOf(to)];

  for (const target of ['Loyalty', 'Satisfaction', 'Value']) {
    test(`${target}: importance = unstandardized total effect by OLS on 0–100 scores and (I − B)⁻¹; performance = index`, () => {
      const ipma = constructIpma(fit, target);
      const expectedDrivers = constructs.filter((a) => Math.abs(at(a, target)) > 0);
      expect(ipma.rows.map((row) => row.construct)).toEqual(expectedDrivers);
      for (const row of ipma.rows) {
        expect(row.importance).toBeCloseTo(at(row.construct, target), 10);
        expect(row.standardizedImportance).toBeCloseTo(reference.results.path.total_effects[row.construct][target], 10);
        // The reference prints indices to 6 dp.
        expect(Math.abs(row.performance - reference.results.path.index_0_100[row.construct])).toBeLessThan(1e-6);
        const scores = fit.indexScores[row.construct];
        expect(scores.reduce((s, v) => s + v, 0) / scores.length).toBeCloseTo(row.performance, 10);
      }
      expect(ipma.targetPerformance).toBe(fit.indices[target]);
    });
  }

  test('path enumeration by hand: the routes into Loyalty', () => {
    // Unstandardized direct paths from OLS on the rescaled scores.
    const direct = (from: string, to: string) => {
      const preds = model.paths.filter(([, t]) => t === to).map(([f]) => f);
      return olsSlopes(fit.indexScores[to], preds.map((f) => fit.indexScores[f]))[preds.indexOf(from)];
    };
    const [qs, qv, vs, sl, sc, cl] = [
      direct('Quality', 'Satisfaction'), direct('Quality', 'Value'), direct('Value', 'Satisfaction'),
      direct('Satisfaction', 'Loyalty'), direct('Satisfaction', 'Complaints'), direct('Complaints', 'Loyalty'),
    ];
    const ipma = constructIpma(fit, 'Loyalty');
    const importance = (name: string) => ipma.rows.find((row) => row.construct === name)!.importance;
    // S → L, S → C → L.
    expect(importance('Satisfaction')).toBeCloseTo(sl + sc * cl, 10);
    // Q → S → L, Q → S → C → L, Q → V → S → L, Q → V → S → C → L.
    expect(importance('Quality')).toBeCloseTo(qs * sl + qs * sc * cl + qv * vs * sl + qv * vs * sc * cl, 10);
    expect(importance('Satisfaction')).toBeCloseTo(0.4722, 4); // the @example
  });

  test('quadrants around the mean importance and performance', () => {
    const ipma = constructIpma(fit, 'Satisfaction');
    const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
    expect(ipma.importanceLine).toBeCloseTo(mean(ipma.rows.map((row) => row.importance)), 12);
    expect(ipma.performanceLine).toBeCloseTo(mean(ipma.rows.map((row) => row.performance)), 12);
    const quality = ipma.rows.find((row) => row.construct === 'Quality')!;
    expect(quality.quadrant).toBe('Keep up the good work');
  });
});

describe('constructIpma: errors', () => {
  test('unknown target, exogenous target, missing index', () => {
    expect(errorOf(() => constructIpma(fit, 'Price')).message).toBe(
      'target: construct "Price" is not in the model (constructs: Image, Expectation, Quality, Value, Satisfaction, Complaints, Loyalty)',
    );
    expect(errorOf(() => constructIpma(fit, 'Image')).message).toBe(
      'target: construct "Image" has no antecedents, so nothing has an effect on it',
    );
    const partial = plsPathModel(survey, model, { indices: ['Loyalty', 'Satisfaction'] });
    expect(errorOf(() => constructIpma(partial, 'Loyalty')).message).toBe(
      'target: IPMA needs the 0–100 index of "Image"; include it in options.indices',
    );
  });
});
