/**
 * The shared body of the warehouse cases: a seeded CDNOW-like log in Parquet (written once,
 * untimed, to bench/raw), then, timed as one piece: DuckDB (2 threads, a 600 MB memory limit)
 * runs `customerSummarySql` on the Parquet file, the x, t_x, T, monetary columns come into
 * typed arrays, and `fitBgNbd` and `fitGammaGamma` fit them. Each run is a fresh DuckDB instance
 * (no warm cache inside DuckDB besides the OS's file cache); the median of the runs is reported,
 * with its parts, the CPU time and the fitted parameters next to the simulation's.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import * as aq from 'arquero';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { numberColumns } from '../duckdb-columns.ts';
import { CALIBRATION_END, CDNOW_PARAMS, HOLDOUT_END, SPEND_PARAMS } from '../generate/cdnow-like.ts';
import { writeWarehouseParquet } from '../generate/warehouse-parquet.ts';
import { rawPath, reportCase } from '../harness.ts';
import { customerSummarySql } from '../../src/core/sql/customer-summary-sql.ts';
import { fitBgNbd } from '../../src/core/lifetime/bg-nbd-fit.ts';
import { fitGammaGamma } from '../../src/core/lifetime/gamma-gamma.ts';

export async function runWarehouseCase(transactions: number, repeats: number): Promise<void> {
  const file = rawPath(`warehouse-${transactions}.parquet`);
  if (!existsSync(file)) {
    const instance = await DuckDBInstance.create(':memory:');
    await writeWarehouseParquet(await instance.connect(), file, transactions);
    instance.closeSync();
  }
  // The file's path is the table name: DuckDB reads a quoted name ending in .parquet as the file.
  const sql = customerSummarySql({ table: file, calibrationEnd: CALIBRATION_END, holdoutEnd: HOLDOUT_END, timeUnit: 'week' });
  const runs: Array<Record<string, number> & { ms: number }> = [];
  let last: { customers: number; bg: ReturnType<typeof fitBgNbd>; gg: ReturnType<typeof fitGammaGamma> } | undefined;
  for (let run = 0; run < repeats; run++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const instance = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '600MB' });
    const connection = await instance.connect();
    const columns = await numberColumns(connection, sql, ['x', 't_x', 'T', 'monetary']);
    connection.closeSync();
    instance.closeSync();
    const summaryMs = performance.now() - start;
    const summary = aq.table(columns as unknown as Record<string, unknown[]>);
    const bg = fitBgNbd(summary);
    const gg = fitGammaGamma(summary);
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    runs.push({ ms, summaryMs, fitMs: ms - summaryMs, cpuMs: (cpu.user + cpu.system) / 1000 });
    last = { customers: columns.x.length, bg, gg };
  }
  runs.sort((a, b) => a.ms - b.ms);
  const median = runs[Math.floor(runs.length / 2)];
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const { customers, bg, gg } = last!;
  reportCase({
    ms: median.ms,
    summaryMs: Math.round(median.summaryMs),
    fitMs: Math.round(median.fitMs),
    // CPU time of both DuckDB threads and JavaScript: what the wall time would be near on an idle
    // 2-core machine times two, and a figure that other users of a shared machine do not inflate.
    cpuMs: Math.round(median.cpuMs),
    peakTargetMB: 1024,
    transactions,
    customers,
    bgNbd: { r: round(bg.r), alpha: round(bg.alpha), a: round(bg.a), b: round(bg.b), converged: bg.converged },
    simulatedBgNbd: CDNOW_PARAMS,
    gammaGamma: { p: round(gg.p), q: round(gg.q), gamma: round(gg.gamma), n: gg.n, converged: gg.converged },
    simulatedGammaGamma: SPEND_PARAMS,
  });
}
