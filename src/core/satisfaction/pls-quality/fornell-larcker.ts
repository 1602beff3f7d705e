/**
 * Fornell–Larcker criterion (Fornell & Larcker 1981, "Evaluating structural equation models with
 * unobservable variables and measurement error", JMR 18(1)): discriminant validity holds for a
 * construct when √AVE exceeds its correlation with every other construct. The table is the
 * construct-score correlation matrix with √AVE on the diagonal, as seminr prints it (seminr
 * shows the lower triangle; the full symmetric matrix is returned here). cSEM compares AVE with
 * squared correlations instead, which is the same test.
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

export function fornellLarcker(latentCorrelations: Float64Array, layout: PlsLayout, ave: readonly number[]): FornellLarckerTable {
  const { constructs, q } = layout;
  const matrix = constructs.map((_, a) =>
    constructs.map((__, b) => (a === b ? Math.sqrt(ave[a]) : latentCorrelations[a * q + b])),
  );
  const checks = constructs.map((construct, a) => {
    let maxCorrelation = 0;
    for (let b = 0; b < q; b++) if (b !== a) maxCorrelation = Math.max(maxCorrelation, Math.abs(matrix[a][b]));
    const sqrtAve = matrix[a][a];
    return { construct, sqrtAve, maxCorrelation, passes: sqrtAve > maxCorrelation };
  });
  return { constructs: constructs.slice(), matrix, checks };
}
