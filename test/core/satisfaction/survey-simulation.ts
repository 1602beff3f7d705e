/**
 * Surveys with a known true CSI and NPS, for calibration tests: each respondent is of a latent
 * type (unhappy, neutral, happy) and answers every item independently from the type's answer
 * distribution, so the items correlate through the type, and the population values are exact
 * sums over the types.
 */
import { seededRandom } from '../../../src/core/math/random.ts';

/** Answer distribution of each type on the 1–10 items: P(answer = k + 1) = ITEM_PROBABILITIES[type][k]. */
const ITEM_PROBABILITIES = [
  [0.02, 0.05, 0.12, 0.2, 0.25, 0.18, 0.1, 0.05, 0.02, 0.01],
  [0, 0.01, 0.02, 0.05, 0.12, 0.22, 0.28, 0.18, 0.08, 0.04],
  [0, 0, 0, 0.01, 0.03, 0.08, 0.18, 0.3, 0.25, 0.15],
];
/** The 0–10 recommendation answer distribution of each type. */
const RECOMMEND_PROBABILITIES = [
  [0.05, 0.05, 0.08, 0.1, 0.12, 0.15, 0.15, 0.12, 0.1, 0.05, 0.03],
  [0, 0.01, 0.02, 0.03, 0.05, 0.08, 0.11, 0.2, 0.25, 0.15, 0.1],
  [0, 0, 0, 0, 0.01, 0.02, 0.04, 0.1, 0.23, 0.3, 0.3],
];

function mean(probabilities: number[], offset: number): number {
  return probabilities.reduce((s, p, k) => s + p * (k + offset), 0);
}

/** The true CSI (1–10 scale, equal weights) of a population with these type shares. */
export function trueCsi(typeShares: number[]): number {
  const m = typeShares.reduce((s, share, t) => s + share * mean(ITEM_PROBABILITIES[t], 1), 0);
  return ((m - 1) / 9) * 100;
}

/** The true NPS of a population with these type shares. */
export function trueNps(typeShares: number[]): number {
  let promoters = 0;
  let detractors = 0;
  typeShares.forEach((share, t) => {
    const p = RECOMMEND_PROBABILITIES[t];
    promoters += share * (p[9] + p[10]);
    detractors += share * p.slice(0, 7).reduce((a, b) => a + b, 0);
  });
  return 100 * (promoters - detractors);
}

/**
 * Type shares moved towards the happy type so that the true CSI rises by exactly `points`.
 */
export function sharesWithCsiGain(typeShares: number[], points: number): number[] {
  const base = trueCsi(typeShares);
  const t = points / (trueCsi([0, 0, 1]) - base);
  return typeShares.map((share, k) => (1 - t) * share + (k === 2 ? t : 0));
}

/** Cumulative shares, so that a draw is one uniform number and a short scan. */
function cumulative(probabilities: number[]): Float64Array {
  const out = new Float64Array(probabilities.length);
  let total = 0;
  probabilities.forEach((p, k) => (out[k] = total += p));
  out[out.length - 1] = 1;
  return out;
}

function draw(cumulativeShares: Float64Array, u: number): number {
  let k = 0;
  while (u >= cumulativeShares[k]) k++;
  return k;
}

const ITEM_CUMULATIVE = ITEM_PROBABILITIES.map(cumulative);
const RECOMMEND_CUMULATIVE = RECOMMEND_PROBABILITIES.map(cumulative);

export interface SimulatedGroup {
  label: unknown;
  n: number;
  typeShares: number[];
}

/**
 * A survey as columns `{ group, q1..q<items>, recommend }` (ready for `aq.table`); each item
 * answer is blank (null) with probability `blank`.
 */
export function simulateSurvey(
  groups: SimulatedGroup[],
  seed: number,
  options: { items?: number; blank?: number } = {},
): Record<string, unknown[]> {
  const items = options.items ?? 3;
  const blank = options.blank ?? 0;
  const random = seededRandom(seed);
  const total = groups.reduce((s, g) => s + g.n, 0);
  const group = new Array<unknown>(total);
  const answers = Array.from({ length: items }, () => new Array<number | null>(total));
  const recommend = new Array<number>(total);
  let row = 0;
  for (const g of groups) {
    const types = cumulative(g.typeShares);
    for (let i = 0; i < g.n; i++, row++) {
      const type = draw(types, random());
      group[row] = g.label;
      for (let j = 0; j < items; j++) {
        const answer = 1 + draw(ITEM_CUMULATIVE[type], random());
        answers[j][row] = random() < blank ? null : answer;
      }
      recommend[row] = draw(RECOMMEND_CUMULATIVE[type], random());
    }
  }
  const columns: Record<string, unknown[]> = { group };
  answers.forEach((column, j) => (columns[`q${j + 1}`] = column));
  columns.recommend = recommend;
  return columns;
}

/** The same survey as row objects. */
export function surveyRows(columns: Record<string, unknown[]>): Record<string, unknown>[] {
  const names = Object.keys(columns);
  return columns.group.map((_, i) => Object.fromEntries(names.map((name) => [name, columns[name][i]])));
}
