/**
 * `npm run bench`: runs every benchmark case in its own process, and its Python counterpart
 * (pandas / scikit-learn from Debian, `/usr/bin/python3`) in the same run when installed, then
 * writes `bench/RESULTS.md` (the one generated file that is committed) and the raw figures to
 * `bench/raw/results.json` (ignored).
 *
 *   npm run bench                 all cases
 *   npm run bench -- rfm kmeans   cases whose name contains one of the words
 */
import { execSync, spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PYTHON, pythonAvailable, rawPath, runJsonScript, type BenchCase, type CaseReport } from './harness.ts';
import { lifetimeCases } from './lifetime.ts';
import { satisfactionCases } from './satisfaction.ts';
import { segmentCases } from './segments.ts';
import { warehouseCases } from './warehouse.ts';
import { paneCases } from './pane.ts';

const ROOT = path.join(__dirname, '..');
const filters = process.argv.slice(2);
const cases = [...lifetimeCases, ...segmentCases, ...satisfactionCases, ...warehouseCases, ...paneCases].filter(
  (c) => filters.length === 0 || filters.some((f) => c.name.includes(f)),
);

const ROUNDS = 3;

/**
 * Each case bundled into one plain script, as the add-in ships its code (webpack) rather than
 * transpiled on the fly: running through tsx's require hook adds ~30 MB of transpiler to the
 * process's peak memory, which is not ours. The generators' "run as a script" blocks stay off.
 */
function bundle(benchCase: BenchCase): string {
  const outfile = rawPath(path.join('bundles', `${benchCase.name}.cjs`));
  buildSync({
    entryPoints: [path.join(ROOT, benchCase.script)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    define: { 'require.main': 'undefined' },
    // DuckDB's native binding loads its platform's .node file at run time, from node_modules.
    external: ['@duckdb/node-api', 'playwright-core'],
    logLevel: 'warning',
  });
  return outfile;
}

/** The run with the median time. */
function medianRun(runs: CaseReport[]): CaseReport {
  return [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)];
}

/**
 * Debian's pandas and scikit-learn, made sure of as `npm test` makes sure of its tools: installed
 * with apt-get where we may (root or password-less sudo); otherwise the Python side is skipped
 * and scripts/ensure-system.mjs prints the command to run.
 */
function ensurePython(): boolean {
  if (pythonAvailable()) return true;
  const ensure = spawnSync(
    process.execPath,
    [path.join(ROOT, 'scripts', 'ensure-system.mjs'), 'python3-pandas', 'python3-sklearn', '--', PYTHON, '-c', 'import pandas, sklearn'],
    { stdio: 'inherit' },
  );
  if (ensure.status !== 0) console.warn('The Python side is skipped.');
  return pythonAvailable();
}

const havePython = ensurePython();

interface Row {
  case: BenchCase;
  ours: CaseReport;
  python?: CaseReport;
}

const rows: Row[] = [];
for (const benchCase of cases) {
  process.stdout.write(`${benchCase.name} … `);
  // A case with a Python counterpart alternates with it over several rounds (this 2-core machine
  // is noisy run to run) and each side keeps its median round.
  const rounds = benchCase.python && havePython ? ROUNDS : 1;
  const script = bundle(benchCase);
  const oursRuns: CaseReport[] = [];
  const pythonRuns: CaseReport[] = [];
  for (let round = 0; round < rounds; round++) {
    oursRuns.push(runJsonScript(process.execPath, [script]));
    if (benchCase.python && havePython) pythonRuns.push(runJsonScript(PYTHON, [path.join(ROOT, benchCase.python)]));
  }
  const ours = medianRun(oursRuns);
  const python = pythonRuns.length > 0 ? medianRun(pythonRuns) : undefined;
  rows.push({ case: benchCase, ours, python });
  console.log(
    `${ours.ms.toFixed(1)} ms` + (python ? `, Python ${python.ms.toFixed(1)} ms, ratio ${(ours.ms / python.ms).toFixed(2)}` : ''),
  );
}

function version(command: string): string {
  try {
    return execSync(command, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'not installed';
  }
}

/** An absolute time where the case sets one; otherwise, against Python, ratio ≤ 1 and less memory. */
function targetText(c: BenchCase, python: CaseReport | undefined): string {
  if (c.target !== undefined) return `< ${c.target} ms`;
  return c.python ? (python ? 'ratio ≤ 1, less memory' : 'ratio ≤ 1 (Python not run)') : '—';
}

function meetsTarget(c: BenchCase, ours: CaseReport, python: CaseReport | undefined): string {
  if (c.target !== undefined) return ours.ms <= c.target ? 'yes' : '**no**';
  if (!python) return '—';
  const faster = ours.ms <= python.ms;
  const leaner = ours.maxRssMB < python.maxRssMB;
  return faster && leaner ? 'yes' : `**no** (${[faster ? '' : 'slower', leaner ? '' : 'more memory'].filter(Boolean).join(', ')})`;
}

const fmt = (x: number | undefined, digits = 1) => (x === undefined ? '—' : x.toFixed(digits));
const lines = [
  '# Benchmark results',
  '',
  'Written by `npm run bench` (bench/run.ts); do not edit by hand. Each case runs in its own process;',
  'times are medians of repeated runs after warm-up, excluding data generation and file reading;',
  `a case with a Python counterpart alternates with it for ${ROUNDS} rounds and each side reports its median round;`,
  'peak memory is the whole process\'s maximum resident set (Node or Python), including the runtime.',
  'Our cases run as esbuild bundles under plain Node, the form in which the add-in ships its code.',
  '',
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; Node ${process.version}; ` +
    `pandas ${havePython ? version(`${PYTHON} -c "import pandas; print(pandas.__version__)"`) : 'not installed'}; ` +
    `scikit-learn ${havePython ? version(`${PYTHON} -c "import sklearn; print(sklearn.__version__)"`) : 'not installed'}; ` +
    `run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
  '',
  '| case | ours (ms) | Python (ms) | ratio ours/Python | target | meets target | ours peak MB | Python peak MB |',
  '|---|---:|---:|---:|---:|---|---:|---:|',
  ...rows.map(({ case: c, ours, python }) => {
    const ratio = python ? ours.ms / python.ms : undefined;
    return `| ${c.name} | ${fmt(ours.ms)} | ${fmt(python?.ms)} | ${fmt(ratio, 2)} | ${targetText(c, python)} | ${meetsTarget(c, ours, python)} | ${fmt(ours.maxRssMB, 0)} | ${fmt(python?.maxRssMB, 0)} |`;
  }),
  '',
  '## Details reported by each case',
  '',
  ...rows.map(({ case: c, ours, python }) => {
    const details = (report: CaseReport) =>
      Object.entries(report)
        .filter(([key]) => !['ms', 'maxRssMB', 'target'].includes(key))
        .map(([key, value]) => `${key} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
        .join('; ');
    return `- **${c.name}**: ${details(ours) || '—'}${python ? ` — Python: ${details(python) || '—'}` : ''}`;
  }),
  '',
];
writeFileSync(path.join(__dirname, 'RESULTS.md'), lines.join('\n'));
writeFileSync(rawPath('results.json'), JSON.stringify(rows, null, 2));
console.log(`\nWrote bench/RESULTS.md (${rows.length} cases).`);
const missed = rows.filter(({ case: c, ours, python }) => meetsTarget(c, ours, python).startsWith('**no'));
if (missed.length > 0) console.log(`Over target: ${missed.map((r) => r.case.name).join(', ')}`);
