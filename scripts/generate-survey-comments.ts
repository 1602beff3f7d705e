/**
 * Writes data/survey_ecsi_comments.csv: one open comment per respondent of
 * data/survey_ecsi_synthetic.csv (same row order, `respondent` = 1-based row), in English or
 * Chinese, worded from the respondent's satisfaction (mean of SAT1–SAT3), and a 0–10
 * "would recommend" answer (NPS question) derived from the loyalty items LOY1 and LOY3 with noise.
 * Seeded: the same file every run. The survey file itself is not touched, so its reference
 * numbers stay valid.
 *
 * Run: npx tsx scripts/generate-survey-comments.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../src/core/math/random.ts';
import { commentFor } from '../bench/generate/comments.ts';

const ROOT = path.join(__dirname, '..');
const SEED = 20261201;

const [header, ...lines] = readFileSync(path.join(ROOT, 'data', 'survey_ecsi_synthetic.csv'), 'utf8').trim().split(/\r?\n/);
const columns = header.split(',');
const at = (name: string) => columns.indexOf(name);
const random = seededRandom(SEED);
/** CSV field: quoted, with inner quotes doubled. */
const field = (text: string) => `"${text.replace(/"/g, '""')}"`;

const out = ['respondent,recommend,language,comment'];
lines.forEach((line, row) => {
  const values = line.split(',').map(Number);
  const satisfaction = (values[at('SAT1')] + values[at('SAT2')] + values[at('SAT3')]) / 3;
  const loyalty = (values[at('LOY1')] + values[at('LOY3')]) / 2; // 1–10
  const recommend = Math.max(0, Math.min(10, Math.round(((loyalty - 1) / 9) * 10 + (random() - 0.5) * 3)));
  const language = random() < 0.7 ? 'en' : 'zh';
  const blank = random() < 0.15;
  const comment = blank ? '' : commentFor(satisfaction, language, random);
  out.push(`${row + 1},${recommend},${blank ? '' : language},${blank ? '' : field(comment)}`);
});
writeFileSync(path.join(ROOT, 'data', 'survey_ecsi_comments.csv'), out.join('\n') + '\n');
console.log(`wrote ${lines.length} comments to data/survey_ecsi_comments.csv`);
