/**
 * The standalone pane (no Excel) with the user's own files: a CSV opened with the file picker and
 * an XLSX dropped on the pane go through the column mapping and give results; every result
 * table downloads as CSV and all of them as XLSX; options and mappings stay when switching tabs
 * (the view is not re-run) and come back in a new session.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { launchBrowser } from './browser.ts';
import { bodyRows, chartDrawn, countBecomes, openView, problemsBox, table } from './by-role.ts';
import { serveDist } from './static-server.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 420, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${server.url}/taskpane.html`);
  await chartDrawn(page, 'Segments: share of customers and of value');
});

const view = () => openView(page);
/** "Data: …" above the mapping: where the view's data came from. */
const source = () => view().getByText(/^Data: /);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// 30 purchases of 8 customers, amounts as a European shop writes them, dates day-first.
const lines = ['Kunde;Datum;Umsatz'];
for (let i = 0; i < 30; i++) {
  const day = 1 + ((i * 7) % 28);
  lines.push(`K${i % 8};${String(day).padStart(2, '0')}/0${1 + (i % 3)}/2024;"${1 + (i % 4)}.${String((i * 37) % 1000).padStart(3, '0')},50 €"`);
}
lines[14] = 'K3;15/02/2024;unbekannt'; // file row 15

test('a CSV opened with the file picker: dates and amounts read, a bad cell named by its file row', async () => {
  await page.getByLabel('CSV or XLSX file').setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await source().filter({ hasText: 'orders.csv' }).waitFor();
  const text = (await source().textContent()) ?? '';
  expect(text).toContain('orders.csv: 30 rows × 3 columns. First row read as column names. Datum: dates read as day/month/year.');
  expect(text).toContain('Umsatz: numbers read with "," as the decimal mark');
  // The mapping step as in Excel: nothing in these German headers is guessed except by content.
  const columns = view().getByRole('group', { name: 'Columns' });
  expect(await columns.getByRole('combobox', { name: 'Date', exact: true }).inputValue()).toBe('Datum');
  await columns.getByRole('combobox', { name: 'Customer', exact: true }).selectOption('Kunde');
  await columns.getByRole('combobox', { name: 'Amount', exact: true }).selectOption('Umsatz');
  await view().getByRole('button', { name: 'Run' }).click();
  const box = problemsBox(view());
  await box.waitFor({ state: 'visible' });
  expect(await box.textContent()).toContain('Column "Umsatz", row 15 is not a number (got "unbekannt").');
});

test('an XLSX file dropped on the pane gives results', async () => {
  const rows = [['Customer', 'Order date', 'Amount'], ...Array.from({ length: 40 }, (_, i) => [`C${i % 10}`, new Date(Date.UTC(2024, i % 4, 1 + i)), 10 + i])];
  const bytes = await writeXlsxFile(rows, { dateFormat: 'yyyy-mm-dd' }).toBuffer();
  await page.evaluate(async (data) => {
    const file = new File([new Uint8Array(data)], 'sales.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const transfer = new DataTransfer();
    transfer.items.add(file);
    const target = document.querySelector('[role="tabpanel"]')!;
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, [...bytes]);
  await source().filter({ hasText: 'sales.xlsx' }).waitFor();
  expect(await source().textContent()).toContain('sales.xlsx: 40 rows × 3 columns');
  await table(view(), /^Coverage:/).waitFor();
  expect(await view().getByText(/^10 customers, 40 transactions/).count()).toBe(1);
});

test('every result table downloads as CSV; all of them as one XLSX workbook', async () => {
  const choice = view().getByRole('combobox', { name: 'Result table to download as CSV' });
  const download = (name: string) => view().getByRole('button', { name });
  const tables = await choice.locator('option').allTextContents();
  expect(tables.length).toBeGreaterThanOrEqual(4);
  expect(tables[0]).toMatch(/^Customers: RFM scores/);
  const [csv] = await Promise.all([page.waitForEvent('download'), download('Download CSV').click()]);
  expect(csv.suggestedFilename()).toBe('cvk-segments-1.csv');
  const text = readFileSync(await csv.path()).toString('utf8');
  const csvLines = text.replace(/^\uFEFF/, '').split('\r\n');
  expect(csvLines[0]).toBe('customer,recency,frequency,monetary,R,F,M,segment,abc,cluster');
  expect(csvLines).toHaveLength(11);
  await choice.selectOption({ index: tables.length - 1 });
  const [last] = await Promise.all([page.waitForEvent('download'), download('Download CSV').click()]);
  expect(last.suggestedFilename()).toBe(`cvk-segments-${tables.length}.csv`);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), download('Download XLSX (all tables)').click()]);
  expect(xlsx.suggestedFilename()).toBe('cvk-segments.xlsx');
  const workbook = readFileSync(await xlsx.path());
  const first = await readSheet(workbook, 1);
  expect(first[0][0]).toBe(tables[0]);
  expect(first[1].slice(0, 4)).toEqual(['customer', 'recency', 'frequency', 'monetary']);
  expect(first).toHaveLength(12);
  expect(await view().getByRole('status').filter({ hasText: /^Saved / }).textContent()).toBe(`Saved "cvk-segments.xlsx" (${tables.length} sheets).`);
});

test('options stay when switching tabs, without a re-run, and come back in a new session', async () => {
  await page.getByRole('button', { name: 'Use the sample' }).click();
  await chartDrawn(view(), 'Cluster profiles');
  const k = () => view().getByRole('spinbutton', { name: 'k-means clusters (k)' });
  const ties = () => view().getByRole('combobox', { name: 'Ties' });
  const tiePolicy = () => view().getByText(/^Tie policy \(/);
  await k().fill('6');
  await ties().selectOption('dense');
  await view().getByRole('button', { name: 'Run' }).click();
  await tiePolicy().filter({ hasText: '(dense)' }).waitFor();
  await countBecomes(bodyRows(view(), /^Cluster centroids/), 6);
  await table(view(), /^Cluster centroids/).evaluate((t) => (t.dataset.marker = 'first run'));
  await page.getByRole('tab', { name: 'Value map' }).click();
  await chartDrawn(view(), 'Customer value map');
  await page.getByRole('tab', { name: 'Segments' }).click();
  expect(await k().inputValue()).toBe('6');
  expect(await ties().inputValue()).toBe('dense');
  // The same results, not drawn again.
  expect(await table(view(), /^Cluster centroids/).getAttribute('data-marker')).toBe('first run');
  // A new session in this browser: the options are read back and the first run uses them.
  await page.reload();
  await countBecomes(bodyRows(view(), /^Cluster centroids/), 6);
  expect(await k().inputValue()).toBe('6');
  expect(await ties().inputValue()).toBe('dense');
  expect(await tiePolicy().textContent()).toContain('(dense)');
});

test('a path of the satisfaction model left out stays out in the next session', async () => {
  const paths = () => bodyRows(view(), 'Path coefficients');
  const path = (from: string, to: string) => view().getByRole('checkbox', { name: `Path from ${from} to ${to}` });
  await page.getByRole('tab', { name: 'Satisfaction' }).click();
  await chartDrawn(view(), 'PLS path model');
  expect(await paths().count()).toBe(12);
  await path('Image', 'Loyalty').uncheck();
  await view().getByRole('button', { name: 'Run' }).click();
  await countBecomes(paths(), 11);
  await page.reload();
  await page.getByRole('tab', { name: 'Satisfaction' }).click();
  await chartDrawn(view(), 'PLS path model');
  expect(await path('Image', 'Loyalty').isChecked()).toBe(false);
  expect(await path('Image', 'Satisfaction').isChecked()).toBe(true);
  expect(await paths().count()).toBe(11);
});

test('no console errors', () => {
  expect(errors).toEqual([]);
});
