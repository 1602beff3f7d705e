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
  await page.locator('[data-testid="chart-segments"] svg.marks').waitFor({ timeout: 30_000 });
});

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
  await page.getByTestId('file-input').setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  await page.waitForFunction(() => document.querySelector('.source')?.textContent?.includes('orders.csv'));
  const source = (await page.locator('.source').textContent()) ?? '';
  expect(source).toContain('orders.csv: 30 rows × 3 columns. First row read as column names. Datum: dates read as day/month/year.');
  expect(source).toContain('Umsatz: numbers read with "," as the decimal mark');
  // The mapping step as in Excel: nothing in these German headers is guessed except by content.
  expect(await page.getByTestId('map-date').inputValue()).toBe('Datum');
  // The transactions' mapping (the summary input's own mapping has a customer column too).
  await page.getByRole('group', { name: 'Columns' }).getByTestId('map-customer').selectOption('Kunde');
  await page.getByTestId('map-amount').selectOption('Umsatz');
  await page.getByTestId('run').click();
  const box = page.getByTestId('mapping-problems');
  await box.waitFor({ state: 'visible' });
  expect(await box.textContent()).toContain('Column "Umsatz", row 15: "unbekannt" is not a number.');
});

test('an XLSX file dropped on the pane gives results', async () => {
  const rows = [['Customer', 'Order date', 'Amount'], ...Array.from({ length: 40 }, (_, i) => [`C${i % 10}`, new Date(Date.UTC(2024, i % 4, 1 + i)), 10 + i])];
  const bytes = await writeXlsxFile(rows, { dateFormat: 'yyyy-mm-dd' }).toBuffer();
  await page.evaluate(async (data) => {
    const file = new File([new Uint8Array(data)], 'sales.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const transfer = new DataTransfer();
    transfer.items.add(file);
    const target = document.querySelector('[data-testid="view"]')!;
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, [...bytes]);
  await page.waitForFunction(() => document.querySelector('.source')?.textContent?.includes('sales.xlsx'));
  expect(await page.locator('.source').textContent()).toContain('sales.xlsx: 40 rows × 3 columns');
  await page.getByTestId('segment-coverage').waitFor();
  expect(await page.getByTestId('results').textContent()).toContain('10 customers, 40 transactions');
});

test('every result table downloads as CSV; all of them as one XLSX workbook', async () => {
  const tables = await page.getByTestId('export-table').locator('option').allTextContents();
  expect(tables.length).toBeGreaterThanOrEqual(4);
  expect(tables[0]).toMatch(/^Customers: RFM scores/);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(csv.suggestedFilename()).toBe('cvk-segments-1.csv');
  const text = readFileSync(await csv.path()).toString('utf8');
  const csvLines = text.replace(/^\uFEFF/, '').split('\r\n');
  expect(csvLines[0]).toBe('customer,recency,frequency,monetary,R,F,M,segment,abc,cluster');
  expect(csvLines).toHaveLength(11);
  await page.getByTestId('export-table').selectOption({ index: tables.length - 1 });
  const [last] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(last.suggestedFilename()).toBe(`cvk-segments-${tables.length}.csv`);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toBe('cvk-segments.xlsx');
  const workbook = readFileSync(await xlsx.path());
  const first = await readSheet(workbook, 1);
  expect(first[0][0]).toBe(tables[0]);
  expect(first[1].slice(0, 4)).toEqual(['customer', 'recency', 'frequency', 'monetary']);
  expect(first).toHaveLength(12);
  expect(await page.getByTestId('export-status').textContent()).toBe(`Saved "cvk-segments.xlsx" (${tables.length} sheets).`);
});

test('options stay when switching tabs, without a re-run, and come back in a new session', async () => {
  await page.getByTestId('use-sample').click();
  await page.locator('[data-testid="chart-kmeans"] svg.marks').waitFor({ timeout: 30_000 });
  await page.getByTestId('k').fill('6');
  await page.getByTestId('ties').selectOption('dense');
  await page.getByTestId('run').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="tie-policy"]')?.textContent?.includes('(dense)'));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="kmeans-profiles"] tbody tr').length === 6);
  await page.evaluate(() => ((document.querySelector('[data-testid="results"]') as HTMLElement).dataset.marker = 'first run'));
  await page.getByTestId('tab-value-map').click();
  await page.locator('[data-testid="chart-value-map"] svg.marks').waitFor();
  await page.getByTestId('tab-segments').click();
  expect(await page.getByTestId('k').inputValue()).toBe('6');
  expect(await page.getByTestId('ties').inputValue()).toBe('dense');
  expect(await page.getByTestId('results').getAttribute('data-marker')).toBe('first run');
  // A new session in this browser: the options are read back and the first run uses them.
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="kmeans-profiles"] tbody tr').length === 6, undefined, { timeout: 30_000 });
  expect(await page.getByTestId('k').inputValue()).toBe('6');
  expect(await page.getByTestId('ties').inputValue()).toBe('dense');
  expect(await page.getByTestId('tie-policy').textContent()).toContain('(dense)');
});

test('a path of the satisfaction model left out stays out in the next session', async () => {
  await page.getByTestId('tab-satisfaction').click();
  await page.locator('[data-testid="chart-pls-paths"] svg.marks').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('pls-paths').locator('tbody tr').count()).toBe(12);
  await page.getByTestId('path-Image→Loyalty').uncheck();
  await page.getByTestId('run').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="pls-paths"] tbody tr').length === 11);
  await page.reload();
  await page.getByTestId('tab-satisfaction').click();
  await page.locator('[data-testid="chart-pls-paths"] svg.marks').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('path-Image→Loyalty').isChecked()).toBe(false);
  expect(await page.getByTestId('path-Image→Satisfaction').isChecked()).toBe(true);
  expect(await page.getByTestId('pls-paths').locator('tbody tr').count()).toBe(11);
});

test('no console errors', () => {
  expect(errors).toEqual([]);
});
