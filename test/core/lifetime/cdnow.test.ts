import { parseCdnow } from '../../../src/core/lifetime/cdnow.ts';
import { cdnowRows } from './cdnow-fixture.ts';

describe('parseCdnow', () => {
  test('the documented example', () => {
    expect(parseCdnow(' 00004 0001 19970101  2   29.33\r\n')).toEqual([
      { customer: 4, sampleId: 1, date: 19970101, cds: 2, amount: 29.33 },
    ]);
  });
  test('the CDNOW sample (Fader & Hardie): 6,919 rows, 2,357 customers, 8 rows of $0', () => {
    const rows = cdnowRows();
    expect(rows).toHaveLength(6919);
    expect(new Set(rows.map((r) => r.customer)).size).toBe(2357);
    expect(rows.filter((r) => r.amount === 0)).toHaveLength(8);
  });
  test('a malformed line is named', () => {
    expect(() => parseCdnow('00004 0001 19970101 2 29.33\n00004 0001 x 2\n')).toThrow(
      'text: line 2 is not "id sampleId yyyymmdd cds amount" ("00004 0001 x 2")',
    );
  });
});
