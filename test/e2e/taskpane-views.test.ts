/**
 * The views of the standalone pane (no Excel) on the embedded samples: each renders its
 * charts (an svg inside the chart container), the segment coverage table and bin edges appear,
 * k can be changed, and a wrong column mapping gets a message naming column and row.
 * Set E2E_SCREENSHOTS=<folder> to save a full-page screenshot of each view.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveDist } from './static-server.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  // About the width of Excel's task pane.
  page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${server.url}/taskpane.html`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function chartRendered(testId: string): Promise<void> {
  // `svg.marks` is the chart vega renders (the action menu has an svg icon too).
  await page.locator(`[data-testid="${testId}"] svg.marks`).waitFor({ timeout: 20_000 });
}

async function screenshot(name: string): Promise<void> {
  const folder = process.env.E2E_SCREENSHOTS;
  if (folder) await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true });
}

async function problems(): Promise<string> {
  const box = page.getByTestId('mapping-problems');
  await box.waitFor({ state: 'visible' });
  return (await box.textContent()) ?? '';
}

test('Segments opens first on the CDNOW sample: charts, coverage, bin edges and tie policy', async () => {
  await chartRendered('chart-segments');
  await chartRendered('chart-rfm-heatmap');
  await chartRendered('chart-pareto');
  await chartRendered('chart-kmeans');
  expect(await page.locator('[data-view]').getAttribute('data-view')).toBe('segments');
  const coverage = page.getByTestId('segment-coverage');
  const text = await coverage.textContent();
  expect(text).toContain('Champions');
  expect(text).toContain('Others');
  // 2,357 customers in the sample (Fader, Hardie & Lee 2005).
  expect(await page.getByTestId('results').textContent()).toContain('2,357 customers, 6,919 transactions');
  expect(await page.getByTestId('tie-policy').textContent()).toContain('type-7 quantiles');
  expect(await page.getByTestId('bin-edges').locator('tbody tr').count()).toBe(3);
  expect(await page.getByTestId('abc-summary').locator('tbody tr').count()).toBe(3);
  expect(await page.getByTestId('kmeans-profiles').locator('tbody tr').count()).toBe(4);
  await screenshot('segments');
});

test('k chosen by the user: re-clustering with k = 3 gives three profiles', async () => {
  await page.getByTestId('k').fill('3');
  await page.getByTestId('recluster').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="kmeans-profiles"] tbody tr').length === 3);
  await chartRendered('chart-kmeans');
});

test('k outside its range is a message in the k-means section naming the field; the rest of the view stays', async () => {
  expect(await page.getByTestId('log-scale').isChecked()).toBe(true);
  await page.getByTestId('k').fill('2000');
  await page.getByTestId('recluster').click();
  await page.getByTestId('kmeans-problem').waitFor();
  expect(await page.getByTestId('kmeans-problem').textContent()).toBe(
    'k-means could not run: k-means clusters (k) must be a whole number from 1 to 12 (it is 2000).',
  );
  expect(await page.locator('[data-testid="chart-segments"] svg.marks').count()).toBe(1);
  // The CDNOW sample's eight $0 one-time buyers are named, not silently scored.
  expect(await page.getByTestId('excluded-customers').textContent()).toMatch(/^Column "amount": 8 customers whose amounts net to zero or less/);
  await page.getByTestId('k').fill('3');
  await page.getByTestId('recluster').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="kmeans-profiles"] tbody tr').length === 3);
});

test('Segments: migration between the middle and the end of the data, as heatmaps and the list of slipping customers', async () => {
  expect(await page.getByTestId('migration-from').inputValue()).toBe('1997-09-30');
  await page.getByTestId('migrate').click();
  await chartRendered('chart-migration');
  await chartRendered('chart-migration-spend');
  // 50 customers went from Champions, Loyal Customers or Potential Loyalist to an at-risk segment
  // (test/taskpane/analysis/migration.test.ts; notebooks/05-tracking.ipynb).
  expect(await page.getByTestId('migration-slipping').textContent()).toContain('50 customers moved from a valuable segment');
  await screenshot('segments-migration');
  await page.getByTestId('migration-from').fill('1999-01-01');
  await page.getByTestId('migrate').click();
  expect(await problems()).toContain('from (1999-01-01) must be before to (1998-06-30)');
});

test('amount mapped to a text column is explained with column and row, and no results are shown', async () => {
  await page.getByTestId('map-amount').selectOption('date');
  await page.getByTestId('run').click();
  // The check runs in the worker: wait for its answer rather than read the previous test's problem.
  await page.getByTestId('mapping-problems').filter({ hasText: 'Amount must be a number' }).waitFor();
  expect(await problems()).toContain('Column "date", row 1 is not a number (got "1997-01-01") (and 6918 more rows). Amount must be a number, the purchase value.');
  expect(await page.locator('[data-testid="results"] svg').count()).toBe(0);
  // Fixing the mapping brings the results back.
  await page.getByTestId('map-amount').selectOption('amount');
  await page.getByTestId('run').click();
  await chartRendered('chart-segments');
  expect(await page.getByTestId('mapping-problems').isHidden()).toBe(true);
});

test('Value map: Gale car example with the fair-value line and zones', async () => {
  await page.getByTestId('tab-value-map').click();
  await chartRendered('chart-value-map');
  const rows = await page.getByTestId('value-map-table').locator('tbody tr').allTextContents();
  expect(rows).toHaveLength(5);
  // Our relative price from Gale's price profile: 100 / 1.1839 = 84.46 (DESIGN.md).
  expect(rows[0]).toMatch(/^Ours.*84\.46.*better value$/);
  await screenshot('value-map');
  await page.getByTestId('map-quality').selectOption('offer');
  await page.getByTestId('run').click();
  expect(await problems()).toContain('Column "offer", row 1 is not a number (got "Ours")');
  expect(await problems()).toContain('Offer and Relative quality both use column "offer"');
});

test('Lifetime value: BG/NBD and Gamma-Gamma fits, P(alive) chart, top customers', async () => {
  await page.getByTestId('tab-lifetime').click();
  await chartRendered('chart-p-alive');
  const fit = (await page.getByTestId('fit-summary').textContent()) ?? '';
  expect(fit).toContain('BG/NBD');
  expect(fit).toContain('Gamma-Gamma');
  expect(fit).not.toContain('NO');
  expect(await page.getByTestId('top-customers').locator('tbody tr').count()).toBe(15);
  await screenshot('lifetime');
});

test('Lifetime value: a horizon of 100,000 months is refused at once with a message naming the field', async () => {
  await page.getByTestId('months').fill('100000');
  await page.getByTestId('run').click();
  expect(await problems()).toContain('Horizon (months) must be a whole number from 1 to 120 (it is 100000).');
  expect(await page.locator('[data-testid="results"] svg').count()).toBe(0);
  await page.getByTestId('months').fill('12');
});

test('Lifetime value on the paper calibration period reproduces Fader, Hardie & Lee (2005): r = 0.243, α = 4.414', async () => {
  await page.getByTestId('calibration-end').fill('1997-09-30');
  await page.getByTestId('run').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="fit-summary"]')?.textContent?.includes('r = 0.2426'));
  expect(await page.getByTestId('fit-summary').textContent()).toContain('α = 4.41');
});

test('Lifetime value over quarter ends: six quarters of the CDNOW cohort, models refitted at each', async () => {
  await page.getByTestId('tab-lifetime').click();
  await chartRendered('chart-p-alive');
  await page.getByTestId('value-quarters').click();
  await chartRendered('chart-value-quarters');
  const rows = await page.getByTestId('value-quarters').locator('tbody tr').allTextContents();
  expect(rows).toHaveLength(6);
  // The whole 1997 Q1 cohort (2,357 customers, Fader, Hardie & Lee 2005) bought in the first quarter.
  expect(rows[0]).toMatch(/^1997-03-312,3572,357/);
  expect(rows[5]).toMatch(/^1998-06-30/);
});

test('Satisfaction: CSI, path diagram, indices and R², key drivers', async () => {
  await page.getByTestId('tab-satisfaction').click();
  await chartRendered('chart-pls-paths');
  await chartRendered('chart-drivers');
  const constructs = (await page.getByTestId('pls-constructs').textContent()) ?? '';
  for (const c of ['Image', 'Expectation', 'Quality', 'Value', 'Satisfaction', 'Complaints', 'Loyalty']) expect(constructs).toContain(c);
  expect(await page.getByTestId('pls-paths').locator('tbody tr').count()).toBe(12);
  expect(await page.getByTestId('csi-nps').textContent()).toMatch(/CSI \(Satisfaction\)\d+\.\d/);
  await screenshot('satisfaction');
  // An item moved to a construct that no path reaches is explained.
  await page.getByTestId('construct-CMP1').fill('Complaint');
  await page.getByTestId('construct-CMP1').dispatchEvent('change');
  await page.getByTestId('run').click();
  expect(await problems()).toContain('Complaint is in no path');
});

test('Satisfaction: measurement quality with pass/warn marks and sources, IPMA, satisfaction–loyalty, comments', async () => {
  // Undo the previous test's broken mapping.
  await page.getByTestId('construct-CMP1').fill('Complaints');
  await page.getByTestId('construct-CMP1').dispatchEvent('change');
  await page.getByTestId('run').click();
  await chartRendered('chart-ipma');
  await chartRendered('chart-satisfaction-loyalty');
  const reliability = (await page.getByTestId('pls-reliability').textContent()) ?? '';
  expect(reliability).toContain('Nunnally');
  expect(reliability).toContain('Fornell & Larcker');
  expect(reliability).toContain('✓');
  expect(reliability).toContain('⚠'); // Loyalty's α is 0.696
  expect(await page.getByTestId('pls-htmt').locator('tbody tr').count()).toBe(21);
  expect(await page.getByTestId('pls-f-square').locator('tbody tr').count()).toBe(12);
  expect(await page.getByTestId('satisfaction-loyalty-groups').locator('tbody tr').count()).toBe(4);
  expect(await page.getByTestId('comment-column').inputValue()).toBe('comment');
  expect(await page.getByTestId('comment-groups').inputValue()).toBe('recommend');
  expect(await page.getByTestId('comments-detractors').locator('tbody tr').count()).toBeGreaterThan(0);
  expect(await page.getByTestId('comments-promoters').locator('tbody tr').count()).toBeGreaterThan(0);
  await screenshot('satisfaction-quality');
});

test('no console errors', () => {
  expect(errors).toEqual([]);
});
