import { fitBgNbd } from '../../../src/core/lifetime/bg-nbd-fit.ts';
import { calibrationHoldout, pAliveMatrix } from '../../../src/core/lifetime/calibration-holdout.ts';
import { repeatPurchaseTracking } from '../../../src/core/lifetime/tracking.ts';
import { cdnowRows, cdnowSummary } from './cdnow-fixture.ts';
import { CDNOW_BG_NBD } from '../../fixtures/published.ts';

const OPTIONS = { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', timeUnit: 'week' as const };

describe('repeatPurchaseTracking on CDNOW (Fader, Hardie & Lee 2005, Figure 2)', () => {
  const fit = fitBgNbd(cdnowSummary());
  const tracking = repeatPurchaseTracking(cdnowRows(), fit, OPTIONS);
  test('78 weeks; week 39 ends on the calibration end, week 78 on the holdout end', () => {
    expect(tracking.numRows()).toBe(78);
    expect(tracking.get('end', 38)).toBe('1997-09-30');
    expect(tracking.get('holdout', 38)).toBe(false);
    expect(tracking.get('holdout', 39)).toBe(true);
    expect(tracking.get('end', 77)).toBe('1998-06-30');
  });
  test('actual and expected match pandas / scipy', () => {
    // pandas: one purchase per customer-day, repeat = after the first day, week = (date - 1997-01-01).days // 7 + 1
    //   weeks 1..5: 0, 19, 23, 39, 38; week 39: 62; week 78: 28; cumulative 39: 2457; cumulative 78: 4339
    // scipy: sum over customers of E[X((7k - 1 - first day)/7)] with hyp2f1 at the MLE:
    //   k = 1: 3.2087876619945073; k = 39: 2493.956834306751; k = 78: 4160.609175464915
    const actual = Array.from(tracking.array('actual') as Float64Array);
    expect(actual.slice(0, 5)).toEqual([0, 19, 23, 39, 38]);
    expect(actual[38]).toBe(62);
    expect(actual[77]).toBe(28);
    expect(tracking.get('actual_cumulative', 38)).toBe(2457);
    expect(tracking.get('actual_cumulative', 77)).toBe(4339);
    expect(tracking.get('expected_cumulative', 0)).toBeCloseTo(3.2087876619945073, 5);
    // The two MLEs differ by ~1e-8 relative (BFGS vs scipy's Nelder–Mead), hence 3 decimals on ~2500.
    expect(tracking.get('expected_cumulative', 38)).toBeCloseTo(2493.956834306751, 3);
    expect(tracking.get('expected_cumulative', 77)).toBeCloseTo(4160.609175464915, 3);
  });
});

describe('calibrationHoldout on CDNOW (Fader, Hardie & Lee 2005, Figure 4)', () => {
  test('mean holdout purchases by calibration frequency, actual and expected, match pandas / scipy', () => {
    const summary = cdnowSummary();
    const table = calibrationHoldout(summary, fitBgNbd(summary), { duration: 39 });
    // pandas + scipy (conditional expectation with hyp2f1 at the MLE, t = 39), grouped by min(x, 7):
    const customers = [1411, 439, 214, 100, 62, 38, 29, 64];
    const actual = [0.23671155209071582, 0.6970387243735763, 1.3925233644859814, 1.56, 2.532258064516129, 2.9473684210526314, 3.8620689655172415, 6.359375];
    const expected = [0.22508732992425246, 0.5231311990623616, 1.0441341506797073, 1.5202795417360948, 2.1638658247918814, 2.653845907708113, 3.5040423246546153, 6.157190507619472];
    expect(table.array('frequency')).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(Array.from(table.array('customers') as Float64Array)).toEqual(customers);
    (table.array('actual') as Float64Array).forEach((v, i) => expect(v).toBeCloseTo(actual[i], 12));
    (table.array('expected') as Float64Array).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
  });
  test('needs the holdout column and a positive duration', () => {
    expect(() => calibrationHoldout([{ x: 1, t_x: 1, T: 2 }], { r: 1, alpha: 1, a: 1, b: 1 }, { duration: 39 })).toThrow(
      'summary: column "x_holdout" not found',
    );
    expect(() => calibrationHoldout([], { r: 1, alpha: 1, a: 1, b: 1 }, { duration: 0 })).toThrow(
      'duration must be a positive number (got 0)',
    );
  });
});

describe('pAliveMatrix', () => {
  test('the documented example: 15 × 21 cells; P(alive) is 1 at x = 0 and rises with recency', () => {
    const params = CDNOW_BG_NBD;
    const matrix = pAliveMatrix(params, { T: 38.86 });
    expect(matrix.numRows()).toBe(315);
    const rows = matrix.objects() as { x: number; t_x: number; p_alive: number }[];
    expect(rows.filter((r) => r.x === 0).every((r) => r.p_alive === 1)).toBe(true);
    const x2 = rows.filter((r) => r.x === 2).map((r) => r.p_alive);
    for (let i = 1; i < x2.length; i++) expect(x2[i]).toBeGreaterThan(x2[i - 1]);
    // At t_x = T every customer is alive with 1/(1 + a/(b+x-1)); x = 2: 1/(1 + 0.793/3.426)
    expect(x2[20]).toBeCloseTo(1 / (1 + 0.793 / 3.426), 12);
  });
});
