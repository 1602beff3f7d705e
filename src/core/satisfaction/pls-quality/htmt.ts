/**
 * Heterotrait–monotrait ratio of correlations (Henseler, Ringle & Sarstedt 2015, "A new criterion
 * for assessing discriminant validity in variance-based structural equation modeling", JAMS
 * 43(1)): for constructs i and j, the mean correlation between items of i and items of j divided
 * by the geometric mean of the mean correlation among i's own items and among j's.
 *
 * seminr's rules, followed here: every item correlation enters as its absolute value (seminr
 * since 2019, so that a reverse-worded item neither cancels nor inflates the ratio); a
 * single-item construct's monotrait mean is 1. HTMT needs only the item correlations, so a
 * bootstrap resample recomputes it without re-estimating the model.
 *
 * Mode B (formative composite) constructs take no part: HTMT assumes reflective items that share
 * a common factor, and seminr's measurement-model evaluation reports it for factors only.
 */
import type { PlsLayout } from '../pls-algorithm.ts';

/** Mean |r| over the distinct item pairs within block b (1 for a single item). */
function monotraitMean(matrix: Float64Array, layout: PlsLayout, b: number): number {
  const { p, blockStart } = layout;
  const start = blockStart[b];
  const end = blockStart[b + 1];
  if (end - start === 1) return 1;
  let sum = 0;
  let count = 0;
  for (let i = start; i < end; i++) {
    for (let j = i + 1; j < end; j++) {
      sum += Math.abs(matrix[i * p + j]);
      count++;
    }
  }
  return sum / count;
}

/**
 * HTMT of every pair of constructs a < b (model order), as a flat array in the order
 * (0,1), (0,2), …, (0,q−1), (1,2), …
 */
export function htmtValues(matrix: Float64Array, layout: PlsLayout): Float64Array {
  const { q, p, blockStart } = layout;
  const mono = new Float64Array(q);
  for (let b = 0; b < q; b++) mono[b] = monotraitMean(matrix, layout, b);
  const pairs = htmtPairs(layout);
  const out = new Float64Array(pairs.length);
  pairs.forEach(([a, b], k) => {
    let sum = 0;
    for (let i = blockStart[a]; i < blockStart[a + 1]; i++) {
      for (let j = blockStart[b]; j < blockStart[b + 1]; j++) sum += Math.abs(matrix[i * p + j]);
    }
    const hetero = sum / ((blockStart[a + 1] - blockStart[a]) * (blockStart[b + 1] - blockStart[b]));
    out[k] = hetero / Math.sqrt(mono[a] * mono[b]);
  });
  return out;
}

/** The construct pairs of {@link htmtValues}, in the same order; mode B constructs are left out. */
export function htmtPairs(layout: PlsLayout): [number, number][] {
  const pairs: [number, number][] = [];
  const reflective = (b: number) => !layout.formative?.[b];
  for (let a = 0; a < layout.q; a++) {
    if (!reflective(a)) continue;
    for (let b = a + 1; b < layout.q; b++) if (reflective(b)) pairs.push([a, b]);
  }
  return pairs;
}
