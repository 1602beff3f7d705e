/**
 * Seeded ECSI-shaped survey for the PLS benchmarks: latent constructs follow the ECSI structural
 * model (standard normal exogenous Image, the rest linear in their predecessors plus noise), and
 * each indicator is its construct plus noise, mapped to a 1..10 answer scale. Columns come out as
 * Float64Arrays (column-major), ready for `aq.table` or a CSV.
 */
import { writeFileSync } from 'node:fs';
import { seededNormal, seededRandom } from '../../src/core/math/random.ts';
import type { PlsModel } from '../../src/core/satisfaction/pls-path-model.ts';

/** Items per construct: 4 + 3 + 6 + 3 + 3 + 2 + 3 = 24 indicators. */
const ITEMS: [string, string, number][] = [
  ['Image', 'IMG', 4],
  ['Expectation', 'EXP', 3],
  ['Quality', 'QUA', 6],
  ['Value', 'VAL', 3],
  ['Satisfaction', 'SAT', 3],
  ['Complaints', 'CMP', 2],
  ['Loyalty', 'LOY', 3],
];

/** The ECSI paths and the structural coefficients used to generate the data. */
const PATHS: [string, string, number][] = [
  ['Image', 'Expectation', 0.4],
  ['Image', 'Satisfaction', 0.2],
  ['Image', 'Loyalty', 0.2],
  ['Expectation', 'Quality', 0.4],
  ['Expectation', 'Value', 0.15],
  ['Expectation', 'Satisfaction', 0.1],
  ['Quality', 'Value', 0.45],
  ['Quality', 'Satisfaction', 0.35],
  ['Value', 'Satisfaction', 0.3],
  ['Satisfaction', 'Complaints', 0.5],
  ['Satisfaction', 'Loyalty', 0.4],
  ['Complaints', 'Loyalty', 0.2],
];

export const SURVEY_MODEL: PlsModel = {
  blocks: Object.fromEntries(
    ITEMS.map(([construct, prefix, count]) => [
      construct,
      Array.from({ length: count }, (_, j) => `${prefix}${j + 1}`),
    ]),
  ),
  paths: PATHS.map(([from, to]) => [from, to]),
};

/**
 * @param respondents number of rows
 * @param seed generator seed
 * @returns one Float64Array of 1..10 answers per indicator, in SURVEY_MODEL's order
 */
export function generateSurvey(respondents: number, seed = 2024): Record<string, Float64Array> {
  const normal = seededNormal(seededRandom(seed));
  const latent = new Map<string, Float64Array>();
  // Constructs in ITEMS order are already topologically sorted.
  for (const [construct] of ITEMS) {
    const incoming = PATHS.filter(([, to]) => to === construct);
    const explained = incoming.reduce((s, [, , b]) => s + b * b, 0);
    const noise = Math.sqrt(Math.max(0.2, 1 - explained));
    const values = new Float64Array(respondents);
    for (let i = 0; i < respondents; i++) {
      let v = noise * normal();
      for (const [from, , b] of incoming) v += b * latent.get(from)![i];
      values[i] = v;
    }
    latent.set(construct, values);
  }
  const columns: Record<string, Float64Array> = {};
  for (const [construct, prefix, count] of ITEMS) {
    const eta = latent.get(construct)!;
    for (let j = 0; j < count; j++) {
      const loading = 0.7 + 0.05 * j;
      const column = new Float64Array(respondents);
      for (let i = 0; i < respondents; i++) {
        const answer = Math.round(7 + 1.5 * (loading * eta[i] + 0.6 * normal()));
        column[i] = Math.min(10, Math.max(1, answer));
      }
      columns[`${prefix}${j + 1}`] = column;
    }
  }
  return columns;
}

/** Writes the survey as CSV (header row, one line per respondent) for other tools. */
export function writeSurveyCsv(columns: Record<string, Float64Array>, path: string): void {
  const names = Object.keys(columns);
  const n = columns[names[0]].length;
  const lines = [names.join(',')];
  for (let i = 0; i < n; i++) lines.push(names.map((name) => columns[name][i]).join(','));
  writeFileSync(path, lines.join('\n') + '\n');
}
