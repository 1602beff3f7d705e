/**
 * 10,000,000 transactions (≈ 3.6M CDNOW-like customers) from Parquet: DuckDB runs the generated
 * customer-summary SQL, then BG/NBD and Gamma-Gamma fits on the summary. Target: under 10 s with
 * a peak of at most 1 GB. pandas does the same summary on the same rows
 * (bench/python/warehouse_summary.py).
 * Run: npx tsx bench/cases/warehouse-10m.ts
 */
import { runWarehouseCase } from './warehouse-run.ts';

void runWarehouseCase(10_000_000, 3);
