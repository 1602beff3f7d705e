/**
 * Importance–performance map analysis on constructs (IPMA; Ringle & Sarstedt 2016, "Gain more
 * insight from your PLS-SEM results: The importance-performance map analysis", Industrial
 * Management & Data Systems 116(9); as in SmartPLS and cSEM's doIPMA).
 *
 * Definitions followed exactly:
 * - Performance of a construct: the mean of its rescaled (0–100) scores, i.e. its index: the
 *   indicators rescaled to 0–100 over the scale, weighted by the unstandardized outer weights
 *   w_i / sd_i normalized to sum 1 (`fit.indices`).
 * - Importance of construct a for the target t: the unstandardized total effect of a on t, that
 *   is the total effect (direct + every indirect path) in the path model re-estimated by OLS on
 *   the rescaled scores. Because each rescaled score is an affine map of the standardized score,
 *   each unstandardized path is b_ij · sd_j / sd_i and the products along any route telescope:
 *   importance = standardized total effect · sd(t's rescaled scores) / sd(a's rescaled scores).
 *   Read it as: one point more performance of a (on 0–100) raises t's performance by
 *   `importance` points.
 * The grid lines are the mean importance and the mean performance (Martilla & James quadrants).
 */
import { invalid } from '../messages.ts';
import { importancePerformance, type Quadrant } from './importance-performance.ts';
import type { PlsResult } from './pls-path-model.ts';

export interface ConstructIpmaRow {
  construct: string;
  /** Unstandardized total effect on the target (0–100 points per 0–100 point). */
  importance: number;
  /** The construct's 0–100 index. */
  performance: number;
  /** The standardized total effect, for reference. */
  standardizedImportance: number;
  quadrant: Quadrant;
}

export interface ConstructIpmaResult {
  target: string;
  /** The target's own 0–100 index. */
  targetPerformance: number;
  /** Every construct with a direct or indirect effect on the target, in model order. */
  rows: ConstructIpmaRow[];
  importanceLine: number;
  performanceLine: number;
}

/** Sample standard deviation (n − 1). */
function sampleSd(values: Float64Array): number {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  return Math.sqrt(ss / (values.length - 1));
}

/**
 * IPMA of the constructs that drive `target`.
 *
 * Complexity: O(n q) for the standard deviations of the rescaled scores.
 *
 * @param fit a `plsPathModel` result whose indices cover the target and its antecedents
 * @param target the construct to explain (e.g. 'Satisfaction' or 'Loyalty')
 * @returns importance, performance and quadrant per antecedent (direct or indirect)
 * @throws {InputError} when the target is not in the model, has no antecedents, or a needed index
 *   was left out of `options.indices`
 * @example
 * const ipma = constructIpma(plsPathModel(survey, ecsi), 'Loyalty');
 * ipma.rows.find((r) => r.construct === 'Satisfaction').importance; // => 0.4722 (ECSI fixture, 4 dp)
 */
export function constructIpma(fit: PlsResult, target: string): ConstructIpmaResult {
  const constructs = Object.keys(fit.latentCorrelations);
  if (!constructs.includes(target)) {
    throw invalid('target', `: construct "${target}" is not in the model (constructs: ${constructs.join(', ')})`, 'na');
  }
  const drivers = constructs.filter((a) => Object.hasOwn(fit.totalEffects, a) && Object.hasOwn(fit.totalEffects[a], target));
  if (drivers.length === 0) {
    throw invalid('target', `: construct "${target}" has no antecedents, so nothing has an effect on it`);
  }
  const sdOf = (construct: string): number => {
    if (!Object.hasOwn(fit.indexScores, construct)) {
      throw invalid('target', `: IPMA needs the 0–100 index of "${construct}"; include it in options.indices`);
    }
    return sampleSd(fit.indexScores[construct]);
  };
  const targetSd = sdOf(target);
  const points = drivers.map((construct) => {
    const standardized = fit.totalEffects[construct][target];
    return {
      name: construct,
      importance: (standardized * targetSd) / sdOf(construct),
      performance: fit.indices[construct],
      standardized,
    };
  });
  const map = importancePerformance(points.map(({ name, importance, performance }) => ({ name, importance, performance })));
  return {
    target,
    targetPerformance: fit.indices[target],
    rows: points.map((point, k) => ({
      construct: point.name,
      importance: point.importance,
      performance: point.performance,
      standardizedImportance: point.standardized,
      quadrant: map.items[k].quadrant,
    })),
    importanceLine: map.importanceLine,
    performanceLine: map.performanceLine,
  };
}
