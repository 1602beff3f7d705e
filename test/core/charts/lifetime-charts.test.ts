import { calibrationHoldoutChart } from '../../../src/core/charts/calibration-holdout-chart.ts';
import { pAliveChart } from '../../../src/core/charts/p-alive-chart.ts';
import { trackingChart } from '../../../src/core/charts/tracking-chart.ts';
import { fitBgNbd } from '../../../src/core/lifetime/bg-nbd-fit.ts';
import { calibrationHoldout, pAliveMatrix } from '../../../src/core/lifetime/calibration-holdout.ts';
import { repeatPurchaseTracking } from '../../../src/core/lifetime/tracking.ts';
import { cdnowRows, cdnowSummary } from '../lifetime/cdnow-fixture.ts';
import { compileQuietly } from './compile-quietly.ts';

// As in value-map-chart.test.ts: vega-lite's four helpers from `vega` are vega-util's.
jest.mock('vega', () => jest.requireActual('vega-util'));

describe('lifetime charts compile with vega-lite', () => {
  const summary = cdnowSummary();
  const fit = fitBgNbd(summary);

  test('calibration vs holdout', () => {
    const spec = calibrationHoldoutChart(calibrationHoldout(summary, fit, { duration: 39 }), {
      timeUnit: 'week',
      duration: 39,
    });
    const { result, messages } = compileQuietly(spec);
    expect(messages).toEqual([]);
    expect(result.spec.marks?.length).toBeGreaterThan(0);
    expect((spec as { mark: unknown }).mark).toEqual({ type: 'line', point: true });
    const values = (spec.data as { values: Record<string, unknown>[] }).values;
    expect(values).toHaveLength(16);
    expect(values[0]).toMatchObject({ frequency: '0', series: 'Actual' });
  });

  test('P(alive) heatmap', () => {
    const spec = pAliveChart(pAliveMatrix(fit, { T: 272 / 7 }), { timeUnit: 'week' });
    const { result, messages } = compileQuietly(spec);
    expect(messages).toEqual([]);
    expect(result.spec.marks?.length).toBeGreaterThan(0);
    expect((spec as { mark: unknown }).mark).toEqual({ type: 'rect' });
    expect((spec.data as { values: unknown[] }).values).toHaveLength(315);
  });

  test('cumulative tracking, with the calibration end marked after week 39', () => {
    const tracking = repeatPurchaseTracking(cdnowRows(), fit, {
      calibrationEnd: '1997-09-30',
      holdoutEnd: '1998-06-30',
    });
    const spec = trackingChart(tracking, { timeUnit: 'week' }) as { layer: { data?: { values: unknown[] } }[] };
    const { result, messages } = compileQuietly(spec as never);
    expect(messages).toEqual([]);
    expect(result.spec.marks?.length).toBeGreaterThan(0);
    expect(spec.layer).toHaveLength(2);
    expect(spec.layer[1].data?.values).toEqual([{ period: 39.5 }]);
    expect(compileQuietly(trackingChart(tracking, { incremental: true }) as never).messages).toEqual([]);
  });
});
