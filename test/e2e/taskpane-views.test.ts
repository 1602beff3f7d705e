/**
 * The views of the standalone pane (no Excel) on the embedded samples: each renders its
 * charts (an svg inside the chart container), the segment coverage table and bin edges appear,
 * k can be changed, and a wrong column mapping gets a message naming column and row. Elements
 * are found by role and accessible name (charts by their title, tables by their caption).
 * Set E2E_SCREENSHOTS=<folder> to save a full-page screenshot of each view.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { countBecomes } from './by-role.ts';
import { openPane, type OpenPane } from './open-pane.ts';

let pane: OpenPane;
let page: Page;

beforeAll(async () => {
  pane = await openPane();
  page = pane.page;
});

afterAll(async () => {
  await pane?.close();
});

/** The open view: the tab panel. */
const view = () => page.getByRole('tabpanel');

/** A chart is an image named by its title first (ui/chart-access.ts). */
function chart(title: string) {
  return view().getByRole('img', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
}

async function chartRendered(title: string): Promise<void> {
  await chart(title).waitFor({ timeout: 20_000 });
}

/** A results table by its caption. */
const table = (caption: string | RegExp) => view().getByRole('table', { name: caption });
const bodyRows = (caption: string | RegExp) => table(caption).locator('tbody tr');

async function screenshot(name: string): Promise<void> {
  const folder = process.env.E2E_SCREENSHOTS;
  if (folder) await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true });
}

/** The problems box of the open view, found by its heading line. */
async function problems(heading = 'Fix the column mapping or options:'): Promise<string> {
  const box = view().getByRole('alert').filter({ hasText: heading });
  await box.waitFor({ state: 'visible' });
  return (await box.textContent()) ?? '';
}

test('Segments opens first on the CDNOW sample: charts, coverage, bin edges and tie policy', async () => {
  await chartRendered('Segments: share of customers and of value');
  await chartRendered('Customers (number), mean spend (colour)');
  await chartRendered('Pareto curve');
  await chartRendered('Cluster profiles');
  expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('Segments');
  expect(await page.getByRole('tabpanel', { name: 'Segments' }).count()).toBe(1);
  const coverage = table(/^Coverage: first matching rule wins/);
  const text = await coverage.textContent();
  expect(text).toContain('Champions');
  expect(text).toContain('Others');
  // 2,357 customers in the sample (Fader, Hardie & Lee 2005).
  expect(await view().getByText(/^2,357 customers, 6,919 transactions/).count()).toBe(1);
  expect(await view().getByText(/^Tie policy \(quantile\):/).textContent()).toContain('type-7 quantiles');
  expect(await bodyRows(/^Bin edges/).count()).toBe(3);
  expect(await bodyRows(/^Cutoffs 80% \/ 95%/).count()).toBe(3);
  expect(await bodyRows(/^Cluster centroids/).count()).toBe(4);
  await screenshot('segments');
});

test('k chosen by the user: re-clustering with k = 3 gives three profiles', async () => {
  await view().getByRole('spinbutton', { name: 'k-means clusters (k)' }).fill('3');
  await view().getByRole('button', { name: 'Re-cluster with k' }).click();
  await countBecomes(bodyRows(/^Cluster centroids/), 3);
  await chartRendered('Cluster profiles');
});

test('k outside its range is a message in the k-means section naming the field; the rest of the view stays', async () => {
  expect(await view().getByRole('checkbox', { name: /^k-means on log frequency and log spend/ }).isChecked()).toBe(true);
  const k = view().getByRole('spinbutton', { name: 'k-means clusters (k)' });
  await k.fill('2000');
  await view().getByRole('button', { name: 'Re-cluster with k' }).click();
  const problem = view().getByRole('alert').filter({ hasText: /^k-means could not run:/ });
  await problem.waitFor();
  expect(await problem.textContent()).toBe(
    'k-means could not run: k-means clusters (k) must be a whole number from 1 to 12 (it is 2000).',
  );
  expect(await chart('Segments: share of customers and of value').count()).toBe(1);
  // The CDNOW sample's eight $0 one-time buyers are named, not silently scored.
  expect(await view().getByText(/^Column "amount": 8 customers whose amounts net to zero or less/).count()).toBe(1);
  await k.fill('3');
  await view().getByRole('button', { name: 'Re-cluster with k' }).click();
  await countBecomes(bodyRows(/^Cluster centroids/), 3);
});

test('Segments: migration between the middle and the end of the data, as heatmaps and the list of slipping customers', async () => {
  const from = view().getByRole('textbox', { name: 'From', exact: true });
  expect(await from.inputValue()).toBe('1997-09-30');
  await view().getByRole('button', { name: 'Show migration' }).click();
  await chartRendered('Segment migration, ');
  await chartRendered('Spend between the dates, by migration path');
  // 50 customers went from Champions, Loyal Customers or Potential Loyalist to an at-risk segment
  // (test/taskpane/analysis/migration.test.ts; notebooks/05-tracking.ipynb).
  expect(await table(/^50 customers moved from a valuable segment/).count()).toBe(1);
  await screenshot('segments-migration');
  await from.fill('1999-01-01');
  await view().getByRole('button', { name: 'Show migration' }).click();
  expect(await problems('The migration could not be computed:')).toContain('from (1999-01-01) must be before to (1998-06-30)');
});

test('amount mapped to a text column is explained with column and row, and no results are shown', async () => {
  const amount = view().getByRole('combobox', { name: 'Amount', exact: true });
  await amount.selectOption('date');
  await view().getByRole('button', { name: 'Run' }).click();
  // The check runs in the worker: wait for its answer rather than read the previous test's problem.
  await view().getByRole('alert').filter({ hasText: 'Amount must be a number' }).waitFor();
  expect(await problems()).toContain('Column "date", row 1 is not a number (got "1997-01-01") (and 6918 more rows). Amount must be a number, the purchase value.');
  expect(await view().getByRole('img').count()).toBe(0);
  // Fixing the mapping brings the results back.
  await amount.selectOption('amount');
  await view().getByRole('button', { name: 'Run' }).click();
  await chartRendered('Segments: share of customers and of value');
  expect(await view().getByRole('alert').filter({ hasText: /^Fix the column mapping/ }).count()).toBe(0);
});

test('Value map: Gale car example with the fair-value line and zones', async () => {
  await page.getByRole('tab', { name: 'Value map' }).click();
  await chartRendered('Customer value map');
  const rows = await bodyRows(/^Offers: relative quality and price/).allTextContents();
  expect(rows).toHaveLength(5);
  // Our relative price from Gale's price profile: 100 / 1.1839 = 84.46 (DESIGN.md).
  expect(rows[0]).toMatch(/^Ours.*84\.46.*better value$/);
  await screenshot('value-map');
  await view().getByRole('combobox', { name: 'Relative quality', exact: true }).selectOption('offer');
  await view().getByRole('button', { name: 'Run' }).click();
  expect(await problems()).toContain('Column "offer", row 1 is not a number (got "Ours")');
  expect(await problems()).toContain('Offer and Relative quality both use column "offer"');
});

test('Lifetime value: BG/NBD and Gamma-Gamma fits, P(alive) chart, top customers', async () => {
  await page.getByRole('tab', { name: 'Lifetime value' }).click();
  await chartRendered('P(alive) for customers');
  const fit = (await table(/^Model fits/).textContent()) ?? '';
  expect(fit).toContain('BG/NBD');
  expect(fit).toContain('Gamma-Gamma');
  expect(fit).not.toContain('NO');
  expect(await bodyRows(/^Horizon 12 months, margin 0\.3/).count()).toBe(15);
  await screenshot('lifetime');
});

test('Lifetime value: a horizon of 100,000 months is refused at once with a message naming the field', async () => {
  const months = view().getByRole('spinbutton', { name: 'Horizon (months)' });
  await months.fill('100000');
  await view().getByRole('button', { name: 'Run' }).click();
  expect(await problems()).toContain('Horizon (months) must be a whole number from 1 to 120 (it is 100000).');
  expect(await view().getByRole('img').count()).toBe(0);
  await months.fill('12');
});

test('Lifetime value on the paper calibration period reproduces Fader, Hardie & Lee (2005): r = 0.243, α = 4.414', async () => {
  await view().getByRole('textbox', { name: 'Calibration end' }).fill('1997-09-30');
  await view().getByRole('button', { name: 'Run' }).click();
  const fit = table(/^Model fits/).filter({ hasText: 'r = 0.2426' });
  await fit.waitFor();
  expect(await fit.textContent()).toContain('α = 4.41');
});

test('Lifetime value over quarter ends: six quarters of the CDNOW cohort, models refitted at each', async () => {
  await page.getByRole('tab', { name: 'Lifetime value' }).click();
  await chartRendered('P(alive) for customers');
  await view().getByRole('button', { name: 'Value by quarter end' }).click();
  await chartRendered('Customer value over period ends');
  const rows = await bodyRows(/at each quarter end$/).allTextContents();
  expect(rows).toHaveLength(6);
  // The whole 1997 Q1 cohort (2,357 customers, Fader, Hardie & Lee 2005) bought in the first quarter.
  expect(rows[0]).toMatch(/^1997-03-312,3572,357/);
  expect(rows[5]).toMatch(/^1998-06-30/);
});

test('Satisfaction: CSI, path diagram, indices and R², key drivers', async () => {
  await page.getByRole('tab', { name: 'Satisfaction' }).click();
  await chartRendered('PLS path model');
  await chartRendered('Key drivers of Satisfaction');
  const constructs = (await table(/^Constructs: index/).textContent()) ?? '';
  for (const c of ['Image', 'Expectation', 'Quality', 'Value', 'Satisfaction', 'Complaints', 'Loyalty']) expect(constructs).toContain(c);
  expect(await bodyRows('Path coefficients').count()).toBe(12);
  expect(await view().getByText(/^CSI \(Satisfaction\)\d+\.\d$/).count()).toBe(1);
  await screenshot('satisfaction');
  // An item moved to a construct that no path reaches is explained.
  const cmp1 = view().getByRole('combobox', { name: 'Construct of item CMP1 (blank: not used)' });
  await cmp1.fill('Complaint');
  await cmp1.dispatchEvent('change');
  await view().getByRole('button', { name: 'Run' }).click();
  expect(await problems()).toContain('Complaint is in no path');
});

test('Satisfaction: measurement quality with pass/warn marks and sources, IPMA, satisfaction–loyalty, comments', async () => {
  // Undo the previous test's broken mapping.
  const cmp1 = view().getByRole('combobox', { name: 'Construct of item CMP1 (blank: not used)' });
  await cmp1.fill('Complaints');
  await cmp1.dispatchEvent('change');
  await view().getByRole('button', { name: 'Run' }).click();
  await chartRendered('Importance–performance map');
  await chartRendered('Satisfaction and loyalty');
  const reliability = (await table(/^Reliability and convergent validity/).textContent()) ?? '';
  expect(reliability).toContain('Nunnally');
  expect(reliability).toContain('Fornell & Larcker');
  expect(reliability).toContain('✓');
  expect(reliability).toContain('⚠'); // Loyalty's α is 0.696
  expect(await bodyRows(/^Discriminant validity: HTMT/).count()).toBe(21);
  expect(await bodyRows(/^Effect sizes f²/).count()).toBe(12);
  expect(await bodyRows(/^Jones & Sasser \(1995\)/).count()).toBe(4);
  expect(await view().getByRole('combobox', { name: 'Comment column' }).inputValue()).toBe('comment');
  expect(await view().getByRole('combobox', { name: 'Groups from' }).inputValue()).toBe('recommend');
  expect(await bodyRows('Most distinctive of Detractors').count()).toBeGreaterThan(0);
  expect(await bodyRows('Most distinctive of Promoters').count()).toBeGreaterThan(0);
  await screenshot('satisfaction-quality');
});

test('no console errors', () => {
  expect(pane.errors).toEqual([]);
});
