/**
 * The customer summary alone on 1,000,000 CDNOW-like customers (≈ 2.8M transactions, ISO date
 * strings), to compare with pandas doing the same (bench/python/clv_summary.py).
 * Run: npx tsx bench/cases/clv-summary-1m.ts
 */
import { runClvCase } from './clv-run.ts';

runClvCase(1_000_000, 3, true);
