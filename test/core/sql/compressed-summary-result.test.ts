import * as aq from 'arquero';
import { splitCompressedSummary } from '../../../src/core/sql/compressed-summary-result.ts';
import { errorOf } from '../error-of.ts';

const rows = [
  { part: 'purchases', x: 0n, t_x: 0, T: 30, monetary: null, count: 5n },
  { part: 'purchases', x: 2n, t_x: 10, T: 30, monetary: null, count: 1n },
  { part: 'spend', x: 2n, t_x: null, T: null, monetary: 12.5, count: 3n },
];

describe('splitCompressedSummary', () => {
  test('the two parts as the tables the fits take, counts from bigints, numbers or decimal strings', () => {
    const asText = rows.map((row) => ({ ...row, x: String(row.x), count: String(row.count) }));
    for (const input of [rows, asText, aq.from(asText)]) {
      const { purchases, spend } = splitCompressedSummary(input);
      expect(purchases.columnNames()).toEqual(['x', 't_x', 'T', 'count']);
      expect(purchases.objects()).toEqual([
        { x: 0, t_x: 0, T: 30, count: 5 },
        { x: 2, t_x: 10, T: 30, count: 1 },
      ]);
      expect(spend.objects()).toEqual([{ x: 2, monetary: 12.5, count: 3 }]);
    }
    const empty = splitCompressedSummary([]);
    expect([empty.purchases.numRows(), empty.spend.numRows()]).toEqual([0, 0]);
  });

  test('a bad part, a missing value or a bad count names the column and row', () => {
    expect(errorOf(() => splitCompressedSummary([...rows, { ...rows[0], part: 'all' }])).message).toBe(
      `result: column "part", row 4 must be 'purchases' or 'spend' (got "all")`,
    );
    expect(errorOf(() => splitCompressedSummary([rows[0], { ...rows[1], t_x: null }])).message).toBe(
      'result: column "t_x", row 2 is not a number (got null)',
    );
    expect(errorOf(() => splitCompressedSummary([rows[2], { ...rows[2], monetary: 'n/a' }])).message).toBe(
      'result: column "monetary", row 2 is not a number (got "n/a")',
    );
    expect(errorOf(() => splitCompressedSummary([{ ...rows[0], count: 0n }])).message).toBe(
      'result: column "count", row 1 must be a whole number ≥ 1 (got 0n)',
    );
    expect(errorOf(() => splitCompressedSummary([{ ...rows[0], x: -1 }])).message).toBe(
      'result: column "x", row 1 must be a whole number ≥ 0 (got -1)',
    );
    expect(errorOf(() => splitCompressedSummary([{ x: 1 }])).argument).toBe('result');
    expect(errorOf(() => splitCompressedSummary('rows')).argument).toBe('result');
  });
});
