/**
 * The pane starts or says why, and runs under a strict Content-Security-Policy:
 * - standalone (no Office) it sends no request off its own origin (office.js is not loaded, so
 *   its telemetry frame never opens);
 * - hosted by Office but with office.js failing, or loading without its companion files (so that
 *   `Office.onReady` never settles), it says so within a few seconds and runs standalone;
 * - with a policy that forbids eval, sent as a header for every file (the page and the analysis
 *   worker) on top of the page's own meta policy, every view and follow-up panel draws its charts
 *   and no `securitypolicyviolation` fires.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { IN_EXCEL } from './office-stub.ts';
import { chartDrawn } from './by-role.ts';
import { serveDist } from './static-server.ts';

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'";

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;
let strict: Awaited<ReturnType<typeof serveDist>>;

beforeAll(async () => {
  server = await serveDist();
  strict = await serveDist(undefined, { 'Content-Security-Policy': STRICT_CSP });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await strict?.close();
});

/** A page that records its errors and the policy violations of the document. */
async function openPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return { page, errors };
}

/** The header's line saying where the pane runs (in Excel, standalone, or why Office could not start). */
const hostStatus = (page: Page) => page.getByRole('status').filter({ hasText: /^(Running|Office)/ });
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

test('standalone, the pane sends no request off its own origin', async () => {
  const { page, errors } = await openPage();
  const offsite: string[] = [];
  const origin = new URL(server.url).origin;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:') offsite.push(request.url());
  });
  await page.goto(`${server.url}/taskpane.html`);
  await page.waitForFunction(() => document.getElementById('host-status')?.dataset.host === 'standalone');
  await chartDrawn(page, 'Segments: share of customers and of value');
  // office.js opened its telemetry frame 3 s after loading: wait past that.
  await page.waitForTimeout(4_000);
  expect(offsite).toEqual([]);
  expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe('undefined');
  expect(errors).toEqual([]);
  await page.close();
});

test('in Office with office.js blocked, the pane says so at once and runs standalone', async () => {
  const { page } = await openPage();
  let asked = 0;
  await page.route('**/office.js', (route) => {
    asked = Date.now();
    return route.abort('blockedbyclient');
  });
  await page.goto(`${server.url}/taskpane.html${IN_EXCEL}`);
  await page.waitForFunction(() => document.getElementById('host-status')?.dataset.host === 'standalone', undefined, { timeout: 30_000 });
  // Timed from the pane asking for office.js (loading the development bundle comes before it).
  expect(Date.now() - asked).toBeLessThan(2_000);
  const status = await hostStatus(page).textContent();
  expect(status).toMatch(/^Office could not start: .*office\.js could not be loaded .*The pane runs standalone on the sample data/);
  await chartDrawn(page, 'Segments: share of customers and of value');
  await page.close();
});

test('in Office with a companion file of office.js blocked, the pane says so within a few seconds', async () => {
  const { page } = await openPage();
  // office.js loads, asks for its host file, which is blocked: onReady never settles.
  let asked = 0;
  await page.route('**/office.js', (route) =>
    (asked = Date.now()) && route.fulfill({
      contentType: 'text/javascript',
      body: `window.Office = { onReady: () => new Promise(() => {}) };
        const s = document.createElement('script'); s.src = 'excel-win32-16.01.js'; document.head.appendChild(s);`,
    }),
  );
  await page.route('**/excel-win32-16.01.js', (route) => route.abort('blockedbyclient'));
  await page.goto(`${server.url}/taskpane.html${IN_EXCEL}`);
  await page.waitForFunction(() => document.getElementById('host-status')?.dataset.host === 'standalone', undefined, { timeout: 30_000 });
  const waited = Date.now() - asked;
  expect(waited).toBeGreaterThanOrEqual(4_500);
  expect(waited).toBeLessThan(7_000);
  const status = await hostStatus(page).textContent();
  expect(status).toContain('Office did not answer within 5 s: office.js loaded, but a file it needs did not.');
  expect(status).toContain('excel-win32-16.01.js');
  await chartDrawn(page, 'Segments: share of customers and of value');
  await page.close();
});

test('the page carries a Content-Security-Policy without unsafe-eval', async () => {
  const { page } = await openPage();
  await page.goto(`${server.url}/taskpane.html`);
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).not.toContain('unsafe-inline');
  await page.waitForFunction(() => document.getElementById('host-status')?.dataset.host === 'standalone');
  await page.close();
});

test('under a policy that forbids eval, every view and panel draws and no violation fires', async () => {
  const { page, errors } = await openPage();
  await page.goto(`${strict.url}/taskpane.html`);
  const view = page.getByRole('tabpanel');
  const charts = async (...titles: string[]) => {
    for (const title of titles) await chartDrawn(view, title);
  };
  await charts('Segments: share of customers and of value', 'Customers (number), mean spend (colour)', 'Pareto curve', 'Cluster profiles');
  await view.getByRole('button', { name: 'Re-cluster with k' }).click();
  await charts('Cluster profiles');
  await view.getByRole('button', { name: 'Show migration' }).click();
  await charts('Segment migration, ');
  await page.getByRole('tab', { name: 'Value map' }).click();
  await charts('Customer value map');
  await page.getByRole('tab', { name: 'Lifetime value' }).click();
  await charts('P(alive) for customers');
  await view.getByRole('button', { name: 'Value by quarter end' }).click();
  await charts('Customer value over period ends');
  await page.getByRole('tab', { name: 'Satisfaction' }).click();
  await charts('PLS path model', 'Key drivers of Satisfaction', 'Importance–performance map', 'Satisfaction and loyalty');
  // "Compare by" (main moved the Tracking tab into Satisfaction): the four-wave tracking sample.
  await view.getByRole('button', { name: 'Open the four-wave tracking sample' }).click();
  await charts('CSI by ', 'NPS by ');
  expect(await violations(page)).toEqual([]);
  expect(await view.getByRole('alert').filter({ hasText: /^Fix the column mapping or options:/ }).count()).toBe(0);
  expect(errors).toEqual([]);
  await page.close();
}, 120_000);
