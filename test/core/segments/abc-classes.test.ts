import { abcClasses } from '../../../src/core/segments/abc-classes.ts';

describe('abcClasses', () => {
  test('the JSDoc example: the customer crossing 80% is A', () => {
    // shares held above each customer (sorted): 0, 0.5, 0.8, 0.9, 0.96
    const out = abcClasses([50, 30, 10, 6, 4]);
    expect(out.classes).toEqual(['A', 'A', 'B', 'B', 'C']);
    expect(Array.from(out.shareAbove)).toEqual([0, 0.5, 0.8, 0.9, 0.96]);
  });

  test('input order is kept; boundary: share above exactly at a cutoff moves to the next class', () => {
    // sorted 40, 40, 15, 5: above = 0, 0 (tie), 0.8, 0.95 → A, A, B, C
    const out = abcClasses([5, 40, 15, 40]);
    expect(out.classes).toEqual(['C', 'A', 'B', 'A']);
    expect(out.summary).toEqual([
      { class: 'A', customers: 2, customerShare: 0.5, value: 80, valueShare: 0.8 },
      { class: 'B', customers: 1, customerShare: 0.25, value: 15, valueShare: 0.15 },
      { class: 'C', customers: 1, customerShare: 0.25, value: 5, valueShare: 0.05 },
    ]);
  });

  test('tied values share a class whatever their order', () => {
    // 70, then three 10s: above the tie is 0.7 < 0.8, so all three are A although the tie crosses 0.95.
    expect(abcClasses([10, 10, 70, 10]).classes).toEqual(['A', 'A', 'A', 'A']);
    expect(abcClasses([70, 10, 10, 10, 0]).classes).toEqual(['A', 'A', 'A', 'A', 'C']);
  });

  test('custom cutoffs give more classes; numeric strings are read', () => {
    const out = abcClasses(['40', 30, 20, 10], [0.3, 0.6, 0.9]);
    // above: 0, 0.4, 0.7, 0.9 → A, B, C, D
    expect(out.classes).toEqual(['A', 'B', 'C', 'D']);
    expect(out.cutoffs).toEqual([0.3, 0.6, 0.9]);
  });

  test('errors', () => {
    expect(() => abcClasses([1, -0.2, 3])).toThrow('values: item 2 must be non-negative (got -0.2)');
    expect(() => abcClasses([1, 'x'])).toThrow('values: item 2 is not a number (got "x")');
    expect(() => abcClasses([1, null])).toThrow('values: item 2 is not a number (got null)');
    expect(() => abcClasses([0, 0])).toThrow('values must have a positive total');
    expect(() => abcClasses([1, 2], [0.95, 0.8])).toThrow('cutoffs must be increasing shares between 0 and 1 (cutoff 2 is 0.8)');
    expect(() => abcClasses([1, 2], [0.8, 1])).toThrow('cutoffs must be increasing shares between 0 and 1 (cutoff 2 is 1)');
    expect(() => abcClasses([1, 2], [])).toThrow('cutoffs must be a list of 1 to 25 shares');
  });
});

describe('abcClasses at the edges (issue #9)', () => {
  test('values near the largest double class as their scaled-down copies (the total overflowed)', () => {
    expect(abcClasses([1e308, 1e308, 1e307, 5e306]).classes).toEqual(abcClasses([20, 20, 2, 1]).classes);
  });

  test('a NaN or infinite value is named as such, never "(null)"', () => {
    expect(() => abcClasses([1, NaN])).toThrow('values: item 2 is not a number (got NaN)');
    expect(() => abcClasses([1, Infinity])).toThrow('values: item 2 is not a number (got Infinity)');
  });

  test('cutoffs can be named as the caller calls them (CRM.ABC calls them a and b)', () => {
    expect(() => abcClasses([1, 2], [0.8, 3e-323], ['a', 'b'])).toThrow(
      'b must be a share between a (0.8) and 1 (got 3e-323)',
    );
  });
});
