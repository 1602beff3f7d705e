/**
 * `npm run dev-server` on a machine where nothing was installed system-wide (no sudo, no trusted
 * development CA): it makes its certificates (scripts/dev-certs.js, in a temporary folder here),
 * starts on a free port and serves the pane over https, with a certificate for localhost that
 * verifies against the development CA it names.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:https';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '../..');
let server: ChildProcess | undefined;
let certificates: string;
let output = '';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function fetchHttps(url: string, ca: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { ca }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  if (certificates) rmSync(certificates, { recursive: true, force: true });
});

test('the dev server starts without a trusted CA and serves taskpane.html over https', async () => {
  certificates = mkdtempSync(path.join(tmpdir(), 'cvk-certs-'));
  const port = await freePort();
  server = spawn(process.execPath, [path.join(root, 'node_modules/webpack/bin/webpack.js'), 'serve', '--mode', 'development'], {
    cwd: root,
    detached: true,
    env: { ...process.env, npm_package_config_dev_server_port: String(port), CVK_DEV_CERTS_DIR: certificates, DEV_HTTP: '' },
  });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 240_000;
  let page: { status: number; body: string } | null = null;
  while (Date.now() < deadline && server.exitCode === null) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    try {
      const ca = readFileSync(path.join(certificates, 'ca.crt'));
      page = await fetchHttps(`https://localhost:${port}/taskpane.html`, ca);
      if (page.status === 200) break;
    } catch {
      // not listening (or certificates not made) yet
    }
  }
  expect({ exit: server.exitCode, status: page?.status }).toEqual({ exit: null, status: 200 });
  expect(page!.body).toContain('<title>Customer Value Kit</title>');
  expect(output).toContain(`${path.join(certificates, 'ca.crt')}, which is not installed here`);
}, 300_000);
