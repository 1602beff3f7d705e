import * as aq from 'arquero';
import { csi } from '../../../src/core/satisfaction/csi.ts';
import { csiByGroup, csiChange } from '../../../src/core/satisfaction/csi-by-group.ts';
import { seededRandom } from '../../../src/core/math/random.ts';
import { errorOf } from '../error-of.ts';
import { sharesWithCsiGain, simulateSurvey, surveyRows, trueCsi } from './survey-simulation.ts';

const ITEMS = ['q1', 'q2', 'q3'];
const BASE = [0.3, 0.45, 0.25];

type Row = { group: unknown; n: number; csi: number | null; low: number | null; high: number | null; note: string | null };

function rowsOf(table: ReturnType<typeof csiByGroup>): Row[] {
  return table.objects() as Row[];
}

describe('csiByGroup', () => {
  test('csi equals csi() on each group, exactly; weights and scale are passed through', () => {
    const rows = surveyRows(
      simulateSurvey(
        [
          { label: 'Q1', n: 120, typeShares: BASE },
          { label: 'Q2', n: 80, typeShares: [0.2, 0.4, 0.4] },
        ],
        11,
        { blank: 0.1 },
      ),
    );
    const weights = [0.5, 0.3, 0.2];
    const result = rowsOf(csiByGroup(rows, { items: ITEMS, group: 'group', weights }));
    expect(result.map((r) => r.group)).toEqual(['Q1', 'Q2']);
    for (const row of result) {
      const part = rows.filter((r) => r.group === row.group).map((r) => ITEMS.map((item) => r[item]));
      expect(row.csi).toBe(csi(part, { weights }));
      expect(row.n).toBe(part.filter((answers) => answers.some((a) => a !== null)).length);
    }
    const scaled = rowsOf(csiByGroup(aq.from(rows), { items: ITEMS, group: 'group', scaleMin: 0, scaleMax: 10 }));
    const q1 = rows.filter((r) => r.group === 'Q1').map((r) => ITEMS.map((item) => r[item]));
    expect(scaled[0].csi).toBe(csi(q1, { scaleMin: 0, scaleMax: 10 }));
  });

  test('without blanks the standard error is s/√n of the respondents’ item averages (hand formula)', () => {
    const rows = surveyRows(simulateSurvey([{ label: 'a', n: 60, typeShares: BASE }], 5));
    const averages = rows.map((r) => ((((r.q1 as number) + (r.q2 as number) + (r.q3 as number)) / 3 - 1) / 9) * 100);
    const m = averages.reduce((a, b) => a + b, 0) / averages.length;
    const sd = Math.sqrt(averages.reduce((s, y) => s + (y - m) ** 2, 0) / (averages.length - 1));
    const [row] = rowsOf(csiByGroup(rows, { items: ITEMS, group: 'group', level: 0.9 }));
    expect(row.csi).toBeCloseTo(m, 10);
    // 90% interval: z = 1.6448536269514722 (scipy.stats.norm.ppf(0.95)).
    expect(row.high! - row.csi!).toBeCloseTo((1.6448536269514722 * sd) / Math.sqrt(60), 10);
    expect(row.csi! - row.low!).toBeCloseTo((1.6448536269514722 * sd) / Math.sqrt(60), 10);
  });

  test('with blanks the standard error equals the pairwise item-covariance formula and a bootstrap', () => {
    const rows = surveyRows(simulateSurvey([{ label: 'a', n: 300, typeShares: BASE }], 21, { blank: 0.25 }));
    const weights = [2, 1, 1];
    const [row] = rowsOf(csiByGroup(rows, { items: ITEMS, group: 'group', weights }));
    const se = (row.high! - row.csi!) / 1.959963984540054;

    // Independent route: Var(Σ w_j m_j / W) = Σ_jk w_j w_k n_jk σ_jk / (n_j n_k W²), with σ_jk
    // the covariance among respondents who answered both, scaled n/(n − 1).
    const x = ITEMS.map((item) => rows.map((r) => r[item] as number | null));
    const answered = rows.filter((r) => ITEMS.some((item) => r[item] !== null)).length;
    const means = x.map((col) => {
      const values = col.filter((v): v is number => v !== null);
      return values.reduce((a, b) => a + b, 0) / values.length;
    });
    const counts = x.map((col) => col.filter((v) => v !== null).length);
    let variance = 0;
    for (let j = 0; j < 3; j++) {
      for (let k = 0; k < 3; k++) {
        let cross = 0;
        for (let i = 0; i < rows.length; i++) {
          if (x[j][i] !== null && x[k][i] !== null) cross += (x[j][i]! - means[j]) * (x[k][i]! - means[k]);
        }
        variance += (weights[j] * weights[k] * cross) / (counts[j] * counts[k]);
      }
    }
    variance *= answered / (answered - 1) / 16;
    expect(se).toBeCloseTo(Math.sqrt(variance) * (100 / 9), 10);

    // A seeded bootstrap over respondents agrees within its own noise (2,000 resamples: ~3%).
    const random = seededRandom(3);
    const draws: number[] = [];
    for (let b = 0; b < 2000; b++) {
      const sums = [0, 0, 0];
      const answers = [0, 0, 0];
      for (let r = 0; r < rows.length; r++) {
        const i = Math.floor(random() * rows.length);
        for (let j = 0; j < 3; j++) {
          if (x[j][i] !== null) {
            sums[j] += x[j][i]!;
            answers[j]++;
          }
        }
      }
      const m = (2 * (sums[0] / answers[0]) + sums[1] / answers[1] + sums[2] / answers[2]) / 4;
      draws.push(((m - 1) / 9) * 100);
    }
    const m = draws.reduce((a, b) => a + b, 0) / draws.length;
    const bootSe = Math.sqrt(draws.reduce((s, v) => s + (v - m) ** 2, 0) / (draws.length - 1));
    expect(Math.abs(bootSe / se - 1)).toBeLessThan(0.06);
  });

  test('group order: text by first appearance, numbers and dates sorted; names are data', () => {
    const answers = [7, 8, 9, 6, 5, 8];
    const text = ['__proto__', 'constructor', '__proto__', 'toString', 'constructor', 'toString'];
    const byText = rowsOf(csiByGroup(text.map((g, i) => ({ g, q: answers[i] })), { items: ['q'], group: 'g' }));
    expect(byText.map((r) => r.group)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(byText[0].csi).toBe(csi([[7], [9]]));

    const numbers = [2024, 10, 2024, 3, 10, 3];
    const byNumber = rowsOf(csiByGroup(numbers.map((g, i) => ({ g, q: answers[i] })), { items: ['q'], group: 'g' }));
    expect(byNumber.map((r) => r.group)).toEqual([3, 10, 2024]);

    const dates = ['2024-06-30', '2024-03-31', '2024-06-30', '2023-12-31', '2024-03-31', '2023-12-31'].map(
      (d) => new Date(`${d}T00:00:00Z`),
    );
    const byDate = rowsOf(csiByGroup(dates.map((g, i) => ({ g, q: answers[i] })), { items: ['q'], group: 'g' }));
    expect(byDate.map((r) => (r.group as Date).toISOString().slice(0, 10))).toEqual(['2023-12-31', '2024-03-31', '2024-06-30']);
    // Two Date objects of one day are one group.
    expect(byDate.map((r) => r.n)).toEqual([2, 2, 2]);
  });

  test('a group with fewer than 2 respondents keeps its row, with no interval and a note', () => {
    const rows = [
      { g: 'a', q1: 5, q2: 6 },
      { g: 'a', q1: 7, q2: null },
      { g: 'b', q1: 9, q2: 8 },
      { g: 'c', q1: null, q2: null },
      { g: 'c', q1: 4, q2: null },
    ];
    const result = rowsOf(csiByGroup(rows, { items: ['q1', 'q2'], group: 'g' }));
    expect(result[1]).toEqual({ group: 'b', n: 1, csi: csi([[9, 8]]), low: null, high: null, note: '1 respondent: at least 2 are needed for an interval' });
    // Group c has no answer to q2: no index (csi() would reject it), but the row stays.
    expect(result[2]).toEqual({ group: 'c', n: 1, csi: null, low: null, high: null, note: 'item "q2" has no answers in this group' });
    expect(result[0].note).toBeNull();
    // ...unless q2 has weight 0.
    expect(rowsOf(csiByGroup(rows, { items: ['q1', 'q2'], group: 'g', weights: [1, 0] }))[2].csi).toBe(csi([[4]]));
  });

  test('the @example', () => {
    const [first] = rowsOf(csiByGroup([{ w: 1, q: 8 }, { w: 1, q: 10 }, { w: 2, q: 7 }], { items: ['q'], group: 'w' }));
    expect(first.group).toBe(1);
    expect(first.csi).toBeCloseTo(88.89, 2);
    expect(first.low).toBeCloseTo(67.11, 2);
    expect(first.high).toBe(100);
  });

  test('bad input names the argument, column and row', () => {
    const rows = [
      { g: 'a', q: 5 },
      { g: 'b', q: 'x' },
    ];
    const text = errorOf(() => csiByGroup(rows, { items: ['q'], group: 'g' }));
    expect(text.message).toBe('items: column "q", row 2 is not a number (got "x")');
    expect(text.location).toEqual({ argument: 'items', column: 'q', row: 2 });
    const outside = errorOf(() => csiByGroup([{ g: 'a', q: 11 }], { items: ['q'], group: 'g' }));
    expect(outside.message).toBe('items: column "q", row 1 is outside the scale 1–10 (got 11)');
    expect(outside.location).toEqual({ argument: 'items', column: 'q', row: 1 });
    const blank = errorOf(() => csiByGroup([{ g: null, q: 1 }], { items: ['q'], group: 'g' }));
    expect(blank.message).toBe('group: column "g", row 1 is blank (every respondent needs a group)');
    expect(blank.location).toEqual({ argument: 'group', column: 'g', row: 1 });
    expect(blank.code).toBe('na');
    const scale = errorOf(() => csiByGroup([{ g: 'a', q: 1 }], { items: ['q'], group: 'g', scaleMin: 5, scaleMax: 1 }));
    expect(scale.message).toBe('scaleMax must be greater than scaleMin, which is 5 (got 1)');
    expect(scale.location).toEqual({ argument: 'scaleMax' });
    expect(errorOf(() => csiByGroup([{ g: 'a', q: 1 }], { items: ['q'], group: 'wave' })).message).toBe(
      'group: column "wave" not found (columns: g, q)',
    );
    expect(errorOf(() => csiByGroup([{ g: 'a', q: 1 }], { items: ['q'], group: 'g', level: 95 })).message).toBe(
      'level must be a number between 0 and 1, e.g. 0.95 (got 95)',
    );
    expect(errorOf(() => csiByGroup([{ g: 'a', q: 1 }], { items: ['q'], group: 'g', weights: [1, 2] })).message).toBe(
      'weights must have one weight per item (1 item, 2 weights)',
    );
    expect(errorOf(() => csiByGroup([], { items: ['q'], group: 'g' })).message).toBe(
      'table must contain at least one respondent',
    );
    expect(errorOf(() => csiByGroup([{ g: 'a', q: 1 }], { items: [], group: 'g' })).argument).toBe('items');
  });
});

describe('csiChange', () => {
  const rows = [
    ...[6, 7, 8, 7, 6].map((q) => ({ wave: 1, q })),
    ...[8, 9, 8, 9, 7].map((q) => ({ wave: 2, q })),
    ...[9].map((q) => ({ wave: 3, q })),
  ];

  test('difference to − from with z·√(se₁² + se₂²) and the normal p-value (hand-computed)', () => {
    // Wave 1: mean 6.8, s² = 0.7; wave 2: mean 8.2, s² = 0.7. On 0–100: difference 1.4·100/9,
    // se = √(0.7/5 + 0.7/5)·100/9 = 0.52915·11.111 = 5.8794; z = 15.556/5.8794 = 2.6458;
    // p = 2Φ(−2.6458) = 0.008151 (scipy.stats.norm.sf(2.6458)·2).
    const change = csiChange(rows, { items: ['q'], group: 'wave', from: 1, to: 2 });
    expect(change.from).toBe(1);
    expect(change.to).toBe(2);
    expect(change.difference).toBeCloseTo(155.5556 / 10, 3);
    const se = (Math.sqrt(0.28) * 100) / 9;
    expect(change.high - change.difference).toBeCloseTo(1.959963984540054 * se, 10);
    expect(change.difference - change.low).toBeCloseTo(1.959963984540054 * se, 10);
    expect(change.pValue).toBeCloseTo(0.008151, 5);
    // The @example.
    expect([change.low, change.high]).toEqual([expect.closeTo(4.0321, 4), expect.closeTo(27.0791, 4)]);
    // Reversed comparison of text groups is allowed; of periods it is not.
    expect(errorOf(() => csiChange(rows, { items: ['q'], group: 'wave', from: 2, to: 1 })).message).toBe(
      'from: 2 comes after to (1); give the earlier period as from',
    );
  });

  test('bad groups are named', () => {
    expect(errorOf(() => csiChange(rows, { items: ['q'], group: 'wave', from: 1, to: 7 })).message).toBe(
      'to: 7 does not occur in column "wave" (groups: 1, 2, 3)',
    );
    expect(errorOf(() => csiChange(rows, { items: ['q'], group: 'wave', from: 2, to: 2 })).message).toBe(
      'to: 2 is the same group as from; choose two different groups',
    );
    expect(errorOf(() => csiChange(rows, { items: ['q'], group: 'wave', from: 2, to: 3 })).message).toBe(
      'to: group 3 cannot be compared (1 respondent: at least 2 are needed for an interval)',
    );
    const dated = rows.map((r) => ({ ...r, wave: new Date(Date.UTC(2024, 3 * r.wave - 1, 1)) }));
    expect(csiChange(dated, { items: ['q'], group: 'wave', from: '2024-03-01', to: '2024-06-01' }).difference).toBeCloseTo(
      15.5556,
      3,
    );
    expect(errorOf(() => csiChange(dated, { items: ['q'], group: 'wave', from: '2025-01-01', to: '2024-06-01' })).message).toBe(
      'from: "2025-01-01" does not occur in column "wave" (groups: 2024-03-01, 2024-06-01, 2024-09-01)',
    );
    const brands = rows.filter((r) => r.wave < 3).map((r) => ({ ...r, wave: r.wave === 1 ? 'Them' : '__proto__' }));
    expect(csiChange(brands, { items: ['q'], group: 'wave', from: '__proto__', to: 'Them' }).difference).toBeCloseTo(-15.5556, 3);
  });

  test('no spread in either group: p = 0 for a difference, 1 for none', () => {
    const flat = [
      { g: 'a', q: 5 },
      { g: 'a', q: 5 },
      { g: 'b', q: 6 },
      { g: 'b', q: 6 },
      { g: 'c', q: 5 },
      { g: 'c', q: 5 },
    ];
    expect(csiChange(flat, { items: ['q'], group: 'g', from: 'a', to: 'b' }).pValue).toBe(0);
    expect(csiChange(flat, { items: ['q'], group: 'g', from: 'a', to: 'c' }).pValue).toBe(1);
  });
});

describe('calibration by seeded simulation (1,000 surveys each)', () => {
  const REPS = 1000;

  test('no true difference: p < 0.05 in about 5% of surveys; 95% intervals cover the truth about 95% of the time', () => {
    let flagged = 0;
    let covered = 0;
    let differenceCovered = 0;
    const truth = trueCsi(BASE);
    for (let rep = 0; rep < REPS; rep++) {
      const rows = aq.table(
        simulateSurvey(
          [
            { label: 'before', n: 150, typeShares: BASE },
            { label: 'after', n: 150, typeShares: BASE },
          ],
          1000 + rep,
          { blank: 0.1 },
        ),
      );
      const change = csiChange(rows, { items: ITEMS, group: 'group', from: 'before', to: 'after' });
      if (change.pValue < 0.05) flagged++;
      if (change.low <= 0 && 0 <= change.high) differenceCovered++;
      const [first] = rowsOf(csiByGroup(rows, { items: ITEMS, group: 'group' }));
      if (first.low! <= truth && truth <= first.high!) covered++;
    }
    // Binomial(1000, 0.05) has sd 6.9: the band 30–70 is about ±3 sd.
    expect(flagged).toBeGreaterThanOrEqual(30);
    expect(flagged).toBeLessThanOrEqual(70);
    expect(differenceCovered).toBe(REPS - flagged);
    // Binomial(1000, 0.95): sd 6.9, band 930–970.
    expect(covered).toBeGreaterThanOrEqual(930);
    expect(covered).toBeLessThanOrEqual(970);
    console.info(`CSI calibration: false positive rate ${flagged / REPS}, coverage ${covered / REPS}`);
  });

  test('a true rise of 5 CSI points with 400 respondents per group is flagged nearly always', () => {
    const after = sharesWithCsiGain(BASE, 5);
    expect(trueCsi(after) - trueCsi(BASE)).toBeCloseTo(5, 12);
    let flagged = 0;
    let covered = 0;
    for (let rep = 0; rep < REPS; rep++) {
      const rows = aq.table(
        simulateSurvey(
          [
            { label: 'before', n: 400, typeShares: BASE },
            { label: 'after', n: 400, typeShares: after },
          ],
          5000 + rep,
          { blank: 0.1 },
        ),
      );
      const change = csiChange(rows, { items: ITEMS, group: 'group', from: 'before', to: 'after' });
      if (change.pValue < 0.05 && change.difference > 0) flagged++;
      if (change.low <= 5 && 5 <= change.high) covered++;
    }
    expect(flagged).toBeGreaterThanOrEqual(950);
    expect(covered).toBeGreaterThanOrEqual(930);
    expect(covered).toBeLessThanOrEqual(970);
    console.info(`CSI calibration: power ${flagged / REPS} at +5 points, n = 400; difference coverage ${covered / REPS}`);
  });
});
