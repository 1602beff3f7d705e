/**
 * Warehouse benchmark: 10,000,000 transactions from Parquet through DuckDB (the generated
 * compressed-summary SQL) and the BG/NBD and Gamma-Gamma fits on the compressed rows. Target from
 * issue #15: under 10 s with a peak of at most 1 GB. pandas does the summary and the compressions
 * on the same rows (from CSV: Debian has no Parquet reader for pandas).
 */
import type { BenchCase } from './harness.ts';

export const warehouseCases: BenchCase[] = [
  { name: 'warehouse-10m', script: 'bench/cases/warehouse-10m.ts', python: 'bench/python/warehouse_summary.py', target: 10_000 },
];
