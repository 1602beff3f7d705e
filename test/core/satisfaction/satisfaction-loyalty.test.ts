import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { plsPathModel } from '../../../src/core/satisfaction/pls-path-model.ts';
import { satisfactionLoyalty } from '../../../src/core/satisfaction/satisfaction-loyalty.ts';
import { errorOf } from '../error-of.ts';

const fixtures = join(__dirname, '..', '..', 'fixtures');
const csv = readFileSync(join(fixtures, 'survey_ecsi_synthetic.csv'), 'utf8');
const survey = aq.fromCSV(csv);

describe('satisfactionLoyalty: quadrants (Jones & Sasser 1995)', () => {
  test('the @example: one respondent per quadrant plus a second loyalist; ≥ cut is high', () => {
    const rows = [{ s: 9, l: 9 }, { s: 8, l: 3 }, { s: 2, l: 8 }, { s: 3, l: 2 }, { s: 10, l: 10 }];
    const result = satisfactionLoyalty(rows, { satisfaction: 's', loyalty: 'l', satisfactionCut: 6, loyaltyCut: 6 });
    expect(result.quadrants).toEqual([
      { quadrant: 'Loyalists', count: 2, share: 0.4 },
      { quadrant: 'Mercenaries', count: 1, share: 0.2 },
      { quadrant: 'Hostages', count: 1, share: 0.2 },
      { quadrant: 'Defectors', count: 1, share: 0.2 },
    ]);
    expect(result.assignments).toEqual(['Loyalists', 'Mercenaries', 'Hostages', 'Defectors', 'Loyalists']);
    const onTheCut = satisfactionLoyalty([{ s: 6, l: 6 }, { s: 1, l: 1 }], { satisfaction: 's', loyalty: 'l', satisfactionCut: 6, loyaltyCut: 6 });
    expect(onTheCut.assignments).toEqual(['Loyalists', 'Defectors']);
  });

  test('items: each respondent’s mean of the answered items; a respondent with no answer is left out', () => {
    const rows = [
      { s1: 8, s2: 10, l1: 2, l2: '' },
      { s1: null, s2: 3, l1: 9, l2: 7 },
      { s1: '', s2: null, l1: 9, l2: 7 },
      { s1: 1, s2: 2, l1: 1, l2: 3 },
    ];
    const result = satisfactionLoyalty(rows, { satisfaction: ['s1', 's2'], loyalty: ['l1', 'l2'] });
    expect(result.satisfaction).toEqual([9, 3, null, 1.5]);
    expect(result.loyalty).toEqual([2, 8, null, 2]);
    // Scales from the answers seen: satisfaction 1..10 (cut 5.5), loyalty 1..9 (cut 5).
    expect(result.scales).toEqual({ satisfaction: [1, 10], loyalty: [1, 9] });
    expect(result.cuts).toEqual({ satisfaction: 5.5, loyalty: 5 });
    expect(result.assignments).toEqual(['Mercenaries', 'Hostages', null, 'Defectors']);
    expect(result.rows).toEqual({ total: 4, used: 3, dropped: 1, droppedRows: [2] });
    expect(result.quadrants.map((q) => q.share)).toEqual([0, 1 / 3, 1 / 3, 1 / 3]);
  });

  test('ECSI survey: counts agree with a direct tally; shares sum to 1; PLS indices as inputs', () => {
    const rows = survey.objects() as Record<string, number>[];
    const result = satisfactionLoyalty(survey, { satisfaction: ['SAT1', 'SAT2', 'SAT3'], loyalty: ['LOY1', 'LOY3'], satisfactionCut: 7, loyaltyCut: 7 });
    const tally = { Loyalists: 0, Mercenaries: 0, Hostages: 0, Defectors: 0 };
    for (const row of rows) {
      const s = (row.SAT1 + row.SAT2 + row.SAT3) / 3 >= 7;
      const l = (row.LOY1 + row.LOY3) / 2 >= 7;
      tally[s ? (l ? 'Loyalists' : 'Mercenaries') : l ? 'Hostages' : 'Defectors']++;
    }
    expect(Object.fromEntries(result.quadrants.map((q) => [q.quadrant, q.count]))).toEqual(tally);
    expect(result.quadrants.reduce((sum, q) => sum + q.share, 0)).toBeCloseTo(1, 14);
    expect(result.correlation!).toBeGreaterThan(0.3);

    const fit = plsPathModel(survey, {
      blocks: { Satisfaction: ['SAT1', 'SAT2', 'SAT3'], Loyalty: ['LOY1', 'LOY2', 'LOY3'] },
      paths: [['Satisfaction', 'Loyalty']],
    }, { scaleMin: 1, scaleMax: 10 });
    const byIndex = satisfactionLoyalty(null, {
      satisfaction: fit.indexScores.Satisfaction,
      loyalty: fit.indexScores.Loyalty,
      satisfactionScale: [0, 100],
      loyaltyScale: [0, 100],
    });
    expect(byIndex.cuts).toEqual({ satisfaction: 50, loyalty: 50 });
    expect(byIndex.binWidth).toBe(10);
    expect(byIndex.rows.used).toBe(400);
    // The curve's levels are multiples of 10 and their counts add up.
    expect(byIndex.curve.every((point) => point.satisfaction % 10 === 0)).toBe(true);
    expect(byIndex.curve.reduce((sum, point) => sum + point.n, 0)).toBe(400);
  });
});

describe('satisfactionLoyalty: the curve', () => {
  test('mean loyalty per level with t intervals; t_{0.975, 2} from the closed form for df = 2', () => {
    const rows = [
      { s: 1, l: 2 }, { s: 1, l: 4 }, { s: 1, l: 9 },
      { s: 2, l: 5 },
      { s: 3, l: 6 }, { s: 3, l: 8 },
    ];
    const { curve } = satisfactionLoyalty(rows, { satisfaction: 's', loyalty: 'l' });
    expect(curve.map((p) => [p.satisfaction, p.n])).toEqual([[1, 3], [2, 1], [3, 2]]);
    // Level 1: mean 5, sd √((9 + 1 + 16)/2) = √13; t_{0.975,2} = 0.95/√(2·0.975·0.025).
    const t2 = 0.95 / Math.sqrt(2 * 0.975 * 0.025);
    const half = (t2 * Math.sqrt(13)) / Math.sqrt(3);
    expect(curve[0].meanLoyalty).toBe(5);
    expect(curve[0].sd!).toBeCloseTo(Math.sqrt(13), 14);
    expect(curve[0].low!).toBeCloseTo(5 - half, 10);
    expect(curve[0].high!).toBeCloseTo(5 + half, 10);
    // One respondent: no interval.
    expect(curve[1]).toEqual({ satisfaction: 2, n: 1, meanLoyalty: 5, sd: null, low: null, high: null });
    // Level 3: df = 1, t_{0.975,1} = tan(0.475π); sd = √2, mean 7.
    const half3 = (Math.tan(0.475 * Math.PI) * Math.SQRT2) / Math.SQRT2;
    expect(curve[2].low!).toBeCloseTo(7 - half3, 8);
    // A 90 % level narrows it.
    const narrow = satisfactionLoyalty(rows, { satisfaction: 's', loyalty: 'l', level: 0.9 }).curve[0];
    expect(narrow.high! - narrow.low!).toBeLessThan(curve[0].high! - curve[0].low!);
  });

  test('binWidth groups item means onto levels from the scale minimum', () => {
    const rows = [{ s: 1.2, l: 1 }, { s: 1.4, l: 3 }, { s: 2.6, l: 5 }, { s: 3, l: 7 }];
    const { curve } = satisfactionLoyalty(rows, { satisfaction: 's', loyalty: 'l', binWidth: 0.5, satisfactionScale: [1, 5] });
    expect(curve.map((p) => [p.satisfaction, p.n, p.meanLoyalty])).toEqual([[1, 1, 1], [1.5, 1, 3], [2.5, 1, 5], [3, 1, 7]]);
  });
});

describe('satisfactionLoyalty: names are data, bad input', () => {
  test('columns named __proto__, constructor and toString', () => {
    const rows = JSON.parse('[{"__proto__": 9, "constructor": 8, "toString": 2}, {"__proto__": 2, "constructor": 3, "toString": 9}]');
    const result = satisfactionLoyalty(rows, { satisfaction: ['__proto__', 'constructor'], loyalty: 'toString', satisfactionCut: 5, loyaltyCut: 5 });
    expect(result.assignments).toEqual(['Mercenaries', 'Hostages']);
    const table = aq.table({ constructor: [9, 2], toString: [2, 9] });
    expect(satisfactionLoyalty(table, { satisfaction: 'constructor', loyalty: 'toString', satisfactionCut: 5, loyaltyCut: 5 }).assignments).toEqual([
      'Mercenaries', 'Hostages',
    ]);
  });

  test('clear messages', () => {
    const rows = [{ s: 9, l: 9 }, { s: 'high', l: 3 }];
    const high = errorOf(() => satisfactionLoyalty(rows, { satisfaction: 's', loyalty: 'l' }));
    expect(high.message).toBe('satisfaction: column "s", row 2 is not a number (got "high")');
    expect(high.location).toEqual({ argument: 'satisfaction', column: 's', row: 2 });
    const value = errorOf(() => satisfactionLoyalty(null, { satisfaction: [1, 'x'] as never, loyalty: [1, 2] }));
    expect(value.message).toBe('satisfaction: item 2 is not a number (got "x")');
    expect(value.location).toEqual({ argument: 'satisfaction', item: 2 });
    expect(errorOf(() => satisfactionLoyalty(rows, { satisfaction: 'x', loyalty: 'l' })).message).toBe(
      'satisfaction: column "x" not found (columns: s, l)',
    );
    expect(errorOf(() => satisfactionLoyalty(null, { satisfaction: [1, 2, 3], loyalty: [1, 2] })).message).toBe(
      'loyalty must have one value per respondent, as satisfaction does (satisfaction has 3, loyalty 2)',
    );
    expect(errorOf(() => satisfactionLoyalty([{ s: '', l: 3 }], { satisfaction: 's', loyalty: 'l' })).message).toBe(
      'satisfaction: no respondent has both a satisfaction and a loyalty answer (1 rows)',
    );
    expect(errorOf(() => satisfactionLoyalty(null, { satisfaction: 's', loyalty: 'l' })).message).toBe(
      'table must be an Arquero table or an array of row objects when satisfaction names columns',
    );
    expect(errorOf(() => satisfactionLoyalty([], { satisfaction: 's', loyalty: 'l' })).message).toBe('table has no rows');
    expect(errorOf(() => satisfactionLoyalty([{ s: 1, l: 3 }], { satisfaction: [], loyalty: 'l' })).message).toBe(
      'satisfaction must name at least one column',
    );
    expect(errorOf(() => satisfactionLoyalty(null, { satisfaction: [1], loyalty: [1], satisfactionScale: [5, 1] })).message).toBe(
      'satisfactionScale must be [min, max] with min < max (got [5,1])',
    );
    expect(errorOf(() => satisfactionLoyalty(null, { satisfaction: [1], loyalty: [1], binWidth: 0 })).message).toBe('binWidth must be positive (got 0)');
    expect(errorOf(() => satisfactionLoyalty(null, { satisfaction: [1], loyalty: [1], level: 95 })).message).toBe('level must be between 0 and 1 (got 95)');
    expect(errorOf(() => satisfactionLoyalty(null, { satisfaction: [1], loyalty: [1], loyaltyCut: NaN })).message).toBe(
      'loyaltyCut must be a finite number (got NaN)',
    );
  });
});
