/**
 * PLS path model (path scheme) of a 250-respondent × 24-item ECSI-shaped survey: the size of a
 * typical satisfaction study. Target < 20 ms. Run: npx tsx bench/cases/pls-250x24.ts
 */
import * as aq from 'arquero';
import { reportCase, timeMedian } from '../harness.ts';
import { generateSurvey, SURVEY_MODEL } from '../generate/survey.ts';
import { plsPathModel, type PlsResult } from '../../src/core/satisfaction/pls-path-model.ts';

const table = aq.table(generateSurvey(250, 2024));
let fit: PlsResult | undefined;
const ms = timeMedian(() => (fit = plsPathModel(table, SURVEY_MODEL)), { repeats: 21, warmup: 5 });
reportCase({
  ms,
  target: 20,
  respondents: fit!.rows.used,
  indicators: Object.keys(fit!.outerWeights).length,
  iterations: fit!.iterations,
  converged: fit!.converged,
  satisfactionIndex: +fit!.indices.Satisfaction.toFixed(3),
});
