/**
 * What the RFM tie policy does to the segments: the named segments' shares of customers under
 * each policy, from the same customer summary. Many customers share a frequency (most bought
 * once or twice), so where the breaks fall among equal values moves whole groups of customers
 * between scores, and so between segments.
 */
import { rfmScores, rfmSegments, type RfmTies } from '../../core/index.ts';
import type { ColumnTable } from '../excel/cell-values.ts';

export const TIE_POLICIES: readonly RfmTies[] = ['quantile', 'dense', 'first'];

export interface TieShares {
  segment: string;
  /** Share of customers (0–1) per policy. */
  shares: Map<RfmTies, number>;
}

export interface TieComparison {
  rows: TieShares[];
  /** The segment whose share moves most between policies, with its smallest and largest share. */
  largestMove: { segment: string; low: { ties: RfmTies; share: number }; high: { ties: RfmTies; share: number } };
}

/**
 * Segment shares under each tie policy (named segments need 5 scores).
 *
 * @param summary one row per customer with recency, frequency and monetary
 */
export function sharesByTiePolicy(summary: ColumnTable): TieComparison {
  const measures = summary.select('recency', 'frequency', 'monetary');
  const bySegment = new Map<string, Map<RfmTies, number>>();
  for (const ties of TIE_POLICIES) {
    for (const line of rfmSegments(rfmScores(measures, { bins: 5, ties })).coverage) {
      if (!bySegment.has(line.segment)) bySegment.set(line.segment, new Map());
      bySegment.get(line.segment)!.set(ties, line.share);
    }
  }
  const rows = [...bySegment].map(([segment, shares]) => ({ segment, shares }));
  let largestMove: TieComparison['largestMove'] | null = null;
  for (const { segment, shares } of rows) {
    const sorted = TIE_POLICIES.map((ties) => ({ ties, share: shares.get(ties) ?? 0 })).sort((a, b) => a.share - b.share);
    const move = { segment, low: sorted[0], high: sorted[sorted.length - 1] };
    if (!largestMove || move.high.share - move.low.share > largestMove.high.share - largestMove.low.share) largestMove = move;
  }
  return { rows, largestMove: largestMove! };
}
