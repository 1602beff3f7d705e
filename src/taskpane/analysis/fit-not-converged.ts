/**
 * The Lifetime view scores customers only with fits that converged. A fit that did not (its
 * parameters ran towards a boundary, or its budget ran out) is no estimate: P(alive), expected
 * purchases and CLV computed from it would be numbers without meaning, or be rejected by the
 * scorers' parameter checks ("a must be a number from 1e-6 to 1e6") after the fit was accepted.
 * The pane says what happened instead, in the analyst's words.
 */
import type { ColumnTable } from '../excel/cell-values.ts';

/** The error's name: kept across the worker boundary (codec.ts keeps names), read by `errorText`. */
export const FIT_NOT_CONVERGED = 'FitNotConvergedError';

export class FitNotConvergedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = FIT_NOT_CONVERGED;
  }
}

export function isFitNotConverged(error: unknown): error is Error {
  return error instanceof Error && error.name === FIT_NOT_CONVERGED;
}

interface FitOutcome {
  converged: boolean;
  /** The core's account: "converged after N iterations" or "not converged: why". */
  reason: string;
}

/** What each model's numbers are for, and what the analyst can try when it does not converge. */
const ROLES = {
  purchases: {
    what: 'P(alive), expected purchases and CLV',
    tryInstead: 'Try the other purchase model, a different calibration end, or a longer history.',
  },
  spend: {
    what: 'expected spend and CLV',
    tryInstead: 'Check the amounts (repeat buyers with very uneven spend), or try a different calibration end.',
  },
} as const;

/**
 * Throws `FitNotConvergedError` unless `fit` converged.
 *
 * @param fit a BG/NBD, Pareto/NBD or Gamma-Gamma fit (`converged`, `reason`)
 * @param model the model's name as the pane shows it, e.g. "BG/NBD"
 * @param role what the model predicts: purchases or spend
 * @example requireConverged({ converged: false, reason: 'not converged: a ran to 4.41e+7, …' }, 'BG/NBD', 'purchases');
 * // throws "The purchase model (BG/NBD) did not converge on this data: a ran to 4.41e+7, …"
 */
export function requireConverged(fit: FitOutcome, model: string, role: keyof typeof ROLES): void {
  if (fit.converged) return;
  const why = fit.reason.replace(/^not converged:\s*/, '');
  const { what, tryInstead } = ROLES[role];
  const kind = role === 'purchases' ? 'purchase model' : 'spend model';
  throw new FitNotConvergedError(
    `The ${kind} (${model}) did not converge on this data, so its estimates are not used: no ${what} were computed. Why: ${why}. ${tryInstead}`,
  );
}

/** The value-over-periods columns computed from the fits (blanked where a fit did not converge). */
const SCORED_COLUMNS = ['meanPAlive', 'expectedAlive', 'totalClv', 'meanClv'] as const;

/**
 * The core's value over period ends with the scored columns blank at the period ends where a
 * fit did not converge (the core reports `converged` per row but fills the values in), and a
 * note saying so.
 */
export function blankUnconvergedPeriods(table: ColumnTable): ColumnTable {
  const converged = table.array('converged');
  const note = Array.from(table.array('note'));
  const blank: boolean[] = [];
  for (let i = 0; i < table.numRows(); i++) {
    blank.push(converged[i] === false);
    if (converged[i] === false) note[i] = 'the models did not converge on the data up to this date: no values from them';
  }
  if (!blank.includes(true)) return table;
  const columns: Record<string, unknown[]> = { note };
  for (const name of SCORED_COLUMNS) {
    if (!table.columnNames().includes(name)) continue;
    columns[name] = Array.from(table.array(name), (v, i) => (blank[i] ? null : v));
  }
  return table.assign(columns);
}
