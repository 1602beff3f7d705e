// The preflight for Debian tools (scripts/ensure-system.mjs) must pass on the first run of a fresh
// machine, where the packages are not installed yet and the `python3` on PATH is another
// interpreter (pyenv here). It is an ES module script: these tests drive it through `node`.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '../..');
const ensureSystem = path.join(root, 'scripts', 'ensure-system.mjs');

/** Run an ES module snippet that imports ensure-system.mjs as `sys`; returns its last line as JSON. */
function runModule(body: string, env: NodeJS.ProcessEnv = process.env): unknown {
  const source = `import * as sys from ${JSON.stringify(ensureSystem)};\n${body}`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', source], { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`node exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '');
}

type Requirement = { packages: string[]; checks: string[][] };

describe('system requirements', () => {
  const requirements = runModule(
    'console.log(JSON.stringify({ notebooks: sys.NOTEBOOK_TOOLS, browser: sys.BROWSER_TOOLS, python: sys.DEBIAN_PYTHON }))',
  ) as { notebooks: Requirement; browser: Requirement; python: string };

  test("every check names Debian's own executable, never one looked up on PATH", () => {
    expect(requirements.python).toBe('/usr/bin/python3');
    for (const { checks } of [requirements.notebooks, requirements.browser]) {
      expect(checks.length).toBeGreaterThan(0);
      for (const [command] of checks) expect(command).toMatch(/^\/usr\/bin\//);
    }
  });

  test('the notebook check imports the Python modules nbclient needs under /usr/bin/python3', () => {
    const python = requirements.notebooks.checks.find(([command]) => command === '/usr/bin/python3');
    expect(python).toEqual(['/usr/bin/python3', '-c', expect.stringMatching(/import nbclient, nbformat, jupyter_client/)]);
    expect(requirements.notebooks.packages).toEqual(expect.arrayContaining(['jupyter-nbconvert', 'python3-nbclient']));
  });

  test('a python3 and jupyter-nbconvert earlier on PATH (pyenv, conda) do not change the outcome', () => {
    if (!existsSync('/usr/bin/jupyter-nbconvert')) return; // checked by the fresh-machine run (README)
    // Impostors that fail, first on PATH; with CI_NO_APT a failing check throws instead of installing.
    const bin = mkdtempSync(path.join(tmpdir(), 'cvk-fake-python-'));
    for (const name of ['python3', 'python', 'jupyter-nbconvert', 'jupyter']) {
      writeFileSync(path.join(bin, name), '#!/bin/sh\nexit 1\n');
      chmodSync(path.join(bin, name), 0o755);
    }
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, CI_NO_APT: '1' };
    const result = runModule(
      'console.log(JSON.stringify(sys.ensureDebianPackages(sys.NOTEBOOK_TOOLS.packages, sys.NOTEBOOK_TOOLS.checks)))',
      env,
    );
    expect(result).toEqual({ installed: false });
  });
});

describe('ensureDebianPackages', () => {
  test('re-derives the checks after installing (a check may depend on what the install put there)', () => {
    // A fake apt-get that "installs" by creating a marker file; the checks are a function of it.
    const dir = mkdtempSync(path.join(tmpdir(), 'cvk-fake-apt-'));
    const marker = path.join(dir, 'installed');
    const result = runModule(`
      import { existsSync, writeFileSync } from 'node:fs';
      const marker = ${JSON.stringify(marker)};
      const checks = () => [existsSync(marker) ? ['true'] : ['false']];
      const apt = () => writeFileSync(marker, '');
      console.log(JSON.stringify(sys.ensureDebianPackages(['some-package'], checks, { apt })));
    `);
    expect(result).toEqual({ installed: true });
  });

  test('says which checks still fail after installing', () => {
    expect(() =>
      runModule(`console.log(JSON.stringify(sys.ensureDebianPackages(['some-package'], [['false']], { apt: () => {} })))`),
    ).toThrow(/installed some-package but false still fails/);
  });

  test('without permission to install, prints the apt-get command to run', () => {
    expect(() =>
      runModule(`console.log(JSON.stringify(sys.ensureDebianPackages(['some-package'], [['false']])))`, {
        ...process.env,
        CI_NO_APT: '1',
      }),
    ).toThrow(/apt-get install -y some-package/);
  });
});
