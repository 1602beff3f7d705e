import { expectedPurchasesChart } from '../../../src/core/charts/expected-purchases-chart.ts';
import { modelComparisonChart } from '../../../src/core/charts/model-comparison-chart.ts';
import { compareModels } from '../../../src/core/lifetime/compare-models.ts';
import { expectedPurchasesMatrix } from '../../../src/core/lifetime/expected-purchases-matrix.ts';
import { cdnowSummary } from '../lifetime/cdnow-fixture.ts';
import { compileQuietly } from './compile-quietly.ts';

// As in lifetime-charts.test.ts: vega-lite's four helpers from `vega` are vega-util's.
jest.mock('vega', () => jest.requireActual('vega-util'));

describe('model comparison charts compile with vega-lite', () => {
  const comparison = compareModels(cdnowSummary(), { duration: 39 });

  test('calibration vs holdout for both models: 8 groups × 3 series', () => {
    const spec = modelComparisonChart(comparison.calibrationHoldout, { timeUnit: 'week', duration: 39 });
    const { result, messages } = compileQuietly(spec);
    expect(messages).toEqual([]);
    expect(result.spec.marks?.length).toBeGreaterThan(0);
    const values = (spec.data as { values: Record<string, unknown>[] }).values;
    expect(values).toHaveLength(24);
    expect(values.slice(0, 3).map((v) => v.series)).toEqual(['Actual', 'BG/NBD', 'Pareto/NBD']);
  });

  test('expected-purchases heatmap beside the P(alive) one', () => {
    const spec = expectedPurchasesChart(expectedPurchasesMatrix(comparison.paretoNbd, { T: 272 / 7, t: 39 }), {
      timeUnit: 'week',
      t: 39,
    });
    const { result, messages } = compileQuietly(spec);
    expect(messages).toEqual([]);
    expect(result.spec.marks?.length).toBeGreaterThan(0);
    expect((spec as { mark: unknown }).mark).toEqual({ type: 'rect' });
    expect((spec.data as { values: unknown[] }).values).toHaveLength(315);
  });
});
