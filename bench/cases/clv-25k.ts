/**
 * Lifetime value on 25,000 CDNOW-like customers (≈ 72k transactions): summary + BG/NBD fit +
 * Gamma-Gamma fit. Target: fits under 100 ms. Run: npx tsx bench/cases/clv-25k.ts
 */
import { runClvCase } from './clv-run.ts';

runClvCase(25_000, 7);
