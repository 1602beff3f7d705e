import { groupComparisonChart } from '../../../src/core/charts/group-comparison-chart.ts';
import { csiByGroup } from '../../../src/core/satisfaction/csi-by-group.ts';
import { npsByGroup } from '../../../src/core/satisfaction/nps-by-group.ts';
import { errorOf } from '../error-of.ts';
import { compileQuietly } from './compile-quietly.ts';

// As in driver-chart.test.ts: vega-lite's imports from `vega` are vega-util's.
jest.mock('vega', () => jest.requireActual('vega-util'));

const rows = [
  { wave: new Date(Date.UTC(2024, 5, 30)), q: 7, r: 9 },
  { wave: new Date(Date.UTC(2024, 5, 30)), q: 8, r: 10 },
  { wave: new Date(Date.UTC(2024, 2, 31)), q: 6, r: 5 },
  { wave: new Date(Date.UTC(2024, 2, 31)), q: 7, r: 8 },
  { wave: new Date(Date.UTC(2024, 8, 30)), q: 9, r: 9 },
];

describe('groupComparisonChart', () => {
  test('CSI per group with intervals compiles without warnings; groups keep their order', () => {
    const spec = groupComparisonChart(csiByGroup(rows, { items: ['q'], group: 'wave' }));
    expect(spec.title).toBe('CSI by group');
    expect(spec.layer.length).toBe(2);
    const { result, messages } = compileQuietly(spec);
    expect(messages).toEqual([]);
    expect(result.spec.marks!.length).toBe(2);
    const values = (spec.data as { values: { group: string; low: number | null }[] }).values;
    expect(values.map((v) => v.group)).toEqual(['2024-03-31', '2024-06-30', '2024-09-30']);
    // The one-respondent wave has no interval: its rule is left out, its point stays.
    expect(values[2].low).toBeNull();
  });

  test('a benchmark adds a dashed rule and its label', () => {
    const spec = groupComparisonChart(npsByGroup(rows, { item: 'r', group: 'wave' }).objects(), {
      measure: 'nps',
      benchmark: { value: 30, label: 'Industry average' },
    });
    expect(spec.layer.length).toBe(4);
    const { result, messages } = compileQuietly(spec);
    expect(messages).toEqual([]);
    expect(result.spec.marks!.length).toBe(4);
    expect(JSON.stringify(spec)).toContain('"label":"Industry average 30"');
    expect(groupComparisonChart(csiByGroup(rows, { items: ['q'], group: 'wave' }), { benchmark: 70 }).layer.length).toBe(4);
    expect(errorOf(() => groupComparisonChart([], { benchmark: NaN })).message).toBe('benchmark must be a finite number (got NaN)');
  });
});
