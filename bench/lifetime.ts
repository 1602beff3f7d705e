/**
 * Lifetime-value benchmarks: customer summary + BG/NBD + Gamma-Gamma fits on seeded CDNOW-like
 * logs (`bench/generate/cdnow-like.ts`). Targets from the issue: fits under 100 ms at 25k
 * customers; summary and fits under 3 s at 1M. `clv-summary-1m` times the summary alone against
 * pandas (bench/python/clv_summary.py); the `lifetimes` package, for Python fits, is not available.
 */
import type { BenchCase } from './harness.ts';

export const lifetimeCases: BenchCase[] = [
  { name: 'clv-25k', script: 'bench/cases/clv-25k.ts', target: 100 },
  { name: 'clv-1m', script: 'bench/cases/clv-1m.ts', target: 3000 },
  { name: 'clv-summary-1m', script: 'bench/cases/clv-summary-1m.ts', python: 'bench/python/clv_summary.py' },
  // Issue 11: P(alive) for 25,000 customers in ≤ 2 ms (also reports expectations and Pareto/NBD).
  { name: 'score-all-25k', script: 'bench/cases/score-all-25k.ts', target: 2 },
  // Issue 11: summary + BG/NBD and Gamma-Gamma fits + P(alive), expected purchases, CLV per customer.
  { name: 'clv-pipeline-25k', script: 'bench/cases/clv-pipeline-25k.ts', target: 100 },
  // BG/NBD fit 100k (issue 9): a fit of 100,000 simulated customers, well under a second.
  { name: 'bgnbd-fit-100k', script: 'bench/cases/bgnbd-fit-100k.ts', target: 1000 },
];
