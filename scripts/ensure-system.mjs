// Preflight for tools that come from Debian rather than npm (jupyter-nbconvert, chromium, ...).
// `ensureDebianPackages(packages, commands)` runs each check command; if one fails it installs
// the packages with apt-get when it can (root, or sudo without a password) and otherwise stops
// with the exact command to run.
//
// Checks name Debian's own executables by absolute path: on a fresh machine the packages are not
// there yet and the `python3` (or `jupyter`) first on PATH may be another interpreter (pyenv,
// conda) without Debian's modules, so nothing may be looked up on PATH or derived from what
// happens to be installed before the install.
import { spawnSync } from 'node:child_process';

/** Debian's interpreter: the one its python3-* packages install modules for. */
export const DEBIAN_PYTHON = '/usr/bin/python3';

/** Headless notebook execution (scripts/notebooks.mjs): nbconvert and nbclient under Debian's python3. */
export const NOTEBOOK_TOOLS = {
  packages: ['jupyter-nbconvert', 'python3-nbclient', 'python3-ipykernel'],
  nbconvert: '/usr/bin/jupyter-nbconvert',
  python: DEBIAN_PYTHON,
  checks: [
    ['/usr/bin/jupyter-nbconvert', '--version'],
    [DEBIAN_PYTHON, '-c', 'import nbclient, nbformat, jupyter_client'],
  ],
};

/** The browser tests' Chromium (test/e2e/browser.ts launches the same path). */
export const BROWSER_TOOLS = {
  packages: ['chromium'],
  checks: [['/usr/bin/chromium', '--version']],
};

/** Run a command quietly; true when it exits 0. */
function succeeds(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return r.status === 0;
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Wait (up to `timeoutMs`) while another apt-get or dpkg holds the package lock. */
function waitForApt(timeoutMs = 15 * 60 * 1000) {
  const start = Date.now();
  let told = false;
  while (succeeds('pgrep', ['-x', 'apt-get']) || succeeds('pgrep', ['-x', 'dpkg'])) {
    if (!told) {
      console.log('ensure-system: waiting for another apt-get/dpkg to finish...');
      told = true;
    }
    if (Date.now() - start > timeoutMs) throw new Error('ensure-system: apt is still busy after 15 minutes');
    sleep(3000);
  }
}

/** How we may run apt-get: [] as root, ['sudo', '-n'] with passwordless sudo, null otherwise. */
function privilegePrefix() {
  if (typeof process.getuid === 'function' && process.getuid() === 0) return [];
  if (succeeds('sudo', ['-n', 'true'])) return ['sudo', '-n'];
  return null;
}

/** Run `apt-get update` and `apt-get install -y PACKAGES` with the given privilege prefix. */
function aptInstall(packages, prefix, install) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...packages]]) {
    waitForApt();
    const [cmd, ...pre] = [...prefix, 'apt-get'];
    const r = spawnSync(cmd, [...pre, ...args], { stdio: 'inherit', env });
    if (r.status !== 0) throw new Error(`ensure-system: apt-get ${args.join(' ')} failed; run: ${install}`);
  }
}

/**
 * Make sure Debian packages are present, judged by commands that must succeed.
 *
 * @param {string[]} packages Debian package names, e.g. ['jupyter-nbconvert', 'python3-nbclient']
 * @param {Array<string[]> | (() => Array<string[]>)} commands check commands, each
 *   [cmd, ...args] with cmd an absolute path, e.g. NOTEBOOK_TOOLS.checks; or a function that
 *   returns them, called again after installing (for checks that depend on what is installed)
 * @param {{ apt?: (packages: string[], prefix: string[], install: string) => void }} [options]
 *   `apt` replaces the apt-get run (tests)
 * @returns {{ installed: boolean }} whether packages had to be installed
 * @throws {Error} when a check fails and packages cannot be installed (the message holds the
 *   command to run), or still fails after installing
 */
export function ensureDebianPackages(packages, commands, { apt = aptInstall } = {}) {
  const failing = () =>
    (typeof commands === 'function' ? commands() : commands).filter(([cmd, ...args]) => !succeeds(cmd, args));
  if (failing().length === 0) return { installed: false };

  const install = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  const prefix = apt === aptInstall ? privilegePrefix() : [];
  if (prefix === null || process.env.CI_NO_APT) {
    throw new Error(
      `missing system packages (${failing().map((c) => c.join(' ')).join('; ')} failed).\n` +
        `Install them with:\n  sudo sh -c '${install}'`,
    );
  }
  console.log(`ensure-system: installing ${packages.join(' ')} with apt-get`);
  apt(packages, prefix, install);
  const still = failing();
  if (still.length > 0) {
    throw new Error(`ensure-system: installed ${packages.join(' ')} but ${still.map((c) => c.join(' ')).join('; ')} still fails`);
  }
  return { installed: true };
}

// As a command: `node scripts/ensure-system.mjs PACKAGE… -- CHECK-COMMAND…` (one check command).
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const split = process.argv.indexOf('--');
  const packages = process.argv.slice(2, split < 0 ? undefined : split);
  const check = split < 0 ? [] : process.argv.slice(split + 1);
  try {
    ensureDebianPackages(packages, check.length > 0 ? [check] : []);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
