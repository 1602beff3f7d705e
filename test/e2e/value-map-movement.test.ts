/**
 * The value map over two surveys in the standalone pane: the Gale sample's 2023 and 2024 surveys,
 * the map of the later one, movement arrows and the movement table; one survey only gives no
 * arrows; the same survey twice is explained.
 */
import type { Page } from 'playwright-core';
import { bodyRows, chart, chartDrawn, countBecomes, openView, problemsBox } from './by-role.ts';
import { openPane, type OpenPane } from './open-pane.ts';

let pane: OpenPane;
let page: Page;

beforeAll(async () => {
  pane = await openPane();
  page = pane.page;
  await page.getByRole('tab', { name: 'Value map' }).click();
});

afterAll(async () => {
  await pane?.close();
});

const view = () => openView(page);
const chartRendered = (title: string) => chartDrawn(view(), title);
const offers = () => bodyRows(view(), /^Offers: relative quality and price/);

test('the map shows the later survey (Gale: our relative price 84.46) and arrows from the earlier one', async () => {
  await chartRendered('Customer value map');
  expect(await page.getByLabel('Survey column').inputValue()).toBe('survey');
  expect(await page.getByLabel('Earlier survey').inputValue()).toBe('2023');
  expect(await page.getByLabel('Later survey (the map)').inputValue()).toBe('2024');
  const rows = await offers().allTextContents();
  expect(rows).toHaveLength(5);
  expect(rows[0]).toMatch(/^Ours.*84\.46.*better value$/);
  await chartRendered('Value map: 2023 → 2024');
  const moves = await bodyRows(view(), 'How each offer moved from 2023 to 2024').allTextContents();
  expect(moves).toHaveLength(5);
  // Ours: quality 98 → 104 and price 92 → 84.46, so (Δq − Δp)/√2 = (6 + 7.54)/√2 = 9.57 towards better value.
  expect(moves[0]).toMatch(/^Ours6\.0-7\.59\.57towards better value/);
  expect(await view().getByText(/^From 2023 to 2024: \d of 5 offers moved towards better value/).count()).toBe(1);
});

test('one survey: no arrows; the same survey twice is explained', async () => {
  await page.getByLabel('Survey column').selectOption({ label: '(one survey: no comparison)' });
  await page.getByLabel('Earlier survey').isDisabled();
  expect(await page.getByLabel('Earlier survey').isDisabled()).toBe(true);
  // All ten rows in one map: the offers repeat, which the map allows (one point per row).
  await page.getByRole('button', { name: 'Run' }).click();
  await countBecomes(offers(), 10);
  expect(await chart(view(), 'Value map: ').count()).toBe(0);
  await page.getByLabel('Survey column').selectOption('survey');
  await page.getByLabel('Earlier survey').selectOption('2024');
  await page.getByRole('button', { name: 'Run' }).click();
  const problems = problemsBox(view());
  await problems.waitFor({ state: 'visible' });
  expect(await problems.textContent()).toContain('Earlier survey and Later survey are the same');
});

test('no console errors', () => {
  expect(pane.errors).toEqual([]);
});
