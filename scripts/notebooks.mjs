// `npm run notebooks`: type-check and execute every notebook in notebooks/ headlessly with the
// Deno kernel, and write HTML reports.
//
//   node scripts/notebooks.mjs [name-or-path ...] [--no-html] [--self-test]
//
// 1. Preflight: Debian's jupyter-nbconvert + python3-nbclient (installed if we may).
// 2. Registers the Deno kernel (node_modules' deno binary) in the git-ignored .jupyter/ and
//    points JUPYTER_PATH / JUPYTER_DATA_DIR there, so nothing is written to ~.
// 3. Type check: the kernel does not type-check, so the code cells of each notebook are
//    concatenated into notebooks/.executed/<name>.check.ts and checked with `deno check`;
//    errors are reported by notebook, cell and line.
// 4. Executes each notebook with nbclient (scripts/execute_notebook.py, which works around a
//    Deno kernel output race) into notebooks/.executed/, reports the first failing cell, and
//    exports HTML with `jupyter nbconvert --to html` to notebooks/reports/.
// Exits 1 when any type check or cell fails. `--self-test` runs the fixtures in
// test/notebooks/fixtures and checks that the failures they contain are caught.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages } from './ensure-system.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NOTEBOOKS = path.join(ROOT, 'notebooks');
const EXECUTED = path.join(NOTEBOOKS, '.executed');
const REPORTS = path.join(NOTEBOOKS, 'reports');
const JUPYTER_DIR = path.join(ROOT, '.jupyter');
const FIXTURES = path.join(ROOT, 'test', 'notebooks', 'fixtures');
const KERNEL_NAME = 'deno';
const CELL_TIMEOUT_S = 300;
const VEGALITE_MIME = /^application\/vnd\.vegalite\.v\d\+json$/;

const rel = (p) => path.relative(ROOT, p);

// ---------------------------------------------------------------- preflight and kernel

function nbconvertCommand() {
  // Debian's, first: a `jupyter` earlier on PATH (pyenv, conda) may lack nbclient.
  return existsSync('/usr/bin/jupyter-nbconvert') ? '/usr/bin/jupyter-nbconvert' : 'jupyter-nbconvert';
}

function pythonOf(script) {
  // The interpreter nbconvert runs under (its shebang), to check that nbclient imports there.
  try {
    const first = readFileSync(script, 'utf8').split('\n', 1)[0];
    if (first.startsWith('#!')) return first.slice(2).trim().split(/\s+/);
  } catch {
    /* not a readable file: fall back to python3 */
  }
  return ['python3'];
}

function preflight() {
  const packages = ['jupyter-nbconvert', 'python3-nbclient', 'python3-ipykernel'];
  ensureDebianPackages(packages, [
    ['jupyter-nbconvert', '--version'],
    [...pythonOf(nbconvertCommand()), '-c', 'import nbclient, nbformat, jupyter_client'],
  ]);
}

function denoBinary() {
  const candidates = [
    path.join(ROOT, 'node_modules', 'deno', 'deno'),
    path.join(ROOT, 'node_modules', '@deno', 'linux-x64-glibc', 'deno'),
    path.join(ROOT, 'node_modules', '@deno', 'linux-arm64-glibc', 'deno'),
    path.join(ROOT, 'node_modules', '@deno', 'darwin-arm64', 'deno'),
    path.join(ROOT, 'node_modules', '@deno', 'darwin-x64', 'deno'),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('no deno binary in node_modules: run `npm install` (deno is a devDependency)');
  return found;
}

/** Write .jupyter/kernels/deno/kernel.json and return the environment that finds it. */
function registerKernel(deno) {
  const dir = path.join(JUPYTER_DIR, 'kernels', KERNEL_NAME);
  mkdirSync(dir, { recursive: true });
  const spec = {
    argv: [deno, 'jupyter', '--kernel', '--conn', '{connection_file}'],
    display_name: 'Deno',
    language: 'typescript',
    // Plain tracebacks in error outputs and reports.
    env: { NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
  };
  writeFileSync(path.join(dir, 'kernel.json'), JSON.stringify(spec, null, 2) + '\n');
  return {
    ...process.env,
    JUPYTER_PATH: JUPYTER_DIR,
    JUPYTER_DATA_DIR: JUPYTER_DIR,
    JUPYTER_CONFIG_DIR: path.join(JUPYTER_DIR, 'config'),
    JUPYTER_RUNTIME_DIR: path.join(JUPYTER_DIR, 'runtime'),
    JUPYTER_PLATFORM_DIRS: '1',
    NO_COLOR: '1',
    PYDEVD_DISABLE_FILE_VALIDATION: '1',
  };
}

// ---------------------------------------------------------------- type check

const cellSource = (cell) => (Array.isArray(cell.source) ? cell.source.join('') : cell.source);

function codeCells(nb) {
  return nb.cells
    .map((cell, index) => ({ cell, index }))
    .filter(({ cell }) => cell.cell_type === 'code')
    .map(({ cell, index }, k) => ({ index, number: k + 1, source: cellSource(cell) }));
}

/** First line of a cell, for messages. */
const cellLabel = (c) => `code cell ${c.number} ("${(c.source.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 60)}")`;

/**
 * Concatenate a notebook's code cells into one module in `.executed/` beside the notebook;
 * relative import specifiers gain a '../' to make up for the extra folder.
 */
function writeCheckScript(nbPath, name) {
  const nb = JSON.parse(readFileSync(nbPath, 'utf8'));
  const lines = [`// Code cells of ${rel(nbPath)}, generated by scripts/notebooks.mjs for deno check.`];
  const map = [null]; // map[line number] = { cell, line }
  map.push(null);
  for (const c of codeCells(nb)) {
    lines.push(`// ---- ${cellLabel(c)}`);
    map.push(null);
    const src = c.source.replace(/((?:\bfrom|\bimport)\s*\(?\s*)(['"])(\.{1,2}\/)/g, '$1$2../$3').split('\n');
    src.forEach((line, i) => {
      lines.push(line);
      map.push({ cell: c, line: i + 1 });
    });
  }
  // One folder below the notebook, so that '../' + a relative specifier resolves as before.
  const dir = path.join(path.dirname(nbPath), '.executed');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.check.ts`);
  writeFileSync(file, lines.join('\n') + '\n');
  return { file, map };
}

/** `deno check` the scripts in one program; returns the failures per notebook. */
function typeCheck(deno, items, env) {
  const scripts = items.map((it) => ({ ...it, ...writeCheckScript(it.path, it.name) }));
  const r = spawnSync(deno, ['check', ...scripts.map((s) => s.file)], {
    cwd: NOTEBOOKS,
    env: { ...env, RUST_BACKTRACE: '0' },
    encoding: 'utf8',
  });
  const failures = new Map();
  if (r.status === 0) return failures;
  // Point each `at file:///…/<name>.check.ts:L:C` at the notebook cell and line.
  let text = `${r.stdout}\n${r.stderr}`;
  for (const s of scripts) {
    const url = `file://${s.file}`;
    text = text.replaceAll(new RegExp(`${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+)`, 'g'), (m, l, col) => {
      const at = s.map[Number(l)];
      if (!at) return `${rel(s.path)} (generated header)`;
      const where = `${rel(s.path)} ${cellLabel(at.cell)} line ${at.line}:${col}`;
      const list = failures.get(s.name) ?? [];
      list.push(where);
      failures.set(s.name, list);
      return where;
    });
  }
  // Errors in files that are not notebooks (display.ts, the core) are failures too; an error's
  // own location is indented 4 spaces, the "declared here" hints under it 8.
  for (const m of text.matchAll(/^ {4}at (file:\/\/\S+?):(\d+):(\d+)/gm)) {
    const list = failures.get('(deno check)') ?? [];
    list.push(`${rel(fileURLToPath(m[1]))}:${m[2]}:${m[3]}`);
    failures.set('(deno check)', list);
  }
  console.log(text.replace(/^Check .*\n/gm, '').trim());
  if (failures.size === 0) failures.set('(deno check)', [`deno check exited ${r.status}`]);
  return failures;
}

// ---------------------------------------------------------------- execution

function run(cmd, args, options) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

/** Execute one notebook; returns { error?, charts, html? }. */
async function execute(item, env, { html }) {
  const nbconvert = nbconvertCommand();
  const started = Date.now();
  // nbclient through scripts/execute_notebook.py rather than `nbconvert --execute`: it also
  // collects the outputs the Deno kernel publishes just after reporting idle (see that file).
  // Failing cells are kept in the executed copy (allow_errors) and read back below.
  const exec = await run(
    pythonOf(nbconvert)[0],
    [
      path.join(ROOT, 'scripts', 'execute_notebook.py'),
      item.path,
      path.join(EXECUTED, `${item.name}.ipynb`),
      '--kernel', KERNEL_NAME,
      '--timeout', String(CELL_TIMEOUT_S),
    ],
    { cwd: path.dirname(item.path), env },
  );
  const executed = path.join(EXECUTED, `${item.name}.ipynb`);
  const result = { seconds: (Date.now() - started) / 1000, charts: 0, fallbacks: 0 };
  if (exec.code !== 0 || !existsSync(executed)) {
    result.error = `execute_notebook.py exited ${exec.code}:\n${exec.out.trim().split('\n').slice(-15).join('\n')}`;
    return result;
  }
  const nb = JSON.parse(readFileSync(executed, 'utf8'));
  result.outputCounts = codeCells(nb).map((c) => (nb.cells[c.index].outputs ?? []).length);
  for (const c of codeCells(nb)) {
    const cell = nb.cells[c.index];
    for (const o of cell.outputs ?? []) {
      if (o.output_type === 'error' && !result.error) {
        const tb = (o.traceback ?? []).join('\n').replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex
        result.error = `${cellLabel(c)} failed: ${o.ename}: ${o.evalue}\n${tb.split('\n').slice(0, 8).join('\n')}`;
      }
      const data = o.data ?? {};
      if (Object.keys(data).some((k) => VEGALITE_MIME.test(k))) {
        result.charts++;
        if (String(data['image/svg+xml'] ?? data['text/html'] ?? '').includes('<svg')) result.fallbacks++;
      }
    }
    if (!cell.outputs && !result.error) result.error = `${cellLabel(c)} has no outputs array`;
  }
  if (result.charts !== result.fallbacks && !result.error) {
    result.error = `${result.charts - result.fallbacks} chart(s) without an SVG fallback`;
  }
  if (html) {
    // Charts carry their static SVG as image/svg+xml (so that JupyterLab prefers the live
    // Vega-Lite view); nbconvert's HTML export strips the inside of image/svg+xml (lxml
    // clean_html), so the report is made from a copy in which that SVG moves to text/html.
    for (const cell of nb.cells) {
      for (const o of cell.outputs ?? []) {
        const data = o.data ?? {};
        if (Object.keys(data).some((k) => VEGALITE_MIME.test(k)) && data['image/svg+xml']) {
          const svg = [data['image/svg+xml']].flat().join('');
          data['text/html'] = `<div class="cvk-chart">${svg}</div>`;
          delete data['image/svg+xml'];
        }
      }
    }
    const source = path.join(EXECUTED, `${item.name}.report.ipynb`);
    writeFileSync(source, JSON.stringify(nb));
    const h = await run(nbconvert, ['--to', 'html', '--output-dir', REPORTS, '--output', `${item.name}.html`, source], {
      cwd: EXECUTED,
      env,
    });
    rmSync(source, { force: true });
    if (h.code !== 0) result.error ??= `HTML export failed:\n${h.out.trim().split('\n').slice(-10).join('\n')}`;
    else {
      result.html = path.join(REPORTS, `${item.name}.html`);
      // Every chart must reach the report as a drawn SVG (vega marks inside).
      const drawn = (readFileSync(result.html, 'utf8').match(/<svg[^>]*class="marks"[^>]*>\s*<(?:rect|g)/g) ?? []).length;
      if (drawn < result.charts) result.error ??= `only ${drawn} of ${result.charts} charts drawn in the HTML report`;
    }
  }
  return result;
}

// ---------------------------------------------------------------- main

function listNotebooks(dir, filters) {
  const all = readdirSync(dir)
    .filter((f) => f.endsWith('.ipynb'))
    .sort()
    .map((f) => ({ name: f.replace(/\.ipynb$/, ''), path: path.join(dir, f) }));
  if (filters.length === 0) return all;
  return all.filter((nb) => filters.some((f) => nb.name === f || nb.name.startsWith(f) || path.resolve(f) === nb.path));
}

async function runAll(items, { html, deno, env }) {
  mkdirSync(EXECUTED, { recursive: true });
  mkdirSync(REPORTS, { recursive: true });
  const t0 = Date.now();
  console.log(`notebooks: type-checking ${items.length} notebook(s) with deno check`);
  const checkFailures = typeCheck(deno, items, env);

  // Two notebooks at a time: each kernel is mostly single-threaded and the machine has 2 cores.
  const results = new Map();
  const queue = [...items];
  const workers = Array.from({ length: Math.min(2, queue.length) }, async () => {
    for (let it = queue.shift(); it; it = queue.shift()) {
      console.log(`notebooks: executing ${rel(it.path)}`);
      results.set(it.name, await execute(it, env, { html }));
    }
  });
  await Promise.all(workers);

  const rows = items.map((it) => {
    const r = results.get(it.name);
    const check = checkFailures.get(it.name);
    return { it, r, check, ok: !check && !r.error };
  });
  console.log('\nnotebook                      check  run    charts  seconds');
  for (const { it, r, check } of rows) {
    console.log(
      `${it.name.padEnd(30)}${(check ? 'FAIL' : 'ok').padEnd(7)}${(r.error ? 'FAIL' : 'ok').padEnd(7)}` +
        `${String(r.charts).padEnd(8)}${r.seconds.toFixed(1)}`,
    );
  }
  for (const { it, r, check } of rows) {
    if (check) console.log(`\n✗ ${rel(it.path)}: type errors at\n  ${check.join('\n  ')}`);
    if (r.error) console.log(`\n✗ ${rel(it.path)}: ${r.error}`);
  }
  for (const [name, list] of checkFailures) {
    if (!items.some((it) => it.name === name)) console.log(`\n✗ ${name}: ${list.join('; ')}`);
  }
  console.log(`\nexecuted copies in ${rel(EXECUTED)}/` + (html ? `, HTML reports in ${rel(REPORTS)}/` : ''));
  console.log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { rows, extraFailures: [...checkFailures.keys()].filter((n) => !items.some((it) => it.name === n)) };
}

/** Run the fixtures and check that each expected failure is caught. */
async function selfTest(ctx) {
  const items = listNotebooks(FIXTURES, []);
  const { rows, extraFailures } = await runAll(items, { ...ctx, html: true });
  const expect = {
    // Code cell 5 displays six values: all six must be collected (the Deno kernel race).
    'ok-chart': (x) => x.ok && x.r.charts === 1 && x.r.outputCounts[4] === 6 && readFileSync(x.r.html, 'utf8').includes('<svg'),
    'fails-at-runtime': (x) => !x.check && /code cell 2 .*failed: .*boom/s.test(x.r.error ?? ''),
    'fails-type-check': (x) => x.check?.some((w) => /code cell 2 .* line 2:/.test(w)) && !x.r.error,
  };
  let bad = extraFailures.length;
  console.log('\nself-test:');
  if (bad) console.log(`  FAIL unexpected type errors outside the fixtures: ${extraFailures.join(', ')}`);
  for (const x of rows) {
    const pass = expect[x.it.name]?.(x) ?? false;
    if (!pass) bad++;
    console.log(`  ${pass ? 'ok  ' : 'FAIL'} ${x.it.name}`);
  }
  for (const name of ['ok-chart', 'fails-at-runtime', 'fails-type-check']) {
    if (!rows.some((x) => x.it.name === name)) {
      bad++;
      console.log(`  FAIL missing fixture ${name}`);
    }
  }
  // The fixtures' outputs are of no use once checked: keep notebooks/.executed and reports clean.
  rmSync(path.join(FIXTURES, '.executed'), { recursive: true, force: true });
  for (const x of rows) {
    rmSync(path.join(EXECUTED, `${x.it.name}.ipynb`), { force: true });
    rmSync(path.join(REPORTS, `${x.it.name}.html`), { force: true });
  }
  return bad === 0;
}

async function main() {
  const args = process.argv.slice(2);
  const html = !args.includes('--no-html');
  const filters = args.filter((a) => !a.startsWith('--'));
  preflight();
  const deno = denoBinary();
  const env = registerKernel(deno);
  if (args.includes('--self-test')) return (await selfTest({ deno, env })) ? 0 : 1;

  const items = listNotebooks(NOTEBOOKS, filters);
  if (items.length === 0) {
    console.error(`notebooks: no notebook matches ${filters.join(' ') || 'notebooks/*.ipynb'}`);
    return 1;
  }
  const { rows, extraFailures } = await runAll(items, { html, deno, env });
  return rows.every((x) => x.ok) && extraFailures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`notebooks: ${err.message}`);
    process.exit(1);
  },
);
