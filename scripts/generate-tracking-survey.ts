/**
 * Writes data/survey_tracking.csv: a small seeded multi-wave satisfaction survey (four quarterly
 * waves; our brand "Us" and two competitors), and data/survey_tracking.truth.json with the true
 * CSI and NPS of every brand and wave, computed exactly from the generating model.
 *
 * Model: respondent r of brand b in wave w has a satisfaction level μ_bw + u_r, u_r ~ N(0, 1.3²);
 * each 1–10 item is round(μ_bw + u_r + e, clamped to 1..10), e ~ N(0, 1); the 0–10 recommendation
 * is round(μ_bw + 1 + u_r + e', clamped to 0..10), e' ~ N(0, 1.2²). Quality items carry
 * a brand quality level, the price item a brand price satisfaction. An item answer is blank with
 * probability 3%. The known change: "Us" improves by 0.6 scale points in the last wave
 * (+6.3 CSI points, +21 NPS points); nothing else moves by more than 0.1.
 *
 * Run: npx tsx scripts/generate-tracking-survey.ts
 */
import { writeFileSync } from 'node:fs';
import { normalCdf } from '../src/core/math/normal.ts';
import { seededNormal, seededRandom } from '../src/core/math/random.ts';

const WAVES = ['2024 Q1', '2024 Q2', '2024 Q3', '2024 Q4'];
const BRANDS = ['Us', 'Rival A', 'Rival B'];
const RESPONDENTS = 300;
const BLANK = 0.03;
const PERSON_SD = 1.3;
const ITEM_SD = 1;
const RECOMMEND_SD = 1.2;

/** Mean satisfaction level by brand and wave (1–10 scale). */
const SATISFACTION: Record<string, number[]> = {
  Us: [7.0, 7.0, 7.1, 7.7],
  'Rival A': [7.4, 7.4, 7.3, 7.4],
  'Rival B': [6.6, 6.7, 6.6, 6.7],
};
/** Perceived quality and price satisfaction by brand (1–10; higher price satisfaction = better price). */
const QUALITY: Record<string, number[]> = { Us: [7.2, 7.2, 7.4, 7.9], 'Rival A': [7.6, 7.6, 7.6, 7.6], 'Rival B': [6.4, 6.5, 6.5, 6.5] };
const PRICE: Record<string, number[]> = { Us: [6.8, 6.8, 6.7, 6.6], 'Rival A': [6.0, 6.0, 6.1, 6.3], 'Rival B': [7.4, 7.4, 7.3, 7.3] };

/** E[clamp(round(Y), lo, hi)] for Y ~ N(mean, sd²). */
function expectedAnswer(mean: number, sd: number, lo: number, hi: number): number {
  let total = 0;
  for (let k = lo; k <= hi; k++) {
    const below = k === lo ? 0 : normalCdf((k - 0.5 - mean) / sd);
    const above = k === hi ? 1 : normalCdf((k + 0.5 - mean) / sd);
    total += k * (above - below);
  }
  return total;
}

function answer(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.round(value)));
}

const random = seededRandom(20240401);
const normal = seededNormal(random);
const lines = ['wave,brand,SAT1,SAT2,SAT3,QUA1,QUA2,PRICE,REC'];
const truth: { wave: string; brand: string; csi: number; nps: number }[] = [];
const blankOr = (value: number) => (random() < BLANK ? '' : String(value));

WAVES.forEach((wave, w) => {
  for (const brand of BRANDS) {
    const level = SATISFACTION[brand][w];
    for (let r = 0; r < RESPONDENTS; r++) {
      const person = PERSON_SD * normal();
      const sat = [0, 1, 2].map(() => blankOr(answer(level + person + ITEM_SD * normal(), 1, 10)));
      const quality = [0, 1].map(() => blankOr(answer(QUALITY[brand][w] + 0.5 * person + ITEM_SD * normal(), 1, 10)));
      const price = blankOr(answer(PRICE[brand][w] + 0.3 * person + ITEM_SD * normal(), 1, 10));
      const recommend = blankOr(answer(level + 1 + person + RECOMMEND_SD * normal(), 0, 10));
      lines.push([wave, brand, ...sat, ...quality, price, recommend].join(','));
    }
    // Every SAT item has the marginal N(level, PERSON_SD² + ITEM_SD²), rounded and clamped.
    const itemSd = Math.hypot(PERSON_SD, ITEM_SD);
    const csi = ((expectedAnswer(level, itemSd, 1, 10) - 1) / 9) * 100;
    const recommendSd = Math.hypot(PERSON_SD, RECOMMEND_SD);
    const promoters = 1 - normalCdf((8.5 - level - 1) / recommendSd);
    const detractors = normalCdf((6.5 - level - 1) / recommendSd);
    truth.push({ wave, brand, csi, nps: 100 * (promoters - detractors) });
  }
});

writeFileSync(new URL('../data/survey_tracking.csv', import.meta.url), `${lines.join('\n')}\n`);
writeFileSync(
  new URL('../data/survey_tracking.truth.json', import.meta.url),
  `${JSON.stringify(
    {
      description:
        'True CSI (SAT1–SAT3, equal weights, scale 1–10) and NPS (REC) of each brand and wave of survey_tracking.csv, exact under the generating model of scripts/generate-tracking-survey.ts',
      respondentsPerBrandAndWave: RESPONDENTS,
      truth: truth.map((t) => ({ ...t, csi: Number(t.csi.toFixed(6)), nps: Number(t.nps.toFixed(6)) })),
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote ${lines.length - 1} respondents`);
