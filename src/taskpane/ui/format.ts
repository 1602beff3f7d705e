/** Number formatting for tables and summaries. */
export function fmt(value: unknown, digits = 2): string {
  if (typeof value !== 'number') return value === null || value === undefined ? '' : String(value);
  if (!Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function int(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
}

export function pct(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}
