// Preflight for tools that come from Debian rather than npm (jupyter-nbconvert, chromium, ...).
// `ensureDebianPackages(packages, commands)` runs each check command; if one fails it installs
// the packages with apt-get when it can (root, or sudo without a password) and otherwise stops
// with the exact command to run.
import { spawnSync } from 'node:child_process';

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

/**
 * Make sure Debian packages are present, judged by commands that must succeed.
 *
 * @param {string[]} packages Debian package names, e.g. ['jupyter-nbconvert', 'python3-nbclient']
 * @param {Array<string[]>} commands check commands, each [cmd, ...args], e.g.
 *   [['jupyter-nbconvert', '--version'], ['/usr/bin/python3', '-c', 'import nbclient']]
 * @returns {{ installed: boolean }} whether packages had to be installed
 * @throws {Error} when a check fails and packages cannot be installed (the message holds the
 *   command to run), or still fails after installing
 */
export function ensureDebianPackages(packages, commands) {
  const failing = () => commands.filter(([cmd, ...args]) => !succeeds(cmd, args));
  if (failing().length === 0) return { installed: false };

  const install = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  const prefix = privilegePrefix();
  if (prefix === null || process.env.CI_NO_APT) {
    throw new Error(
      `missing system packages (${failing().map((c) => c.join(' ')).join('; ')} failed).\n` +
        `Install them with:\n  sudo sh -c '${install}'`,
    );
  }
  console.log(`ensure-system: installing ${packages.join(' ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...packages]]) {
    waitForApt();
    const [cmd, ...pre] = [...prefix, 'apt-get'];
    const r = spawnSync(cmd, [...pre, ...args], { stdio: 'inherit', env });
    if (r.status !== 0) throw new Error(`ensure-system: apt-get ${args.join(' ')} failed; run: ${install}`);
  }
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
