/**
 * Comparing nested results with a reference written by an independent implementation (a JSON
 * fixture): the largest absolute difference over the same keys, and the key sets must agree.
 */
export type Nested = number | { [key: string]: Nested };

/** Flattens nested objects to "a/b" → number. */
export function flat(value: Nested, prefix = ''): Map<string, number> {
  const out = new Map<string, number>();
  if (typeof value === 'number') out.set(prefix, value);
  else for (const [key, inner] of Object.entries(value)) flat(inner, `${prefix}/${key}`).forEach((v, k) => out.set(k, v));
  return out;
}

/** Largest |ours − reference| over the same keys (and the key sets must agree). */
export function maxDeviation(ours: Nested, expected: Nested): number {
  const a = flat(ours);
  const b = flat(expected);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  let worst = 0;
  b.forEach((value, key) => (worst = Math.max(worst, Math.abs(a.get(key)! - value))));
  return worst;
}
