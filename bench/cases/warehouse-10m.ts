/**
 * 10,000,000 transactions (≈ 3.6M CDNOW-like customers) from Parquet: DuckDB runs the generated
 * compressed-summary SQL (`compressedSummarySql`: the customer summary and its GROUP BY into the
 * distinct rows with counts, one query), then BG/NBD and Gamma-Gamma fits on the compressed rows
 * (Pareto/NBD timed apart). Target: under 10 s with a peak of at most 1 GB. pandas does the
 * summary and the compressions on the same rows (bench/python/warehouse_summary.py, from CSV).
 * One run per process: `bench/run.ts` runs it three times, alternating with pandas, and keeps
 * the median. Run: npx tsx bench/cases/warehouse-10m.ts
 */
import { runWarehouseCase } from './warehouse-run.ts';

void runWarehouseCase(10_000_000, 1);
