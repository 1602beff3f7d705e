/**
 * The survey's answer scale as typed in its two fields ("Scale from", "to"): one message per
 * problem, on the field to fix. A reversed scale is said once, on "to", instead of once per item
 * whose answers then fall outside it.
 */

function asNumber(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? NaN : Number(trimmed);
}

/**
 * @example scaleProblem('10', '1', 'to'); // => 'Scale to must be larger than Scale from (the scale is 10 to 1).'
 */
export function scaleProblem(fromText: string, toText: string, field: 'from' | 'to'): string | null {
  const from = asNumber(fromText);
  const to = asNumber(toText);
  if (field === 'from') return Number.isFinite(from) ? null : `Scale from must be a number, the lowest answer (it is ${fromText.trim() === '' ? 'blank' : JSON.stringify(fromText.trim())}).`;
  if (!Number.isFinite(to)) return `Scale to must be a number, the highest answer (it is ${toText.trim() === '' ? 'blank' : JSON.stringify(toText.trim())}).`;
  if (Number.isFinite(from) && to <= from) return `Scale to must be larger than Scale from (the scale is ${fromText.trim()} to ${toText.trim()}).`;
  return null;
}
