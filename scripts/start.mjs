// `npm start`: sideload into Excel desktop where Excel can be (Windows, macOS, with
// office-addin-debugging installed); everywhere else build the add-in and serve the pane over plain
// http on localhost, where it runs standalone on the embedded sample data. No sudo, no certificate.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { writeFileSync, rmSync } from 'node:fs';

const require = createRequire(import.meta.url);
const port = Number(process.env.PORT || process.env.npm_package_config_dev_server_port || 3000);
export const PID_FILE = '.dev-server.pid';

function hasPackage(name) {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}

const excelPossible = ['win32', 'darwin'].includes(process.platform) && hasPackage('office-addin-debugging');

if (excelPossible && process.env.STANDALONE !== '1') {
  console.log('Sideloading Customer Value Kit into Excel desktop (office-addin-debugging)…');
  const child = spawn('npx', ['office-addin-debugging', 'start', 'manifest.xml'], { stdio: 'inherit', shell: true });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  if (['win32', 'darwin'].includes(process.platform)) {
    console.log('office-addin-debugging is not installed: serving the pane standalone instead.');
  }
  const url = `http://localhost:${port}/taskpane.html`;
  // webpack-cli itself, not through npx: the pid we record must be the server's, so `npm stop`
  // and Ctrl+C end it rather than orphan it.
  const webpackCli = require.resolve('webpack-cli/bin/cli.js');
  const server = spawn(process.execPath, [webpackCli, 'serve', '--mode', 'development', '--port', String(port)], {
    env: { ...process.env, DEV_HTTP: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  writeFileSync(PID_FILE, String(server.pid));
  let announced = false;
  server.stdout.on('data', (chunk) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (!announced && /compiled (successfully|with \d+ warning)/.test(text)) {
      announced = true;
      console.log(`\nCustomer Value Kit is running standalone (no Excel): open ${url}\nStop with Ctrl+C or \`npm stop\`.\n`);
    }
    if (/compiled with \d+ error/.test(text)) console.error('\nThe build failed: see the errors above.');
  });
  const stop = () => server.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => {
    rmSync(PID_FILE, { force: true });
    process.exit(code ?? 0);
  });
}
