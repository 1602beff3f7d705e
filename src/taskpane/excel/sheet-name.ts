/**
 * Names for the result sheets: Excel allows at most 31 characters, none of `\ / ? * [ ] :`, no
 * leading or trailing apostrophe, and compares names without regard to case.
 */
export const MAX_SHEET_NAME = 31;

/** The base name made legal: forbidden characters replaced, trimmed to leave room for " (99)". */
export function sanitizeSheetName(base: string): string {
  const clean = base.replace(/[\\/?*[\]:]/g, ' ').replace(/^'+|'+$/g, '').replace(/\s+/g, ' ').trim();
  return (clean || 'CVK Results').slice(0, MAX_SHEET_NAME - 5).trim();
}

/** The n-th candidate: `base` for n = 1, then `base (2)`, `base (3)`… */
export function sheetNameCandidate(base: string, n: number): string {
  const clean = sanitizeSheetName(base);
  return n <= 1 ? clean : `${clean} (${n})`;
}

/** The first candidate not among `existing` (case-insensitive), for tests and for callers that know all names. */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  for (let n = 1; ; n++) {
    const candidate = sheetNameCandidate(base, n);
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
