import { bgNbdExpected } from '../../../src/core/lifetime/bg-nbd.ts';
import { calibrationHoldout } from '../../../src/core/lifetime/calibration-holdout.ts';
import { compareModels } from '../../../src/core/lifetime/compare-models.ts';
import { expectedPurchasesMatrix } from '../../../src/core/lifetime/expected-purchases-matrix.ts';
import { paretoNbdExpected } from '../../../src/core/lifetime/pareto-nbd.ts';
import { cdnowSummary } from './cdnow-fixture.ts';
import { CDNOW_BG_NBD, CDNOW_BG_NBD_LOG_LIKELIHOOD, CDNOW_PARETO_NBD, CDNOW_PARETO_NBD_LOG_LIKELIHOOD } from '../../fixtures/published.ts';

describe('compareModels on the CDNOW calibration/holdout split (39 + 39 weeks)', () => {
  const summary = cdnowSummary();
  const result = compareModels(summary, { duration: 39 });
  const [bg, pareto] = result.scores;

  test('log-likelihoods are the published ones (FHL 2005: −9582.4 and −9595.0); AIC and BIC from them', () => {
    expect(bg.logLikelihood.toFixed(1)).toBe(CDNOW_BG_NBD_LOG_LIKELIHOOD.toFixed(1));
    expect(pareto.logLikelihood.toFixed(1)).toBe(CDNOW_PARETO_NBD_LOG_LIKELIHOOD.toFixed(1));
    expect(bg.aic).toBeCloseTo(8 - 2 * bg.logLikelihood, 10);
    expect(pareto.bic).toBeCloseTo(4 * Math.log(2357) - 2 * pareto.logLikelihood, 10);
    expect(result.better.aic).toBe('BG/NBD');
    expect(result.better.bic).toBe('BG/NBD');
    expect(result.customers).toBe(2357);
  });

  test('holdout errors and totals equal a direct computation from the one-customer functions', () => {
    const x = summary.array('x') as Int32Array;
    const tx = summary.array('t_x') as Float64Array;
    const T = summary.array('T') as Float64Array;
    const actual = summary.array('x_holdout') as ArrayLike<number>;
    let bgAbs = 0;
    let paretoAbs = 0;
    let bgTotal = 0;
    let actualTotal = 0;
    for (let i = 0; i < x.length; i++) {
      const e1 = bgNbdExpected(result.bgNbd, 39, x[i], tx[i], T[i]);
      const e2 = paretoNbdExpected(result.paretoNbd, 39, x[i], tx[i], T[i]);
      bgAbs += Math.abs(e1 - actual[i]);
      paretoAbs += Math.abs(e2 - actual[i]);
      bgTotal += e1;
      actualTotal += actual[i];
    }
    expect(bg.holdoutMae).toBeCloseTo(bgAbs / x.length, 12);
    expect(pareto.holdoutMae).toBeCloseTo(paretoAbs / x.length, 12);
    expect(bg.predictedHoldoutTotal).toBeCloseTo(bgTotal, 8);
    expect(result.actualHoldoutTotal).toBe(actualTotal);
    expect(result.verdict).toContain(result.better.holdoutMae);
  });

  test('the BG/NBD column of the calibration/holdout table equals calibrationHoldout', () => {
    const reference = calibrationHoldout(summary, result.bgNbd, { duration: 39 });
    const ours = result.calibrationHoldout;
    expect(ours.numRows()).toBe(8);
    for (let g = 0; g < 8; g++) {
      expect(ours.get('bg_nbd', g)).toBeCloseTo(reference.get('expected', g) as number, 12);
      expect(ours.get('actual', g)).toBeCloseTo(reference.get('actual', g) as number, 12);
      expect(ours.get('customers', g)).toBe(reference.get('customers', g));
    }
  });

  test('ready fits are used as given, and bad options are named', () => {
    const again = compareModels(summary, { duration: 39, fits: { bgNbd: result.bgNbd, paretoNbd: result.paretoNbd } });
    expect(again.scores).toEqual(result.scores);
    expect(() => compareModels(summary, { duration: 0 })).toThrow('duration must be a positive number (got 0)');
    expect(() => compareModels([{ x: 1, t_x: 1, T: 2 }], { duration: 3 })).toThrow('x_holdout');
  });
});

describe('expectedPurchasesMatrix', () => {
  test('each cell is the conditional expectation of that (x, t_x, T); x = 0 ignores recency', () => {
    const bg = CDNOW_BG_NBD;
    const matrix = expectedPurchasesMatrix(bg, { T: 38.86, t: 39, maxFrequency: 5, recencySteps: 4 });
    expect(matrix.numRows()).toBe(30);
    for (const row of matrix.objects() as { x: number; t_x: number; expected_purchases: number }[]) {
      const tx = row.x === 0 ? 0 : row.t_x;
      expect(row.expected_purchases).toBeCloseTo(bgNbdExpected(bg, 39, row.x, tx, 38.86), 12);
    }
    const pareto = CDNOW_PARETO_NBD;
    const p = expectedPurchasesMatrix(pareto, { T: 38.86, t: 39 });
    expect(p.numRows()).toBe(315);
    expect(p.get('expected_purchases', 314)).toBeCloseTo(paretoNbdExpected(pareto, 39, 14, 38.86, 38.86), 12);
    expect(() => expectedPurchasesMatrix(bg, { T: -1, t: 39 })).toThrow('T must be a positive number (got -1)');
  });
});
