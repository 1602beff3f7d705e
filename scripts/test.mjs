// `npm test`: every check, in order, from a clean clone. Each step runs even when an earlier one
// failed (so one run shows all failures); the exit code is non-zero when any step failed.
// System tools that tests need (Chromium for the browser tests, Jupyter for the notebooks,
// PostgreSQL for the SQL tests) are
// made sure of by the steps themselves: installed with apt-get where we may, or we stop with the
// exact command to run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BROWSER_TOOLS, ensureDebianPackages } from './ensure-system.mjs';

const only = process.argv.slice(2); // e.g. `npm test -- unit e2e` runs just those steps
const results = [];
const reportDir = mkdtempSync(path.join(tmpdir(), 'cvk-test-'));
let testsPassed = 0;
let testsFailed = 0;

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function jestCounts(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: report.numPassedTests, failed: report.numFailedTests + report.numRuntimeErrorTestSuites };
}

function step(name, body) {
  if (only.length > 0 && !only.includes(name)) return;
  console.log(`\n=== ${name} ${'='.repeat(Math.max(0, 70 - name.length))}`);
  const started = Date.now();
  let ok = false;
  try {
    ok = body();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
  }
  results.push({ name, ok, seconds: (Date.now() - started) / 1000 });
}

function jestStep(name, args, before = () => {}) {
  step(name, () => {
    before();
    const output = path.join(reportDir, `${name}.json`);
    const ok = run('npx', ['jest', ...args, '--json', `--outputFile=${output}`]);
    const counts = jestCounts(output);
    if (counts) {
      testsPassed += counts.passed;
      testsFailed += counts.failed;
    }
    return ok;
  });
}

step('typecheck', () => run('npx', ['tsc', '--noEmit']));
step('lint', () => run('npm', ['run', 'lint']));
// No import cycles in src/ (type-only imports count too: they tie the modules' designs together).
step('cycles', () => run('npx', ['dpdm', '--no-tree', '--no-warning', '--no-progress', '--exit-code', 'circular:1', 'src/**/*.ts']));
step('manifest', () => run('npx', ['tsx', 'scripts/check-manifest.ts', 'manifest.xml']));
// The SQL tests (test/core/sql) start a throw-away PostgreSQL server: Debian's `postgresql`.
const postgresServer = ['sh', '-c', 'for f in /usr/lib/postgresql/*/bin/initdb; do test -x "$f" && exit 0; done; exit 1'];
jestStep('unit', [], () => ensureDebianPackages(['postgresql'], [postgresServer]));
step('build', () => {
  // A production build needs the host that will serve it (webpack.config.js refuses to guess).
  const testUrl = 'https://cvk-build-check.example.org';
  if (!run('npx', ['webpack', '--mode', 'production'], { ADDIN_URL_PROD: testUrl })) return false;
  const manifest = readFileSync('dist/manifest.xml', 'utf8');
  if (manifest.includes('localhost') || !manifest.includes(`${testUrl}/taskpane.html`)) {
    console.error(`dist/manifest.xml must name ${testUrl} instead of localhost after the production build`);
    return false;
  }
  const page = readFileSync('dist/taskpane.html', 'utf8');
  if (!page.includes('https://appsforoffice.microsoft.com/lib/1/hosted/office.js')) {
    console.error("dist/taskpane.html does not load office.js from Microsoft's CDN");
    return false;
  }
  return true;
});
step('browser-setup', () => {
  ensureDebianPackages(BROWSER_TOOLS.packages, BROWSER_TOOLS.checks);
  return run('npx', ['webpack', '--mode', 'development'], { DEV_HTTP: '1' });
});
jestStep('e2e', ['-c', 'jest.e2e.config.js']);
// 06-warehouse runs on 300,000 transactions here instead of its 10,000,000 (same checks, a short test).
step('notebooks', () => run('node', ['scripts/notebooks.mjs', '--self-test']) &&
  run('node', ['scripts/notebooks.mjs'], { CVK_WAREHOUSE_TRANSACTIONS: '300000' }));

console.log('\n=== summary ' + '='.repeat(62));
for (const { name, ok, seconds } of results) {
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${name.padEnd(14)} ${seconds.toFixed(1)} s`);
}
const failedSteps = results.filter((r) => !r.ok);
// Steps without their own test count (typecheck, lint, build, notebooks…) count as one check each.
const passed = testsPassed + results.filter((r) => r.ok && !['unit', 'e2e'].includes(r.name)).length;
const failed = testsFailed + failedSteps.filter((r) => !['unit', 'e2e'].includes(r.name)).length +
  failedSteps.filter((r) => ['unit', 'e2e'].includes(r.name) && testsFailed === 0).length;
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failedSteps.length > 0 ? 1 : 0);
