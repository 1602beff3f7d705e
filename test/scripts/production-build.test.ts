// `npm run build` (webpack --mode production) writes ADDIN_URL_PROD into dist/manifest.xml: without
// it the build must stop with a clear message (a manifest pointing at a host nobody serves installs
// an add-in that never loads), unless the placeholder is asked for explicitly.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.join(__dirname, '../..');
// webpack.config.js is CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../webpack.config.js') as {
  (env: unknown, options: { mode?: string }): Promise<{ plugins: unknown[] }>;
  productionUrl: (env: Record<string, string | undefined>) => string;
  placeholderUrl: string;
};

describe('productionUrl', () => {
  test('unset or blank: an error that says what to set', () => {
    for (const env of [{}, { ADDIN_URL_PROD: '' }, { ADDIN_URL_PROD: '  ' }]) {
      expect(() => config.productionUrl(env)).toThrow(/^ADDIN_URL_PROD is not set: .*ADDIN_URL_PROD=https:\/\/.* npm run build .*ADDIN_URL_PROD=placeholder/);
    }
  });

  test('not an https URL: an error', () => {
    expect(() => config.productionUrl({ ADDIN_URL_PROD: 'addins.example.org' })).toThrow('ADDIN_URL_PROD is not a URL ("addins.example.org")');
    expect(() => config.productionUrl({ ADDIN_URL_PROD: 'http://addins.example.org' })).toThrow(/must be an https URL/);
  });

  test('an https origin (trailing slash dropped), or the placeholder when asked for by name', () => {
    expect(config.productionUrl({ ADDIN_URL_PROD: 'https://addins.example.org/' })).toBe('https://addins.example.org');
    expect(config.productionUrl({ ADDIN_URL_PROD: 'https://example.org/cvk' })).toBe('https://example.org/cvk');
    expect(config.productionUrl({ ADDIN_URL_PROD: 'placeholder' })).toBe(config.placeholderUrl);
  });
});

describe('the webpack configuration', () => {
  const saved = process.env.ADDIN_URL_PROD;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_URL_PROD;
    else process.env.ADDIN_URL_PROD = saved;
  });

  test('production mode without ADDIN_URL_PROD is refused; development mode (npm start) needs nothing', async () => {
    delete process.env.ADDIN_URL_PROD;
    await expect(config({}, { mode: 'production' })).rejects.toThrow(/^ADDIN_URL_PROD is not set/);
    await expect(config({}, { mode: 'development' })).resolves.toHaveProperty('plugins');
    process.env.ADDIN_URL_PROD = 'https://addins.example.org';
    await expect(config({}, { mode: 'production' })).resolves.toHaveProperty('plugins');
  });

  test('`webpack --mode production` without ADDIN_URL_PROD exits non-zero with the message', () => {
    const env = { ...process.env };
    delete env.ADDIN_URL_PROD;
    const webpackCli = require.resolve('webpack-cli/bin/cli.js', { paths: [root] });
    // A config error stops webpack before it compiles or cleans dist/.
    const r = spawnSync(process.execPath, [webpackCli, '--mode', 'production'], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
    expect(r.status).not.toBe(0);
    expect(`${r.stdout}\n${r.stderr}`).toContain('ADDIN_URL_PROD is not set');
  }, 130_000);
});
