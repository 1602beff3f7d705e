import * as aq from 'arquero';
import { migrationChart } from '../../../src/core/charts/migration-chart.ts';
import { valueOverPeriodsChart } from '../../../src/core/charts/value-over-periods-chart.ts';
import type { SegmentMigration } from '../../../src/core/segments/segment-migration.ts';
import { compileQuietly } from './compile-quietly.ts';

// As in driver-chart.test.ts: vega-lite's imports from `vega` are vega-util's.
jest.mock('vega', () => jest.requireActual('vega-util'));

describe('migrationChart', () => {
  const migration: SegmentMigration = {
    matrix: aq.table({ from: ['A', 'A', 'New', 'New'], to: ['A', 'B', 'A', 'B'], customers: [3, 1, 0, 2], spend: [30, 5, 0, 12] }),
    customers: aq.table({ customer: [], fromSegment: [], toSegment: [], spend: [] }),
    segments: { from: ['A', 'New'], to: ['A', 'B'] },
    from: '2024-01-31',
    to: '2024-03-01',
  };

  test('heatmap of customers or spend compiles without warnings, in segment order', () => {
    for (const measure of ['customers', 'spend'] as const) {
      const spec = migrationChart(migration, { measure });
      const { result, messages } = compileQuietly(spec);
      expect(messages).toEqual([]);
      expect(result.spec.marks!.length).toBe(2);
      expect(JSON.stringify(spec)).toContain(`"color":{"field":"${measure}"`);
    }
    expect(migrationChart(migration).title).toBe('Segment migration, 2024-01-31 → 2024-03-01');
  });
});

describe('valueOverPeriodsChart', () => {
  test('bars and line on independent axes compile without warnings; empty values allowed', () => {
    const rows = [
      { periodEnd: '2024-01-31', customers: 10, activeCustomers: 10, meanPAlive: null, expectedAlive: null, totalClv: null },
      { periodEnd: '2024-02-29', customers: 12, activeCustomers: 6, meanPAlive: 0.9, expectedAlive: 10.8, totalClv: 420 },
    ];
    const spec = valueOverPeriodsChart(rows);
    const { result, messages } = compileQuietly(spec);
    expect(messages).toEqual([]);
    expect(result.spec.marks!.length).toBeGreaterThanOrEqual(2);
  });
});
