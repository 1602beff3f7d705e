/**
 * The Lifetime value view's model choice in the standalone pane (CDNOW sample): estimates with
 * ± standard errors, CLV intervals in the top-customers table, column help for x, t_x and T, the
 * expected-purchases grid beside P(alive), Pareto/NBD, and "the better one on a holdout" with
 * the comparison of both models on the split of Fader, Hardie & Lee (2005).
 */
import type { Page } from 'playwright-core';
import { bodyRows, chartDrawn, openView, problemsBox, table } from './by-role.ts';
import { openPane, type OpenPane } from './open-pane.ts';

let pane: OpenPane;
let page: Page;

beforeAll(async () => {
  pane = await openPane();
  page = pane.page;
  await page.getByRole('tab', { name: 'Lifetime value' }).click();
});

afterAll(async () => {
  await pane?.close();
});

const view = () => openView(page);
const chartRendered = (title: string) => chartDrawn(view(), title);
const fitTable = () => table(view(), /^Model fits/);

const run = () => page.getByRole('button', { name: 'Run' }).click();

test('estimates ± standard error on the paper calibration period (lifetimes: r 0.2426 ± 0.0126)', async () => {
  await page.getByLabel('Calibration end').fill('1997-09-30');
  await run();
  await fitTable().filter({ hasText: 'r = 0.2426 ± 0.0126' }).waitFor();
  const fit = (await fitTable().textContent()) ?? '';
  expect(fit).toContain('BG/NBD (purchases, weeks)');
  expect(fit).toContain('α = 4.41');
  expect(fit).toMatch(/p = 6\.2\d+ ± \d\.\d{4}/);
});

test('top customers carry a CLV interval; x, t_x and T are explained; expected purchases beside P(alive)', async () => {
  await chartRendered('P(alive) for customers');
  await chartRendered('Expected purchases in the next');
  const top = table(view(), /^Horizon \d+ months/);
  expect(await top.getByRole('columnheader', { name: 'CLV 95% interval' }).count()).toBe(1);
  const cells = await top.locator('tbody tr td:last-child').allTextContents();
  expect(cells).toHaveLength(15);
  for (const cell of cells) expect(cell).toMatch(/^[\d,]+\.\d\d to [\d,]+\.\d\d$/);
  const columnHelp = view().getByRole('group', { name: 'What the columns mean' });
  await columnHelp.getByText('What x, t_x and T mean').click();
  const help = (await columnHelp.textContent()) ?? '';
  expect(help).toContain('repeat purchases');
  expect(help).toContain('recency');
  expect(help).toContain('age');
});

test('Pareto/NBD: its own parameters (r, α, s, β) with standard errors, and its P(alive) grid', async () => {
  expect(await page.getByLabel('Holdout (weeks)').isHidden()).toBe(true);
  await page.getByLabel('Purchase model').selectOption({ label: 'Pareto/NBD' });
  await run();
  await fitTable().filter({ hasText: 'Pareto/NBD' }).waitFor();
  const fit = (await fitTable().textContent()) ?? '';
  // Fader, Hardie & Lee (2005): r 0.553, α 10.578, s 0.606, β 11.669.
  expect(fit).toMatch(/r = 0\.55\d+ ± [\d.]+, α = 10\.5\d+ ± [\d.]+, s = 0\.60\d+ ± [\d.]+, β = 11\.[56]\d+ ± [\d.]+/);
  // The chart is named by its title, which names the model.
  await view().getByRole('img', { name: /^P\(alive\) for customers of age [\d.]+ weeks \(Pareto\/NBD\)/ }).waitFor();
});

test('the better one on a holdout: 39 weeks by default, both models compared, the verdict in words', async () => {
  await page.getByLabel('Calibration end').fill('');
  await page.getByLabel('Purchase model').selectOption({ label: 'the better one on a holdout period' });
  const holdout = page.getByLabel('Holdout (weeks)');
  await holdout.waitFor({ state: 'visible' });
  await holdout.fill('0');
  await run();
  const problems = problemsBox(view());
  await problems.waitFor({ state: 'visible' });
  expect(await problems.textContent()).toContain('Holdout (weeks) must be a whole number from 1 to 520 (it is 0).');
  await holdout.fill('');
  await run();
  const verdict = view().getByText(/^Both fitted to the purchases up to /);
  await verdict.waitFor({ timeout: 30_000 });
  expect(await verdict.textContent()).toMatch(
    /^Both fitted to the purchases up to 1997-09-30, then asked to forecast each customer's purchases in the 39 weeks to 1998-06-30\. (BG\/NBD|Pareto\/NBD) forecasts the holdout better: .* The view uses \1, refitted on all purchases up to 1998-06-30\.$/,
  );
  const scores = await bodyRows(view(), /customers; actual holdout purchases/).allTextContents();
  expect(scores).toHaveLength(2);
  // Log-likelihoods of Fader, Hardie & Lee (2005) on this split.
  expect(scores[0]).toMatch(/^BG\/NBD-9,582\.4/);
  expect(scores[1]).toMatch(/^Pareto\/NBD-9,595\.0/);
  await chartRendered('Calibration vs holdout: BG/NBD and Pareto/NBD');
});

test('no console errors', () => {
  expect(pane.errors).toEqual([]);
});
