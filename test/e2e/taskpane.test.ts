/**
 * The pane as `npm start` serves it, opened in a real browser with no Excel: office.js (served
 * locally in development builds) resolves onReady with host null, and the pane says it runs
 * standalone, without a console error.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveDist } from './static-server.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;

beforeAll(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the pane loads standalone and says so', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${server.url}/taskpane.html`);
  const status = page.getByRole('status').filter({ hasText: /^Running/ });
  await status.waitFor();
  await page.waitForFunction(() => document.getElementById('host-status')?.dataset.host === 'standalone');
  expect(await status.textContent()).toContain('Running standalone in the browser (no Excel)');
  expect(errors).toEqual([]);
});
