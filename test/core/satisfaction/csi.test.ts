import * as aq from 'arquero';
import { csi, csiItems } from '../../../src/core/satisfaction/csi.ts';
import { errorOf } from '../error-of.ts';

// Four respondents, three items, scale 1..10, one blank per item (rows 4, 2, 1).
const withBlanks = [
  [8, 9, null],
  [6, null, 7],
  [10, 7, 5],
  [null, 8, 9],
];

describe('csi', () => {
  test('blanks are skipped per item (hand-computed)', () => {
    // Item means over the answers given: (8+6+10)/3 = 8, (9+7+8)/3 = 8, (7+5+9)/3 = 7.
    // Equal weights: m = 23/3; CSI = (23/3 − 1)/(10 − 1)·100 = (20/3)/9·100 = 2000/27 = 74.074…
    // (listwise deletion would keep only row 3: (22/3 − 1)/9·100 = 70.37, a different number).
    expect(csi(withBlanks)).toBeCloseTo(2000 / 27, 12);
  });

  test('weights: weighted mean of item means (hand-computed)', () => {
    // m = (2·8 + 1·8 + 1·7)/4 = 31/4 = 7.75; CSI = 6.75/9·100 = 75.
    expect(csi(withBlanks, { weights: [2, 1, 1] })).toBeCloseTo(75, 12);
    // Weights need not sum to 1 or 100: [50, 25, 25] is the same index.
    expect(csi(withBlanks, { weights: [50, 25, 25] })).toBeCloseTo(75, 12);
  });

  test('cross-checked against pandas (DataFrame.mean skips NaN per column)', () => {
    // /usr/bin/python3:
    //   df = pd.DataFrame(rows, columns=['q1','q2','q3','q4'], dtype=float)
    //   means = df.mean()                      # [7.714285714285714, 7.571428571428571, 7.0, 6.333333333333333]
    //   w = np.array([0.4,0.3,0.2,0.1]); m = (w*means).sum()/w.sum(); (m-1)/9*100  # 71.00529100529101
    //   m = means.mean(); (m-1)/9*100         # 68.38624338624338
    const rows = [
      [7, 8, null, 6],
      [9, null, 8, 7],
      [5, 6, 7, null],
      [10, 9, 9, 8],
      [null, 7, 6, 5],
      [8, 8, null, 9],
      [6, 5, 4, 3],
      [9, 10, 8, null],
    ];
    expect(csi(rows, { weights: [0.4, 0.3, 0.2, 0.1] })).toBeCloseTo(71.00529100529101, 12);
    expect(csi(rows)).toBeCloseTo(68.38624338624338, 12);
    const items = csiItems(rows);
    expect(items.map((item) => item.count)).toEqual([7, 7, 6, 6]);
    expect(items[0].mean).toBeCloseTo(7.714285714285714, 14);
    expect(items[3].mean).toBeCloseTo(6.333333333333333, 14);
  });

  test('another scale: 1..5 (hand-computed)', () => {
    // Item means 4 and 3; m = 3.5; CSI = (3.5 − 1)/(5 − 1)·100 = 62.5.
    expect(csi([[5, 4], [3, 2]], { scaleMin: 1, scaleMax: 5 })).toBe(62.5);
    // 0..10 scale: item means 5 and 10; m = 7.5 → 75.
    expect(csi([[0, 10], [10, 10]], { scaleMin: 0, scaleMax: 10 })).toBe(75);
  });

  test('an Arquero table of item columns, and row objects, give the same index', () => {
    const table = aq.table({ q1: [8, 6, 10, null], q2: [9, null, 7, 8], q3: [null, 7, 5, 9] });
    expect(csi(table)).toBeCloseTo(2000 / 27, 12);
    expect(csi(table.objects() as Record<string, unknown>[])).toBeCloseTo(2000 / 27, 12);
    expect(csi(table, { weights: [2, 1, 1] })).toBeCloseTo(75, 12);
  });

  test('numeric strings count, blank strings and NaN are blanks', () => {
    expect(csi([['8', 9, ''], [6, NaN, 7], [' 10 ', 7, 5], [undefined, 8, '9']])).toBeCloseTo(
      2000 / 27,
      12,
    );
  });

  test('an item with weight 0 may have no answers; it does not enter the index', () => {
    // Item 1 mean (8+6)/2 = 7 → (7 − 1)/9·100 = 66.67.
    expect(csi([[8, null], [6, null]], { weights: [1, 0] })).toBeCloseTo(600 / 9, 12);
  });

  test('JSDoc examples', () => {
    // csi([[8, 9], [6, null]], { weights: [1, 3] }): (0.25·7 + 0.75·9 − 1)/9·100 = 7.5/9·100.
    expect(csi([[8, 9], [6, null]], { weights: [1, 3] })).toBeCloseTo(250 / 3, 12);
    const items = csiItems([[8, null], [6, 9]]);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ item: 'item 1', mean: 7, count: 2 });
    expect(items[0].score).toBeCloseTo(66.6667, 4);
    expect(items[1]).toMatchObject({ item: 'item 2', mean: 9, count: 1 });
    expect(items[1].score).toBeCloseTo(88.8889, 4);
  });

  test('csiItems names table items by column and reports an unanswered item as NaN', () => {
    const items = csiItems(aq.table({ speed: [7, 9], price: [null, null] }));
    expect(items[0]).toMatchObject({ item: 'speed', mean: 8, count: 2 });
    expect(items[1].item).toBe('price');
    expect(items[1].count).toBe(0);
    expect(items[1].mean).toBeNaN();
    expect(items[1].score).toBeNaN();
  });

  describe('errors', () => {
    test.each([
      [[], {}, 'scores must contain at least one respondent and one item', { argument: 'scores' }],
      [[[]], {}, 'scores must contain at least one respondent and one item', { argument: 'scores' }],
      [[[5, 6], [7]], {}, 'scores: row 2 has 1 cells, row 1 has 2 (leave blanks as null)', { argument: 'scores', row: 2 }],
      [[[5, 6], [7, 'abc']], {}, 'scores: row 2, item 2 is not a number (got "abc")', { argument: 'scores', row: 2, item: 2 }],
      [[[5, 6], [7, true]], {}, 'scores: row 2, item 2 is not a number (got true)', { argument: 'scores', row: 2, item: 2 }],
      [[[5, 6], [11, 6]], {}, 'scores: row 2, item 1 is outside the scale 1–10 (got 11)', { argument: 'scores', row: 2, item: 1 }],
      [[[0, 6]], {}, 'scores: row 1, item 1 is outside the scale 1–10 (got 0)', { argument: 'scores', row: 1, item: 1 }],
      [[[5, null], [6, null]], {}, 'scores: item 2 has no answers', { argument: 'scores', item: 2 }],
      [[[5, 6]], { weights: [1] }, 'weights must have one weight per item (2 items, 1 weight)', { argument: 'weights' }],
      [[[5, 6, 7]], { weights: [1, 1, -0.2] }, 'weights: item 3 must be non-negative (got -0.2)', { argument: 'weights', item: 3 }],
      [[[5, 6]], { weights: [0, 0] }, 'weights must not all be zero', { argument: 'weights' }],
      [[[5, 6]], { weights: [1, 'x'] }, 'weights: item 2 is not a number (got "x")', { argument: 'weights', item: 2 }],
      [[[5, 6]], { scaleMin: 5, scaleMax: 5 }, 'scaleMax must be greater than scaleMin, which is 5 (got 5)', { argument: 'scaleMax' }],
      [[[5, 6]], { scaleMin: 10, scaleMax: 1 }, 'scaleMax must be greater than scaleMin, which is 10 (got 1)', { argument: 'scaleMax' }],
      [[[5, 6]], { scaleMax: Infinity }, 'scaleMax must be a finite number (got Infinity)', { argument: 'scaleMax' }],
      [[{ a: 1 }, [2]], {}, 'scores: row 2 is not a row object (give all rows as arrays or all as objects)', { argument: 'scores', row: 2 }],
    ] as [unknown, object, string, object][])('%j %j → %s', (scores, options, message, location) => {
      const error = errorOf(() => csi(scores as never, options));
      expect(error.message).toBe(message);
      expect(error.location).toEqual(location);
    });

    test('table errors name the row and the item with its column', () => {
      const table = aq.table({ q1: [5, 6], q2: [7, 'n/a'] });
      const bad = errorOf(() => csi(table));
      expect(bad.message).toBe('scores: column "q2", row 2 is not a number (got "n/a")');
      expect(bad.location).toEqual({ argument: 'scores', column: 'q2', row: 2 });
      const empty = aq.table({ q1: [5, 6], q2: [null, null] });
      const error = errorOf(() => csi(empty));
      expect(error.message).toBe('scores: column "q2" has no answers');
      expect(error.code).toBe('na');
      expect(error.location).toEqual({ argument: 'scores', column: 'q2' });
    });

    test('not an array or table', () => {
      expect(errorOf(() => csi(42 as never)).message).toBe(
        'scores must be an array of respondent rows or an Arquero table',
      );
    });
  });
});

describe('csi with extreme weights (issue #9)', () => {
  test('a weight of 1e308 weighs like any other: (7/3 − 0)/5·100 = 46.67, not Infinity', () => {
    expect(csi([[3], [2], [2]], { weights: [1e308], scaleMin: 0, scaleMax: 5 })).toBeCloseTo((7 / 3 / 5) * 100, 12);
    expect(csi([[3, 5], [2, 5]], { weights: [1e308, 1e308], scaleMin: 0, scaleMax: 5 })).toBeCloseTo(75, 12);
  });

  test('a scale spanning the whole double range stays finite', () => {
    const value = csi([[0]], { scaleMin: -Number.MAX_VALUE, scaleMax: Number.MAX_VALUE });
    expect(value).toBeCloseTo(50, 12);
  });
});
