/**
 * PLS path model (path scheme) of 100,000 respondents × 24 items, ECSI-shaped. Target < 1 s.
 * The time includes reading the columns from the Arquero table, the correlation matrix, the
 * iterations, the scores of every respondent and the indices. Run: npx tsx bench/cases/pls-100k.ts
 */
import * as aq from 'arquero';
import { reportCase, timeMedian } from '../harness.ts';
import { generateSurvey, SURVEY_MODEL } from '../generate/survey.ts';
import { plsPathModel, type PlsResult } from '../../src/core/satisfaction/pls-path-model.ts';

const table = aq.table(generateSurvey(100_000, 2024));
let fit: PlsResult | undefined;
const ms = timeMedian(() => (fit = plsPathModel(table, SURVEY_MODEL)), { repeats: 5, warmup: 1 });
reportCase({
  ms,
  target: 1000,
  respondents: fit!.rows.used,
  indicators: Object.keys(fit!.outerWeights).length,
  iterations: fit!.iterations,
  converged: fit!.converged,
  satisfactionIndex: +fit!.indices.Satisfaction.toFixed(3),
});
