/**
 * Shared pieces of `npm run bench`: timing, peak memory, and the Python reference side.
 *
 * Each benchmark case is a script under `bench/cases/` that runs in its own process (so its peak
 * memory is its own) and prints one JSON line `{ ms, maxRssMB, ... }` via `reportCase`.
 * `bench/run.ts` runs every case and its Python counterpart and writes `bench/RESULTS.md`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the nearest folder up with a package.json (cases also run as bundles from bench/raw/bundles). */
function repositoryRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

// Deno (notebooks import the generators) has no __dirname: there, start from the working directory.
export const RAW_DIR = join(repositoryRoot(typeof __dirname === 'string' ? __dirname : process.cwd()), 'bench', 'raw');
export const PYTHON = '/usr/bin/python3';

/** Folder for generated data shared with the Python side; git-ignored. */
export function rawPath(name: string): string {
  if (!existsSync(RAW_DIR)) mkdirSync(RAW_DIR, { recursive: true });
  return join(RAW_DIR, name);
}

/**
 * Median wall time of `repeats` runs after `warmup` untimed runs, in milliseconds.
 * The median resists the odd slow run on a shared 2-core machine.
 */
export function timeMedian(fn: () => unknown, { repeats = 5, warmup = 1 } = {}): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Peak resident memory of this process so far, in MB. */
export function maxRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** What a case script prints: its timing, its peak memory and any checks it wants reported. */
export interface CaseReport {
  ms: number;
  maxRssMB: number;
  [extra: string]: unknown;
}

export function reportCase(report: Omit<CaseReport, 'maxRssMB'> & { maxRssMB?: number }): void {
  process.stdout.write(JSON.stringify({ maxRssMB: maxRssMB(), ...report }) + '\n');
}

/** True when Debian's pandas and scikit-learn are importable by `/usr/bin/python3`. */
export function pythonAvailable(modules: string[] = ['pandas', 'sklearn']): boolean {
  if (!existsSync(PYTHON)) return false;
  const probe = spawnSync(PYTHON, ['-c', `import ${modules.join(', ')}`], { encoding: 'utf8' });
  return probe.status === 0;
}

/** Runs a script and parses the last JSON line it prints. */
export function runJsonScript(command: string, args: string[]): CaseReport {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  }
  const lines = result.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as CaseReport;
}

/**
 * One benchmark case for `bench/run.ts`: `script` is a path under `bench/cases/` run with tsx in
 * its own process; `python` an optional counterpart under `bench/python/` run with `PYTHON`;
 * `target` the wall time (ms) the case should stay under. A case with a Python counterpart and no
 * `target` is held to the bar instead: at most the Python time (ratio ≤ 1) with a lower
 * peak memory.
 */
export interface BenchCase {
  name: string;
  script: string;
  python?: string;
  target?: number;
}
