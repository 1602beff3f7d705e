/**
 * Fornell–Larcker criterion (Fornell & Larcker 1981, "Evaluating structural equation models with
 * unobservable variables and measurement error", JMR 18(1)): discriminant validity holds for a
 * construct when √AVE exceeds its correlation with every other construct. The table is the
 * construct-score correlation matrix with √AVE on the diagonal, as seminr prints it (seminr
 * shows the lower triangle; the full symmetric matrix is returned here). cSEM compares AVE with
 * squared correlations instead, which is the same test.
 *
 * Only the constructs in `members` (plsQuality passes the mode A ones) enter the table: AVE, and
 * so the criterion, presumes reflective items, and seminr evaluates discriminant validity for
 * factors only.
 */
import type { PlsLayout } from '../pls-algorithm.ts';

export interface FornellLarckerTable {
  /** Row and column order of `matrix`. */
  constructs: string[];
  /** Construct correlations, √AVE on the diagonal. */
  matrix: number[][];
  /** Per construct: √AVE, the largest |correlation| with another construct, and whether √AVE is larger. */
  checks: { construct: string; sqrtAve: number; maxCorrelation: number; passes: boolean }[];
}

/**
 * @param ave AVE of each construct in `members`, same order
 * @param members the constructs to tabulate (indices into the layout); default all
 */
export function fornellLarcker(
  latentCorrelations: Float64Array,
  layout: PlsLayout,
  ave: readonly number[],
  members: readonly number[] = layout.constructs.map((_, b) => b),
): FornellLarckerTable {
  const { q } = layout;
  const constructs = members.map((b) => layout.constructs[b]);
  const matrix = members.map((a, x) =>
    members.map((b, y) => (x === y ? Math.sqrt(ave[x]) : latentCorrelations[a * q + b])),
  );
  const checks = constructs.map((construct, a) => {
    let maxCorrelation = 0;
    for (let b = 0; b < members.length; b++) if (b !== a) maxCorrelation = Math.max(maxCorrelation, Math.abs(matrix[a][b]));
    const sqrtAve = matrix[a][a];
    return { construct, sqrtAve, maxCorrelation, passes: sqrtAve > maxCorrelation };
  });
  return { constructs, matrix, checks };
}
