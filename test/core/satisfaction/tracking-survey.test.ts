/**
 * The shipped multi-wave survey (data/survey_tracking.csv, written by
 * scripts/generate-tracking-survey.ts) against the true values of its generating model
 * (data/survey_tracking.truth.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as aq from 'arquero';
import { csiByGroup, csiChange } from '../../../src/core/satisfaction/csi-by-group.ts';
import { npsByGroup } from '../../../src/core/satisfaction/nps-by-group.ts';
import { seededNormal, seededRandom } from '../../../src/core/math/random.ts';

const data = join(__dirname, '../../../data');
const survey = aq.fromCSV(readFileSync(join(data, 'survey_tracking.csv'), 'utf8'));
const { truth } = JSON.parse(readFileSync(join(data, 'survey_tracking.truth.json'), 'utf8')) as {
  truth: { wave: string; brand: string; csi: number; nps: number }[];
};
const ITEMS = ['SAT1', 'SAT2', 'SAT3'];

describe('survey_tracking.csv', () => {
  test('4 waves × 3 brands × 300 respondents, answers on their scales', () => {
    expect(survey.numRows()).toBe(3600);
    expect(survey.columnNames()).toEqual(['wave', 'brand', 'SAT1', 'SAT2', 'SAT3', 'QUA1', 'QUA2', 'PRICE', 'REC']);
    const counts = survey.groupby('wave', 'brand').count().objects() as { count: number }[];
    expect(counts.length).toBe(12);
    expect(counts.every((c) => c.count === 300)).toBe(true);
    for (const [column, lo, hi] of [['SAT1', 1, 10], ['SAT2', 1, 10], ['SAT3', 1, 10], ['QUA1', 1, 10], ['QUA2', 1, 10], ['PRICE', 1, 10], ['REC', 0, 10]] as const) {
      const values = (survey.array(column) as unknown[]).filter((v) => v !== null && v !== undefined) as number[];
      expect(values.every((v) => Number.isInteger(v) && v >= lo && v <= hi)).toBe(true);
      // About 3% blanks.
      expect(Math.abs(1 - values.length / 3600 - 0.03)).toBeLessThan(0.01);
    }
  });

  test('the true CSI of the model: a Monte Carlo of the generating model agrees with the exact values', () => {
    // Independent of the generator's closed form: simulate 200,000 item answers of Us in Q4
    // (level 7.7, person sd 1.3, item sd 1, rounded and clamped to 1..10).
    const normal = seededNormal(seededRandom(99));
    let total = 0;
    const draws = 200_000;
    for (let i = 0; i < draws; i++) total += Math.min(10, Math.max(1, Math.round(7.7 + 1.3 * normal() + normal())));
    const simulated = ((total / draws - 1) / 9) * 100;
    const exact = truth.find((t) => t.wave === '2024 Q4' && t.brand === 'Us')!.csi;
    // Monte Carlo se: item sd ≈ 1.6/√200000 · 100/9 ≈ 0.04.
    expect(Math.abs(simulated - exact)).toBeLessThan(0.15);
  });

  test('the 95% intervals of the CSI and NPS of each brand and wave cover the truth (at most 2 misses of 24)', () => {
    let misses = 0;
    for (const brand of ['Us', 'Rival A', 'Rival B']) {
      const part = survey.params({ brand }).filter((d: { brand: string }, $: { brand: string }) => d.brand === $.brand);
      const csis = csiByGroup(part, { items: ITEMS, group: 'wave' }).objects() as { group: string; low: number; high: number }[];
      const npss = npsByGroup(part, { item: 'REC', group: 'wave' }).objects() as { group: string; low: number; high: number }[];
      expect(csis.map((r) => r.group)).toEqual(['2024 Q1', '2024 Q2', '2024 Q3', '2024 Q4']);
      for (const t of truth.filter((x) => x.brand === brand)) {
        const c = csis.find((r) => r.group === t.wave)!;
        const n = npss.find((r) => r.group === t.wave)!;
        if (!(c.low <= t.csi && t.csi <= c.high)) misses++;
        if (!(n.low <= t.nps && t.nps <= n.high)) misses++;
      }
    }
    expect(misses).toBeLessThanOrEqual(2);
  });

  test('the known improvement of Us in the last wave is flagged; the flat waves are not', () => {
    const us = survey.filter((d: { brand: string }) => d.brand === 'Us');
    const rise = csiChange(us, { items: ITEMS, group: 'wave', from: '2024 Q3', to: '2024 Q4' });
    const trueRise = truth[9].csi - truth[6].csi;
    expect(trueRise).toBeGreaterThan(6);
    expect(rise.pValue).toBeLessThan(0.001);
    expect(rise.low).toBeLessThan(trueRise);
    expect(rise.high).toBeGreaterThan(trueRise);
    expect(csiChange(us, { items: ITEMS, group: 'wave', from: '2024 Q1', to: '2024 Q2' }).pValue).toBeGreaterThan(0.05);
  });
});
