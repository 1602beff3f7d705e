/**
 * distinctiveTerms on 100,000 seeded survey comments (70 % English, 30 % Chinese, 15 % blank;
 * detractors against promoters, words and two-word phrases). Target < 2,000 ms.
 * Run: npx tsx bench/cases/distinctive-terms-100k.ts
 */
import { reportCase, timeMedian } from '../harness.ts';
import { generateComments } from '../generate/comments.ts';
import { distinctiveTerms, type DistinctiveTerm } from '../../src/core/satisfaction/distinctive-terms.ts';

const rows = generateComments(100_000, 2026);
const texts = rows.map((row) => row.comment);
const groups = rows.map((row) => row.recommend);
let result: DistinctiveTerm[] = [];
const ms = timeMedian(() => (result = distinctiveTerms(texts, groups, { top: 10 })), { repeats: 3, warmup: 1 });
reportCase({
  ms,
  target: 2000,
  comments: texts.length,
  characters: texts.reduce((sum, text) => sum + text.length, 0),
  topDetractorTerm: result.find((row) => row.group === 'Detractors')?.term,
  topPromoterTerm: result.find((row) => row.group === 'Promoters')?.term,
});
