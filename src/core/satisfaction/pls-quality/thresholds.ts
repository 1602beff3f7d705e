/**
 * The usual cut-offs of PLS-SEM measurement quality, with their sources, and one helper that
 * marks a value pass or warn so that the pane and the notebooks judge it the same way.
 *
 * These are conventions, not tests: a value just below a cut-off is a reason to look, not to
 * reject (Hair, Risher, Sarstedt & Ringle 2019, "When to use and how to report the results of
 * PLS-SEM", European Business Review 31(1)).
 */

/** Cronbach's α at least 0.7 (Nunnally 1978, "Psychometric Theory", 2nd ed.; Hair et al. 2019). */
export const ALPHA_MIN = 0.7;
/** ρ_A at least 0.7 (Dijkstra & Henseler 2015, MIS Quarterly 39(2); Hair et al. 2019). */
export const RHO_A_MIN = 0.7;
/** Composite reliability ρ_C at least 0.7 (Hair et al. 2019; Nunnally 1978). */
export const RHO_C_MIN = 0.7;
/** AVE at least 0.5: the construct explains half of its items' variance (Fornell & Larcker 1981, JMR 18(1)). */
export const AVE_MIN = 0.5;
/** HTMT below 0.85 for conceptually distinct constructs (Henseler, Ringle & Sarstedt 2015, JAMS 43(1)). */
export const HTMT_MAX = 0.85;
/** HTMT below 0.90 for conceptually similar constructs (Henseler, Ringle & Sarstedt 2015). */
export const HTMT_MAX_SIMILAR = 0.9;
/** VIF below 5, items and predictors alike (Hair et al. 2019; below 3 is ideal). */
export const VIF_MAX = 5;

/** The measures a threshold applies to. */
export type QualityMeasure = 'alpha' | 'rhoA' | 'rhoC' | 'ave' | 'htmt' | 'fornellLarcker' | 'itemVif' | 'innerVif';

export type QualityStatus = 'pass' | 'warn' | 'none';

export interface QualityMark {
  status: QualityStatus;
  /** The rule in words, e.g. "≥ 0.7". */
  rule: string;
  /** Who proposed it. */
  source: string;
}

export interface QualityMarkOptions {
  /** HTMT cut-off: 0.85 (default, distinct constructs) or 0.90 (conceptually similar ones). */
  htmtMax?: number;
}

const RULES: Record<QualityMeasure, { rule: (o: QualityMarkOptions) => string; source: string }> = {
  alpha: { rule: () => `≥ ${ALPHA_MIN}`, source: 'Nunnally (1978); Hair et al. (2019)' },
  rhoA: { rule: () => `≥ ${RHO_A_MIN}`, source: 'Dijkstra & Henseler (2015); Hair et al. (2019)' },
  rhoC: { rule: () => `≥ ${RHO_C_MIN}`, source: 'Nunnally (1978); Hair et al. (2019)' },
  ave: { rule: () => `≥ ${AVE_MIN}`, source: 'Fornell & Larcker (1981)' },
  htmt: { rule: (o) => `< ${o.htmtMax ?? HTMT_MAX}`, source: 'Henseler, Ringle & Sarstedt (2015)' },
  fornellLarcker: { rule: () => '√AVE > every correlation with another construct', source: 'Fornell & Larcker (1981)' },
  itemVif: { rule: () => `< ${VIF_MAX}`, source: 'Hair et al. (2019)' },
  innerVif: { rule: () => `< ${VIF_MAX}`, source: 'Hair et al. (2019)' },
};

/**
 * Marks one quality figure against its usual threshold.
 *
 * For `fornellLarcker` pass the margin √AVE − max |r| (positive passes). `null` means "not
 * defined": an inner VIF of a lone predictor (seminr's NA) is marked `none`; an item VIF or an f²
 * that is unbounded (perfectly collinear items) is `warn`.
 *
 * @example qualityMark('ave', 0.64).status; // => 'pass'
 * @example qualityMark('htmt', 0.87, { htmtMax: 0.9 }).status; // => 'pass'
 */
export function qualityMark(measure: QualityMeasure, value: number | null, options: QualityMarkOptions = {}): QualityMark {
  const { rule, source } = RULES[measure];
  const htmtMax = options.htmtMax ?? HTMT_MAX;
  let status: QualityStatus;
  if (value === null || !Number.isFinite(value)) status = measure === 'innerVif' ? 'none' : 'warn';
  else {
    switch (measure) {
      case 'alpha':
        status = value >= ALPHA_MIN ? 'pass' : 'warn';
        break;
      case 'rhoA':
        status = value >= RHO_A_MIN ? 'pass' : 'warn';
        break;
      case 'rhoC':
        status = value >= RHO_C_MIN ? 'pass' : 'warn';
        break;
      case 'ave':
        status = value >= AVE_MIN ? 'pass' : 'warn';
        break;
      case 'htmt':
        status = value < htmtMax ? 'pass' : 'warn';
        break;
      case 'fornellLarcker':
        status = value > 0 ? 'pass' : 'warn';
        break;
      case 'itemVif':
      case 'innerVif':
        status = value < VIF_MAX ? 'pass' : 'warn';
        break;
    }
  }
  return { status, rule: rule({ htmtMax }), source };
}
