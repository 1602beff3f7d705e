/**
 * The pane's Excel mode (office.js replaced by the in-memory workbook of office-stub.ts) for the
 * results added by issues 10, 11 and 15: the value over quarter ends and the value map's movement
 * are written to new sheets, and a customer summary pasted into a sheet (the SQL panel's query
 * result for CDNOW) is read by "Use selection" as the Lifetime value view's input.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as aq from 'arquero';
import type { Page } from 'playwright-core';
import { customerSummary, parseCdnow, rfmSummary } from '../../src/core/index.ts';
import { chartDrawn, openView, problemsBox, table } from './by-role.ts';
import type { StubBook } from './office-stub.ts';
import { openPane, type OpenPane } from './open-pane.ts';

let pane: OpenPane;
let page: Page;

// The CDNOW customer summary to 1997-09-30 (weeks), as the SQL panel's query returns it.
const cdnow = parseCdnow(fs.readFileSync(path.join(__dirname, '../../data/CDNOW_sample.txt'), 'utf8'));
const log = aq.table({
  customer: cdnow.map((r) => r.customer),
  date: cdnow.map((r) => `${String(r.date).slice(0, 4)}-${String(r.date).slice(4, 6)}-${String(r.date).slice(6)}`),
  amount: cdnow.map((r) => r.amount),
});
const header = ['customer', 'x', 't_x', 'T', 'monetary'];
const summary = customerSummary(log, { calibrationEnd: '1997-09-30', timeUnit: 'week' });
const values: unknown[][] = [header, ...(summary.objects() as Record<string, unknown>[]).map((r) => header.map((h) => r[h]))];
const book: StubBook = {
  sheets: [{ name: 'Summary', values }],
  selection: { row: 0, column: 0, rows: 1, columns: 1 },
  region: { row: 0, column: 0, rows: values.length, columns: header.length },
};

type Book = StubBook & { active: string };
const workbook = () => page.evaluate(() => (window as unknown as { __book: Book }).__book);

beforeAll(async () => {
  pane = await openPane({ book });
  page = pane.page;
  await page.getByRole('status').filter({ hasText: /^Running in Excel/ }).waitFor();
});

afterAll(async () => {
  await pane?.close();
});

const view = () => openView(page);
/** "Data: …" above the mapping: where the view's data came from. */
const source = () => view().getByText(/^Data: /);
const written = (sheet: string) => view().getByRole('status').filter({ hasText: `Results written to the new sheet "${sheet}"` });

test('the value over quarter ends is written to a new sheet of its own', async () => {
  await page.getByRole('tab', { name: 'Lifetime value' }).click();
  await chartDrawn(view(), 'P(alive) for customers');
  await page.getByRole('button', { name: 'Value by quarter end' }).click();
  await chartDrawn(view(), 'Customer value over period ends');
  await view().getByRole('button', { name: 'Write to new sheet: Value over quarters' }).click();
  const status = view().getByRole('status').filter({ hasText: /^Written to the new sheet/ });
  await status.waitFor();
  expect(await status.textContent()).toBe('Written to the new sheet "CVK Value over quarters".');
  const sheet = (await workbook()).sheets.find((s) => s.name === 'CVK Value over quarters')!;
  expect(sheet.values[1]).toEqual(['periodEnd', 'customers', 'activeCustomers', 'repeatBuyers', 'meanPAlive', 'expectedAlive', 'totalClv', 'meanClv', 'converged', 'note']);
  // Six quarter ends; the whole 1997 Q1 cohort (2,357 customers) bought in the first.
  expect(sheet.values.slice(2, 8).map((r) => r[0])).toEqual(['1997-03-31', '1997-06-30', '1997-09-30', '1997-12-31', '1998-03-31', '1998-06-30']);
  expect(sheet.values[2].slice(1, 3)).toEqual([2357, 2357]);
});

test('the value map with its movement is written to a new sheet', async () => {
  await page.getByRole('tab', { name: 'Value map' }).click();
  await chartDrawn(view(), 'Value map: 2023 → 2024');
  await view().getByRole('button', { name: 'Write to new sheet', exact: true }).click();
  await written('CVK Value map').waitFor();
  const sheet = (await workbook()).sheets.find((s) => s.name === 'CVK Value map')!;
  const flat = sheet.values.map((r) => Array.from(r ?? [], (v) => v ?? '').join('|'));
  const at = flat.findIndex((r) => r.startsWith('offer|qualityBefore|priceBefore'));
  expect(at).toBeGreaterThan(0);
  expect(String(sheet.values[at - 1][0])).toMatch(/^Value map movement\. From 2023 to 2024/);
  expect(sheet.values[at + 1][0]).toBe('Ours');
  expect(sheet.values[at + 1].at(-1)).toBe('towards better value');
});

test('a pasted customer summary is the Lifetime value input: the published fit, no quarter section, written out', async () => {
  await page.getByRole('tab', { name: 'Lifetime value' }).click();
  await page.getByRole('button', { name: 'Use selection' }).click();
  await source().filter({ hasText: 'Summary!A1:E2358' }).waitFor();
  expect(await page.getByRole('combobox', { name: /^Input/ }).inputValue()).toBe('summary');
  expect(await page.getByLabel('Calibration end').isHidden()).toBe(true);
  await table(view(), /^Model fits/).filter({ hasText: 'r = 0.2426' }).waitFor({ timeout: 30_000 });
  expect(await view().getByText('2,357 customers from the summary; time in weeks.').count()).toBe(1);
  expect(await page.getByRole('button', { name: 'Value by quarter end' }).count()).toBe(0);
  await view().getByRole('button', { name: 'Write to new sheet', exact: true }).click();
  await written('CVK Lifetime value').waitFor();
  const sheet = (await workbook()).sheets.find((s) => s.name === 'CVK Lifetime value')!;
  expect(sheet.values.some((r) => r?.[0] === 'BG/NBD' && r?.[1] === 'r')).toBe(true);
  expect((await workbook()).sheets[0].values).toEqual(values);
});

test('a bad summary row is named by its sheet row', async () => {
  await page.evaluate(() => {
    const stub = (window as unknown as { __book: StubBook }).__book;
    stub.sheets[0].values[5][2] = 99; // t_x beyond T on sheet row 6
  });
  await page.getByRole('button', { name: 'Use selection' }).click();
  const box = problemsBox(view());
  await box.waitFor({ state: 'visible' });
  expect(await box.textContent()).toMatch(/Column "t_x", row 6: t_x must lie between 0 and T \(t_x is 99, T is [\d.]+\)\./);
});

test('a pasted RFM summary is the Segments input: the same segments as from the transactions, no migration', async () => {
  const rfmHeader = ['customer', 'recency', 'frequency', 'monetary'];
  const rfm = rfmSummary(log, { asOf: '1998-06-30' });
  const rfmValues = [rfmHeader, ...(rfm.objects() as Record<string, unknown>[]).map((r) => rfmHeader.map((h) => r[h]))];
  await page.evaluate((grid) => {
    const stub = (window as unknown as { __book: StubBook }).__book;
    stub.sheets[0].values = grid;
    stub.region.rows = grid.length;
    stub.region.columns = 4;
  }, rfmValues);
  await page.getByRole('tab', { name: 'Segments' }).click();
  const coverage = () => table(view(), /^Coverage:/);
  await coverage().waitFor({ timeout: 30_000 });
  const fromLog = (await coverage().textContent()) ?? '';
  await page.getByRole('button', { name: 'Use selection' }).click();
  await source().filter({ hasText: 'Summary!A1:D2358' }).waitFor();
  expect(await page.getByRole('combobox', { name: /^Input/ }).inputValue()).toBe('summary');
  await view().getByText(/customers from the summary/).first().waitFor({ timeout: 30_000 });
  // The sample's segments are those of the whole CDNOW log to its last day, 1998-06-30.
  expect(await coverage().textContent()).toBe(fromLog);
  expect(await view().getByText('2,357 customers from the summary; recency in days as given.').count()).toBe(1);
  expect(await page.getByRole('button', { name: 'Show migration' }).count()).toBe(0);
  await page.getByRole('button', { name: 'Re-cluster with k' }).click();
  await table(view(), /^Cluster centroids/).waitFor();
});

test('no console errors', () => {
  expect(pane.errors).toEqual([]);
});
