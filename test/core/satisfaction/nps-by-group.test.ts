import * as aq from 'arquero';
import { nps } from '../../../src/core/satisfaction/nps.ts';
import { npsByGroup, npsChange, npsStandardError } from '../../../src/core/satisfaction/nps-by-group.ts';
import { errorOf } from '../error-of.ts';
import { simulateSurvey, trueNps } from './survey-simulation.ts';

type Row = { group: unknown; n: number; nps: number | null; low: number | null; high: number | null; note: string | null };

const BASE = [0.3, 0.45, 0.25];

describe('npsStandardError', () => {
  test('hand-computed: 50 promoters, 30 passives, 20 detractors', () => {
    // Var = (0.5 + 0.2 − 0.3²)/100 = 0.0061; se = 100·√0.0061 = 7.8102.
    expect(npsStandardError(50, 20, 100)).toBeCloseTo(7.810249675906654, 12);
    expect(npsStandardError(10, 0, 10)).toBe(0);
  });

  test('equals the exact variance of the NPS over every multinomial outcome (n = 7)', () => {
    // Independent check: enumerate all (promoters, passives, detractors) counts of n answers with
    // their multinomial probabilities and take the variance of 100·(P − D)/n directly.
    const n = 7;
    const [p, q, d] = [0.45, 0.3, 0.25];
    const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
    let mean = 0;
    let second = 0;
    for (let a = 0; a <= n; a++) {
      for (let b = 0; a + b <= n; b++) {
        const c = n - a - b;
        const probability = (factorial(n) / (factorial(a) * factorial(b) * factorial(c))) * p ** a * q ** b * d ** c;
        const score = (100 * (a - c)) / n;
        mean += probability * score;
        second += probability * score * score;
      }
    }
    const exact = Math.sqrt(second - mean * mean);
    // The formula at the true shares is the exact standard deviation.
    expect(npsStandardError(p * n, d * n, n)).toBeCloseTo(exact, 10);
    expect(mean).toBeCloseTo(100 * (p - d), 10);
  });
});

describe('npsByGroup', () => {
  test('nps equals nps() per group; interval from the multinomial variance', () => {
    const rows = [
      ...[10, 9, 9, 8, 7, 6, 3, null].map((r) => ({ brand: 'Us', r })),
      ...[10, 6, 6, 5, 8].map((r) => ({ brand: '__proto__', r })),
      ...[9].map((r) => ({ brand: 'toString', r })),
    ];
    const result = npsByGroup(rows, { item: 'r', group: 'brand' }).objects() as Row[];
    expect(result.map((r) => r.group)).toEqual(['Us', '__proto__', 'toString']);
    expect(result[0].nps).toBe(nps([10, 9, 9, 8, 7, 6, 3, null]));
    expect(result[0].n).toBe(7);
    const se = npsStandardError(3, 2, 7);
    expect(result[0].low).toBeCloseTo(100 / 7 - 1.959963984540054 * se, 10);
    expect(result[0].high).toBeCloseTo(100 / 7 + 1.959963984540054 * se, 10);
    // Cut at −100: 1 promoter, 3 detractors of 5 → −40 ± 83.
    expect(result[1].nps).toBe(-40);
    expect(result[1].low).toBe(-100);
    expect(result[2]).toEqual({ group: 'toString', n: 1, nps: 100, low: null, high: null, note: '1 respondent: at least 2 are needed for an interval' });
  });

  test('a group with no answers keeps its row; answers are checked with their table row', () => {
    const result = npsByGroup(aq.table({ w: [1, 1, 2], r: [9, 3, null] }), { item: 'r', group: 'w' }).objects() as Row[];
    expect(result[1]).toEqual({ group: 2, n: 0, nps: null, low: null, high: null, note: 'no answers in this group' });
    const fraction = errorOf(() => npsByGroup([{ w: 1, r: 9 }, { w: 1, r: 7.5 }], { item: 'r', group: 'w' }));
    expect(fraction.message).toBe('item: column "r", row 2 must be a whole number from 0 to 10 (got 7.5)');
    expect(fraction.location).toEqual({ argument: 'item', column: 'r', row: 2 });
    expect(errorOf(() => npsByGroup([{ w: 1, r: 9 }], { item: 'rec', group: 'w' })).message).toBe(
      'item: column "rec" not found (columns: w, r)',
    );
  });
});

describe('npsChange', () => {
  test('hand-computed difference, interval and p-value', () => {
    // Wave 1: 40 P, 30 passives, 30 D of 100 → NPS 10, se² = 100²(0.7 − 0.01)/100 = 69.
    // Wave 2: 55 P, 25 passives, 20 D of 100 → NPS 35, se² = 100²(0.75 − 0.1225)/100 = 62.75.
    // se = √131.75 = 11.4783; z = 25/11.4783 = 2.17802; p = 0.029404 (2·scipy.stats.norm.sf).
    const answers = (p: number, passive: number, d: number) => [
      ...Array<number>(p).fill(10),
      ...Array<number>(passive).fill(8),
      ...Array<number>(d).fill(2),
    ];
    const rows = [
      ...answers(40, 30, 30).map((r) => ({ wave: '2024 Q1', r })),
      ...answers(55, 25, 20).map((r) => ({ wave: '2024 Q2', r })),
    ];
    const change = npsChange(rows, { item: 'r', group: 'wave', from: '2024 Q1', to: '2024 Q2' });
    expect(change.difference).toBeCloseTo(25, 12);
    expect(change.high - change.difference).toBeCloseTo(1.959963984540054 * Math.sqrt(131.75), 10);
    expect(change.pValue).toBeCloseTo(0.029404, 5);
    // The @example.
    expect([change.low, change.high]).toEqual([expect.closeTo(2.5031, 4), expect.closeTo(47.4969, 4)]);
    expect(errorOf(() => npsChange(rows, { item: 'r', group: 'wave', from: '2024 Q1', to: '2024 Q3' })).message).toBe(
      'to: "2024 Q3" does not occur in column "wave" (groups: "2024 Q1", "2024 Q2")',
    );
  });
});

describe('calibration by seeded simulation (1,000 surveys)', () => {
  test('no true difference: p < 0.05 in about 5%; 95% intervals cover the true NPS about 95%', () => {
    const truth = trueNps(BASE);
    let flagged = 0;
    let covered = 0;
    for (let rep = 0; rep < 1000; rep++) {
      const table = aq.table(
        simulateSurvey(
          [
            { label: 1, n: 300, typeShares: BASE },
            { label: 2, n: 300, typeShares: BASE },
          ],
          9000 + rep,
          { items: 1 },
        ),
      );
      if (npsChange(table, { item: 'recommend', group: 'group', from: 1, to: 2 }).pValue < 0.05) flagged++;
      const first = npsByGroup(table, { item: 'recommend', group: 'group' }).objects()[0] as Row;
      if (first.low! <= truth && truth <= first.high!) covered++;
    }
    expect(flagged).toBeGreaterThanOrEqual(30);
    expect(flagged).toBeLessThanOrEqual(70);
    expect(covered).toBeGreaterThanOrEqual(930);
    expect(covered).toBeLessThanOrEqual(970);
    console.info(`NPS calibration: false positive rate ${flagged / 1000}, coverage ${covered / 1000}`);
  });
});
