// `npm stop`: end what `npm start` began — the Excel debugging session, or the standalone server.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const PID_FILE = '.dev-server.pid';

if (existsSync(PID_FILE)) {
  const pid = Number(readFileSync(PID_FILE, 'utf8'));
  try {
    process.kill(pid, 'SIGTERM');
    console.log(`Stopped the standalone server (pid ${pid}).`);
  } catch {
    console.log('The standalone server was not running.');
  }
  rmSync(PID_FILE, { force: true });
} else if (['win32', 'darwin'].includes(process.platform)) {
  const result = spawnSync('npx', ['office-addin-debugging', 'stop', 'manifest.xml'], { stdio: 'inherit', shell: true });
  process.exit(result.status ?? 1);
} else {
  console.log('Nothing to stop.');
}
