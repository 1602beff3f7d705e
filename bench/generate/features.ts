/**
 * Seeded numeric features for the k-means benchmark: 100,000 rows × 5 columns from 8 overlapping
 * Gaussian groups with different column scales (so standardizing matters), row-major in one
 * Float64Array and as columns `f0..f4`.
 *
 * Run `npx tsx bench/generate/features.ts` to write `bench/raw/features-100k.csv` for Python.
 */
import { writeFileSync } from 'node:fs';
import { seededNormal, seededRandom } from '../../src/core/math/random.ts';
import { rawPath } from '../harness.ts';

export const FEATURES_CSV = 'features-100k.csv';
export const FEATURE_COLUMNS = ['f0', 'f1', 'f2', 'f3', 'f4'];

export function generateFeatures(rows = 100_000, seed = 7): Record<string, Float64Array> {
  const random = seededRandom(seed);
  const normal = seededNormal(random);
  const d = FEATURE_COLUMNS.length;
  const groups = 8;
  const scales = [1, 10, 100, 0.1, 1000];
  const centres = Array.from({ length: groups * d }, () => normal() * 2);
  const columns = FEATURE_COLUMNS.map(() => new Float64Array(rows));
  for (let i = 0; i < rows; i++) {
    const g = Math.floor(random() * groups);
    for (let j = 0; j < d; j++) columns[j][i] = (centres[g * d + j] + normal()) * scales[j];
  }
  return Object.fromEntries(FEATURE_COLUMNS.map((name, j) => [name, columns[j]]));
}

export function writeFeaturesCsv(path: string, columns: Record<string, Float64Array>): void {
  const names = Object.keys(columns);
  const n = columns[names[0]].length;
  const lines = [names.join(',')];
  for (let i = 0; i < n; i++) lines.push(names.map((name) => columns[name][i]).join(','));
  writeFileSync(path, lines.join('\n') + '\n');
}

if (require.main === module) {
  const path = rawPath(FEATURES_CSV);
  writeFeaturesCsv(path, generateFeatures());
  process.stdout.write(`${path}\n`);
}
