/**
 * Mode B in the Satisfaction view (issue 12): under "Measurement" each construct is reflective
 * (mode A) or formative (mode B), with a number of bootstrap resamples; the quality panel then
 * lists the formative constructs with their weights, percentile intervals and item VIFs instead
 * of reliability, and the choices are remembered when the pane opens again.
 */
import type { Page } from 'playwright-core';
import { chartDrawn, problemsBox, table } from './by-role.ts';
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

const formativeTable = () => table(page, /^Outer weights of the formative items/);
const reliabilityTable = () => table(page, /^Reliability and convergent validity/);
const htmtTable = () => table(page, /^Discriminant validity/);

async function openSatisfaction(): Promise<void> {
  await page.getByRole('tab', { name: 'Satisfaction' }).click();
  await chartDrawn(page, 'PLS path model');
}

test('every construct starts reflective; no formative table, reliability for all seven', async () => {
  await openSatisfaction();
  const image = page.getByRole('combobox', { name: 'Measurement of Image' });
  expect(await image.inputValue()).toBe('A');
  expect(await page.getByRole('combobox', { name: /^Measurement of / }).count()).toBe(7);
  expect(await formativeTable().count()).toBe(0);
  expect(await reliabilityTable().locator('tbody tr').count()).toBe(7);
});

test('Image and Quality formative with 200 resamples: weights with intervals and VIFs, no reliability rows for them', async () => {
  await page.getByRole('combobox', { name: 'Measurement of Image' }).selectOption({ label: 'formative (mode B)' });
  await page.getByRole('combobox', { name: 'Measurement of Quality' }).selectOption('B');
  await page.getByRole('spinbutton', { name: 'Bootstrap resamples' }).fill('200');
  await page.getByRole('button', { name: 'Run' }).click();
  const formative = formativeTable();
  await formative.waitFor({ timeout: 30_000 });
  // 4 Image items + 5 Quality items, each with a weight, an interval and a VIF.
  const rows = formative.locator('tbody tr');
  expect(await rows.count()).toBe(9);
  const first = await rows.first().locator('td').allTextContents();
  expect(first[0]).toBe('Image');
  expect(first[1]).toBe('IMG1');
  expect(first[3]).toMatch(/^\[\d\.\d{3}, \d\.\d{3}\]/);
  expect(first[4]).toMatch(/^\d\.\d{2} ✓$/);
  expect(await formative.textContent()).toContain('200 resamples, seed 1');
  const reliability = await reliabilityTable().locator('tbody tr td:first-child').allTextContents();
  expect(reliability).toEqual(['Expectation', 'Value', 'Satisfaction', 'Complaints', 'Loyalty']);
  // HTMT of the reflective pairs only, each with its bootstrap interval.
  const htmt = htmtTable().locator('tbody tr');
  expect(await htmt.count()).toBe(10);
  expect(await htmt.first().textContent()).toMatch(/\[\d\.\d{3}, \d\.\d{3}\]/);
  expect(await page.getByText(/Path weighting scheme, mode B for Image, Quality; mode A for the rest/).count()).toBe(1);
});

test('the same seed gives the same intervals on a second Run', async () => {
  const before = await formativeTable().locator('tbody').textContent();
  // Mark the table drawn now, so that the check reads the one the second Run draws.
  await formativeTable().evaluate((drawn) => drawn.setAttribute('data-old', 'yes'));
  await page.getByRole('button', { name: 'Run' }).click();
  await formativeTable().and(page.locator(':not([data-old])')).waitFor({ timeout: 30_000 });
  expect(await formativeTable().locator('tbody').textContent()).toBe(before);
});

test('one resample is refused with a message naming the field', async () => {
  await page.getByRole('spinbutton', { name: 'Bootstrap resamples' }).fill('1');
  await page.getByRole('button', { name: 'Run' }).click();
  const problems = problemsBox(page);
  await problems.waitFor({ state: 'visible' });
  expect(await problems.textContent()).toContain('Bootstrap resamples must be 0 (none) or a whole number from 2 to 5000 (it is 1).');
  // Back to none; leaving the field commits it (a change event), so it is remembered at once.
  await page.getByRole('spinbutton', { name: 'Bootstrap resamples' }).fill('0');
  await page.getByRole('spinbutton', { name: 'Bootstrap resamples' }).press('Tab');
});

test('the choices are remembered when the pane opens again', async () => {
  await page.reload();
  await openSatisfaction();
  expect(await page.getByRole('combobox', { name: 'Measurement of Image' }).inputValue()).toBe('B');
  expect(await page.getByRole('combobox', { name: 'Measurement of Quality' }).inputValue()).toBe('B');
  expect(await page.getByRole('combobox', { name: 'Measurement of Value' }).inputValue()).toBe('A');
  // Resamples back to 0: the formative table without intervals, pointing to the option.
  await formativeTable().waitFor({ timeout: 30_000 });
  expect(await formativeTable().textContent()).toContain('set Bootstrap resamples under Measurement');
  expect(pane.errors).toEqual([]);
});
