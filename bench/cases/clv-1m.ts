/**
 * Lifetime value on 1,000,000 CDNOW-like customers (≈ 2.9M transactions): summary + BG/NBD fit +
 * Gamma-Gamma fit. Target: under 3 s in all. The summary alone against pandas: clv-summary-1m.
 * Run: npx tsx bench/cases/clv-1m.ts
 */
import { runClvCase } from './clv-run.ts';

runClvCase(1_000_000, 3);
