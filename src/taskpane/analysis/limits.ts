/**
 * The pane's numeric fields and their ranges: the field shows them (min/max) and Run enforces
 * them, with a message naming the field. The maxima bound the work a click can start: the horizon
 * is a loop per month per customer (100,000 months froze the pane for a minute), k is one chart
 * row and one colour per cluster (k = 2,000 overflowed the stack compiling the chart), and more
 * RFM scores than 9 make a heatmap nobody can read.
 *
 * Within the core's own limits: RFM scores 2..20 (`rfmScores`), k at most the customers and their
 * distinct profiles (`kmeans`, checked when it runs). The CLV horizon's core maximum is being added
 * separately; the pane's 120 months (10 years) stays at or below it.
 */
export interface FieldLimit {
  /** The field's label, as the pane shows it. */
  label: string;
  min: number;
  max: number;
  /** Whole numbers only. */
  integer: boolean;
}

export const PANE_LIMITS = {
  bins: { label: 'RFM scores', min: 2, max: 9, integer: true },
  k: { label: 'k-means clusters (k)', min: 1, max: 12, integer: true },
  months: { label: 'Horizon (months)', min: 1, max: 120, integer: true },
  margin: { label: 'Margin (share of spend)', min: 0, max: 1, integer: false },
  discount: { label: 'Discount rate per month', min: 0, max: 1, integer: false },
  tolerance: { label: 'Fair band ± (points)', min: 0, max: 100, integer: false },
} as const satisfies Record<string, FieldLimit>;

/** How a field's text is shown in a message. */
function shown(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return 'blank';
  return Number.isFinite(Number(trimmed)) ? trimmed : JSON.stringify(trimmed);
}

/**
 * The problem with a field's text, or null when it is a number within the field's range.
 *
 * @example fieldProblem(PANE_LIMITS.months, '100000');
 * // => 'Horizon (months) must be a whole number from 1 to 120 (it is 100000).'
 */
export function fieldProblem(limit: FieldLimit, text: string): string | null {
  const trimmed = text.trim();
  const value = trimmed === '' ? NaN : Number(trimmed);
  const ok = Number.isFinite(value) && value >= limit.min && value <= limit.max && (!limit.integer || Number.isInteger(value));
  if (ok) return null;
  return `${limit.label} must be a ${limit.integer ? 'whole number' : 'number'} from ${limit.min} to ${limit.max} (it is ${shown(text)}).`;
}

/** The problems of several fields, in order. */
export function fieldProblems(fields: readonly [FieldLimit, string][]): string[] {
  return fields.map(([limit, text]) => fieldProblem(limit, text)).filter((p): p is string => p !== null);
}

/**
 * The largest block "Use selection" reads: 4,000,000 cells (1,000,000 rows of 4 columns). Reading
 * goes in chunks of 50,000 cells, so this is 80 requests and a few hundred MB in the pane; a
 * selection of whole columns beyond the used range is trimmed before this check.
 */
export const MAX_CELLS_READ = 4_000_000;
