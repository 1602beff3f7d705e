import * as aq from 'arquero';
import { DEFAULT_RFM_RULES, rfmSegments } from '../../../src/core/segments/rfm-segments.ts';
import type { RfmRule } from '../../../src/core/segments/rfm-segments.ts';

describe('rfmSegments', () => {
  test('the JSDoc example', () => {
    const out = rfmSegments([{ R: 5, F: 5, M: 5 }, { R: 1, F: 1, M: 1 }, { R: 2, F: 1, M: 5 }]);
    expect(out.table.array('segment')).toEqual(['Champions', 'Lost', 'Others']);
  });

  test('the default rule table is DESIGN.md\'s, in its order', () => {
    expect(DEFAULT_RFM_RULES.map((r) => [r.name, ...r.r, ...r.f, ...r.m])).toEqual([
      ['Champions', 5, 5, 5, 5, 5, 5],
      ['Potential Loyalist', 3, 5, 3, 5, 2, 5],
      ['Loyal Customers', 2, 4, 2, 4, 2, 4],
      ['Promising', 3, 4, 1, 3, 3, 5],
      ['New Customers', 4, 5, 1, 3, 1, 5],
      ["Can't Lose Them", 1, 2, 3, 4, 4, 5],
      ['At Risk', 1, 2, 2, 5, 4, 5],
      ['Need Attention', 1, 3, 3, 5, 3, 5],
      ['About To Sleep', 2, 3, 1, 3, 1, 4],
      ['Lost', 1, 1, 1, 5, 1, 5],
    ]);
  });

  test('first match wins: hand-checked customers', () => {
    // Each line: scores, then the first rule (in DESIGN order) whose three ranges contain them.
    const cases: [number, number, number, string][] = [
      [5, 5, 5, 'Champions'],
      [5, 5, 4, 'Potential Loyalist'], // not Champions (M 4)
      [3, 3, 2, 'Potential Loyalist'],
      [2, 2, 2, 'Loyal Customers'], // R 2 rules out Potential Loyalist
      [4, 2, 4, 'Loyal Customers'], // also fits Promising and New Customers: earlier rule wins
      [3, 1, 5, 'Promising'],
      [5, 1, 1, 'New Customers'],
      [2, 3, 5, "Can't Lose Them"], // also fits At Risk and Need Attention
      [1, 5, 5, 'At Risk'],
      [3, 5, 1, 'Others'], // F 5 with M 1: Potential Loyalist needs M ≥ 2, nothing else fits
      [2, 1, 2, 'About To Sleep'],
      [1, 1, 1, 'Lost'],
      [1, 2, 2, 'Lost'],
      [2, 5, 2, 'Others'],
    ];
    const out = rfmSegments(cases.map(([R, F, M]) => ({ R, F, M })));
    expect(out.table.array('segment')).toEqual(cases.map((c) => c[3]));
  });

  test('coverage counts first matches, eligible customers, Others and unused rules', () => {
    const scores = aq.table({ R: [5, 5, 4, 1, 2, 3], F: [5, 5, 2, 1, 1, 5], M: [5, 4, 4, 1, 5, 1] });
    const out = rfmSegments(scores);
    const line = (name: string) => out.coverage.find((c) => c.segment === name);
    expect(line('Champions')).toEqual({ segment: 'Champions', customers: 1, share: 1 / 6, eligible: 1 });
    // (5,5,5) is eligible for Potential Loyalist too but taken by Champions.
    expect(line('Potential Loyalist')).toEqual({ segment: 'Potential Loyalist', customers: 1, share: 1 / 6, eligible: 2 });
    expect(line('Loyal Customers')?.customers).toBe(1);
    expect(line('Lost')?.customers).toBe(1);
    expect(line('Others')).toEqual({ segment: 'Others', customers: 2, share: 2 / 6, eligible: 2 });
    expect(out.others).toBe(2);
    expect(out.coverage.reduce((s, c) => s + c.customers, 0)).toBe(6);
    expect(out.coverage.map((c) => c.segment)).toEqual([...DEFAULT_RFM_RULES.map((r) => r.name), 'Others']);
    expect(out.unused).toEqual(['Promising', 'New Customers', "Can't Lose Them", 'At Risk', 'Need Attention', 'About To Sleep']);
  });

  test('rules are replaceable; options rename columns and labels', () => {
    const rules: RfmRule[] = [
      { name: 'Best', r: [3, 3], f: [2, 3], m: [1, 3] },
      { name: 'Rest', r: [1, 3], f: [1, 3], m: [1, 3] },
    ];
    const t = [{ r: 3, f: 3, m: 1 }, { r: 1, f: 1, m: 1 }, { r: 3, f: 1, m: 7 }];
    const out = rfmSegments(t, rules, { r: 'r', f: 'f', m: 'm', segment: 'group', others: 'Unclassified' });
    expect(out.table.array('group')).toEqual(['Best', 'Rest', 'Unclassified']);
    expect(out.coverage.map((c) => [c.segment, c.customers])).toEqual([['Best', 1], ['Rest', 1], ['Unclassified', 1]]);
  });

  test('errors', () => {
    expect(() => rfmSegments([{ R: 6, F: 1, M: 1 }])).toThrow(
      'scores: column "R", row 1 is 6, above 5; the default rules are for 5 bins, pass rules for other bin counts',
    );
    expect(() => rfmSegments([{ R: 1, F: 1, M: 1 }], [{ name: 'x', r: [3, 1], f: [1, 5], m: [1, 5] }])).toThrow(
      'rules: rule 1 r must be [low, high] with low <= high (got [3,1])',
    );
    expect(() => rfmSegments([{ R: 1, F: 1, M: 1 }], [{ name: '', r: [1, 1], f: [1, 5], m: [1, 5] }])).toThrow(
      'rules: rule 1 needs a non-empty name',
    );
    expect(() => rfmSegments([{ R: 1, F: 1 }])).toThrow('m: column "M" not found');
  });
});
