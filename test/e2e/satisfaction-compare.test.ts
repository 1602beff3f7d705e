/**
 * "Compare by" inside the Satisfaction view (issue 10): on the four-wave tracking sample, CSI and
 * NPS per wave of "Us" with 95% intervals as charts, the last change in plain words, a benchmark,
 * and the brands compared; on the ECSI sample (no period column) no comparison runs until one is
 * chosen, and the pane offers the tracking sample.
 */
import type { Page } from 'playwright-core';
import { bodyRows, chartDrawn, openView, problemsBox } from './by-role.ts';
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

const view = () => openView(page);
const chartRendered = (title: string) => chartDrawn(view(), title);
const csiChange = () => view().getByText(/^CSI from .+ to .+:/);

test('there is no separate Tracking tab: the comparison lives in Satisfaction', async () => {
  await page.getByRole('tab', { name: 'Satisfaction' }).waitFor();
  expect(await page.getByRole('tab').allTextContents()).toEqual(['Segments', 'Value map', 'Lifetime value', 'Satisfaction']);
});

test('ECSI sample: no period column, so no comparison; the tracking sample is offered', async () => {
  await page.getByRole('tab', { name: 'Satisfaction' }).click();
  await chartRendered('PLS path model');
  expect(await page.getByLabel('Compare by').inputValue()).toBe('');
  expect(await page.getByLabel('From group').isDisabled()).toBe(true);
  expect(await csiChange().count()).toBe(0);
  await page.getByRole('button', { name: 'Open the four-wave tracking sample' }).click();
});

test('tracking sample: CSI and NPS per wave of Us with intervals; the last change in plain words', async () => {
  await chartRendered('CSI by wave');
  await chartRendered('NPS by wave');
  expect(await view().getByText(/^Data: /).textContent()).toContain('Tracking survey, synthetic');
  expect(await page.getByLabel('Compare by').inputValue()).toBe('wave');
  expect(await page.getByLabel('Only rows where').inputValue()).toBe('brand');
  expect(await page.getByLabel('equals').inputValue()).toBe('Us');
  expect(await bodyRows(view(), /^CSI by wave/).count()).toBe(4);
  // The seeded survey's built-in rise of Us in the last wave (test/core/satisfaction/tracking-survey.test.ts).
  expect(await csiChange().textContent()).toBe(
    'CSI from 2024 Q3 to 2024 Q4: up 5.8 points, 95% interval 3.3 to 8.4 (p < 0.001): a real improvement.',
  );
  expect(await view().getByText(/^NPS from .+ to .+:/).textContent()).toContain('within the noise');
  // The rest of the Satisfaction view is there too: the structural model of the survey's items.
  await chartRendered('PLS path model');
});

test('the brands compared in all rows, against a benchmark; the same group twice is explained', async () => {
  await page.getByLabel('Compare by').selectOption('brand');
  await page.getByLabel('Only rows where').selectOption('');
  await page.getByLabel('From group').selectOption('Rival A');
  await page.getByLabel('To group').selectOption('Us');
  await page.getByLabel('Benchmark CSI (optional)').fill('70');
  await page.getByRole('button', { name: 'Run' }).click();
  await view().getByText(/^CSI from Rival A to Us/).waitFor();
  await chartRendered('CSI by brand');
  expect(await bodyRows(view(), /^CSI by brand/).count()).toBe(3);
  await page.getByLabel('From group').selectOption('Us');
  await page.getByRole('button', { name: 'Run' }).click();
  const problems = problemsBox(view());
  await problems.waitFor({ state: 'visible' });
  expect(await problems.textContent()).toContain('From group and To group are the same');
});

test('no console errors', () => {
  expect(pane.errors).toEqual([]);
});
