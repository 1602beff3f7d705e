import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * kernels-bytes.ts is generated from kernels.wat by scripts/build-wasm.mjs (wabt): assembling the
 * .wat again must give exactly the committed bytes, so the text stays the truth.
 */
test('kernels-bytes.ts is the assembled kernels.wat (npm run build:wasm)', () => {
  const root = path.join(__dirname, '../../../..');
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/build-wasm.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
});
