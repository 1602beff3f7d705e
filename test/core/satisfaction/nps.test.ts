import * as aq from 'arquero';
import { nps, npsBreakdown } from '../../../src/core/satisfaction/nps.ts';
import { errorOf } from '../error-of.ts';

describe('nps', () => {
  test('hand-computed: promoters 9–10, passives 7–8, detractors 0–6, blanks skipped', () => {
    // 10, 9, 9, 10 promoters (4); 8, 7 passives (2); 6, 5, 0 detractors (3); null skipped.
    // NPS = 100 · (4 − 3)/9 = 11.11…
    const scores = [10, 9, 9, 8, 7, 6, 5, 0, null, 10];
    expect(npsBreakdown(scores)).toEqual({
      promoters: 4,
      passives: 2,
      detractors: 3,
      n: 9,
      nps: 100 / 9,
    });
    expect(nps(scores)).toBeCloseTo(11.111111, 6);
  });

  test('bounds: all promoters 100, all detractors −100, all passives 0', () => {
    expect(nps([9, 10, 10])).toBe(100);
    expect(nps([0, 3, 6])).toBe(-100);
    expect(nps([7, 8])).toBe(0);
  });

  test('JSDoc example', () => {
    expect(nps([10, 9, 8, 6, null])).toBe(25);
    expect(npsBreakdown([10, 9, 8, 6, null])).toEqual({
      promoters: 2,
      passives: 1,
      detractors: 1,
      n: 4,
      nps: 25,
    });
  });

  test('numeric strings and blank strings, typed arrays', () => {
    expect(nps(['10', '', ' 6 ', NaN, undefined])).toBe(0);
    expect(nps(new Float64Array([10, 10, 5, NaN]))).toBeCloseTo(100 / 3, 12);
  });

  test('an Arquero table column, row objects, and a one-column table', () => {
    const table = aq.table({ id: [1, 2, 3, 4], recommend: [10, 9, null, 3] });
    // 2 promoters, 1 detractor of 3 answers: 100/3.
    expect(nps(table, 'recommend')).toBeCloseTo(100 / 3, 12);
    expect(nps(table.objects() as Record<string, unknown>[], 'recommend')).toBeCloseTo(100 / 3, 12);
    expect(nps(table.select('recommend'))).toBeCloseTo(100 / 3, 12);
  });

  describe('errors', () => {
    test.each([
      [[10, 11], 'scores: item 2 must be a whole number from 0 to 10 (got 11)', { argument: 'scores', item: 2 }],
      [[10, 7.5], 'scores: item 2 must be a whole number from 0 to 10 (got 7.5)', { argument: 'scores', item: 2 }],
      [[-1], 'scores: item 1 must be a whole number from 0 to 10 (got -1)', { argument: 'scores', item: 1 }],
      [[9, 'great'], 'scores: item 2 must be a whole number from 0 to 10 (got "great")', { argument: 'scores', item: 2 }],
      [[], 'scores has no answers', { argument: 'scores' }],
      [[null, ''], 'scores has no answers', { argument: 'scores' }],
    ] as [unknown[], string, object][])('%j → %s', (scores, message, location) => {
      const error = errorOf(() => nps(scores));
      expect(error.message).toBe(message);
      expect(error.location).toEqual(location);
    });

    test('table errors name column and row; a missing or unnamed column', () => {
      const table = aq.table({ id: [1, 2], recommend: [10, 12] });
      const bad = errorOf(() => nps(table, 'recommend'));
      expect(bad.message).toBe('scores: column "recommend", row 2 must be a whole number from 0 to 10 (got 12)');
      expect(bad.location).toEqual({ argument: 'scores', column: 'recommend', row: 2 });
      const unnamed = errorOf(() => nps(table));
      expect(unnamed.message).toBe('column is required: name the column of scores to read (the table has 2 columns)');
      expect(unnamed.location).toEqual({ argument: 'column' });
      const missing = errorOf(() => nps(table, 'nps'));
      expect(missing.message).toBe('column: column "nps" not found (columns: id, recommend)');
      expect(missing.code).toBe('na');
    });

    test('not an array', () => {
      expect(errorOf(() => nps(7 as never)).message).toBe(
        'scores must be an array of answers or an Arquero table column',
      );
    });
  });
});
