import * as aq from 'arquero';
import { segmentProfile } from '../../../src/core/segments/segment-profile.ts';
import { tableFromColumns } from '../../../src/core/table/named-columns.ts';
import { HOSTILE_NAMES } from '../hostile-names.ts';

describe('segmentProfile', () => {
  test('the JSDoc example', () => {
    const out = segmentProfile([{ s: 'a', v: 1 }, { s: 'a', v: 3 }, { s: 'b', v: 6 }], 's', ['v']).objects();
    expect(out).toHaveLength(2);
    expect(out[0]).toEqual({ s: 'a', customers: 2, customerShare: 2 / 3, valueShare: 0.4, v_mean: 2, v_median: 2 });
    expect(out[1]).toEqual({ s: 'b', customers: 1, customerShare: 1 / 3, valueShare: 0.6, v_mean: 6, v_median: 6 });
  });

  /*
   * Hand-computed: segment x has monetary 10, 20, 60 (mean 30, median 20) and frequency 1, 2, 6
   * (mean 3, median 2); y has monetary 5, 5 (mean 5, median 5), frequency 4, 2 (mean 3, median 3);
   * z has monetary 0, frequency 1. Value = monetary, total 100: shares 0.9, 0.1, 0.
   * pandas agrees: df.groupby('seg').agg(['mean', 'median']) on the same rows.
   */
  const t = aq.table({
    seg: ['x', 'y', 'x', 'z', 'x', 'y'],
    monetary: [10, 5, 20, 0, 60, 5],
    frequency: [1, 4, 2, 1, 6, 2],
  });

  test('means, medians, shares; value measure and row order are options', () => {
    const out = segmentProfile(t, 'seg', ['monetary', 'frequency'], { order: ['z', 'y'] });
    expect(out.columnNames()).toEqual([
      'seg', 'customers', 'customerShare', 'valueShare', 'monetary_mean', 'monetary_median', 'frequency_mean', 'frequency_median',
    ]);
    expect(out.objects()).toEqual([
      { seg: 'z', customers: 1, customerShare: 1 / 6, valueShare: 0, monetary_mean: 0, monetary_median: 0, frequency_mean: 1, frequency_median: 1 },
      { seg: 'y', customers: 2, customerShare: 2 / 6, valueShare: 0.1, monetary_mean: 5, monetary_median: 5, frequency_mean: 3, frequency_median: 3 },
      { seg: 'x', customers: 3, customerShare: 3 / 6, valueShare: 0.9, monetary_mean: 30, monetary_median: 20, frequency_mean: 3, frequency_median: 2 },
    ]);
    const byFrequency = segmentProfile(t, 'seg', ['monetary'], { value: 'frequency' });
    // frequency totals x 9, y 6, z 1 of 16
    expect(Array.from(byFrequency.array('valueShare'))).toEqual([9 / 16, 6 / 16, 1 / 16]);
  });

  test('a listed segment with no customers gets a row of zeros and NaN statistics', () => {
    const out = segmentProfile(t, 'seg', ['monetary'], { order: ['Champions', 'x'] }).objects() as Record<string, unknown>[];
    expect(out[0].customers).toBe(0);
    expect(out[0].monetary_mean).toBeNaN();
    expect(out.map((r) => r.seg)).toEqual(['Champions', 'x', 'y', 'z']);
  });

  test('errors', () => {
    expect(() => segmentProfile(t, 'segment', ['monetary'])).toThrow('segmentColumn: column "segment" not found');
    expect(() => segmentProfile(t, 'seg', [])).toThrow('measures must list at least one numeric column');
    expect(() => segmentProfile([{ s: 'a', v: 1 }, { s: null, v: 2 }], 's', ['v'])).toThrow('segmentColumn: column "s", row 2 is blank');
    // The one blank rule (core/table/cell.ts): a segment of spaces is blank, not a segment named ' '.
    expect(() => segmentProfile([{ s: 'a', v: 1 }, { s: '  ', v: 2 }], 's', ['v'])).toThrow('segmentColumn: column "s", row 2 is blank');
    expect(() => segmentProfile([{ s: 'a', v: 'x' }], 's', ['v'])).toThrow('value: column "v", row 1 is not a number (got "x")');
  });
});

test.each(HOSTILE_NAMES)('segment column, segments and a measure named %s work like any other (names are data)', (name) => {
  const plain = segmentProfile(aq.table({ seg: ['x', 'y', 'x'], v: [1, 2, 5] }), 'seg', ['v']);
  const table = tableFromColumns([name, `${name} measure`], [[name, 'y', name], [1, 2, 5]]);
  const out = segmentProfile(table, name, [`${name} measure`]);
  expect(out.columnNames()).toEqual([name, 'customers', 'customerShare', 'valueShare', `${name} measure_mean`, `${name} measure_median`]);
  expect(out.array(name)).toEqual([name, 'y']);
  expect(Array.from(out.array(`${name} measure_mean`))).toEqual(Array.from(plain.array('v_mean')));
  expect(Array.from(out.array('valueShare'))).toEqual(Array.from(plain.array('valueShare')));
});
