/**
 * The pane's Excel mode in a real browser, with office.js replaced by an in-memory workbook
 * (office-stub.ts): "Use selection" reads the region around the active cell (dates recognised by
 * their number format), a bad cell is named by its sheet row, and "Write to new sheet" creates
 * `CVK Segments`, then `CVK Segments (2)`, leaving the user's sheet untouched.
 * Set E2E_SCREENSHOTS=<folder> to save a screenshot of the pane in Excel mode.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openView, problemsBox, table } from './by-role.ts';
import type { StubBook } from './office-stub.ts';
import { openPane, type OpenPane } from './open-pane.ts';

let pane: OpenPane;
let page: Page;

// 40 purchases by 12 customers in January–April 2024 (Excel serials 45292…), header on row 1.
const rows: unknown[][] = [['Customer', 'Order date', 'Amount']];
for (let i = 0; i < 40; i++) rows.push([`C${(i * 7) % 12}`, 45292 + ((i * 37) % 120), 10 + ((i * 13) % 50)]);
rows[13][2] = 'n/a'; // sheet row 14
const formats = rows.map((_, i) => ['General', i === 0 ? 'General' : 'yyyy-mm-dd', '#,##0.00']);
const book: StubBook = {
  sheets: [{ name: 'Sales', values: rows, formats }],
  selection: { row: 4, column: 1, rows: 1, columns: 1 },
  region: { row: 0, column: 0, rows: rows.length, columns: 3 },
};

beforeAll(async () => {
  pane = await openPane({ book });
  page = pane.page;
});

afterAll(async () => {
  await pane?.close();
});

const view = () => openView(page);
const useSelection = () => page.getByRole('button', { name: 'Use selection' });
/** "Data: …" above the mapping: where the view's data came from. */
const source = () => view().getByText(/^Data: /);
/** The view's status line (runs, writes). */
const viewStatus = () => view().getByRole('status').filter({ hasText: /^(Computed in|Results written)/ });

test('in Excel the pane says so and offers Use selection', async () => {
  const host = page.getByRole('status').filter({ hasText: /^Running in Excel/ });
  await host.waitFor();
  expect(await host.textContent()).toBe('Running in Excel (PC). Select a range to analyse.');
  await useSelection().waitFor();
});

test('Use selection reads the region; the bad cell is named by its sheet row', async () => {
  await view().getByRole('img', { name: /^Segments: share of customers/ }).waitFor(); // the sample, first
  await useSelection().click();
  await source().filter({ hasText: 'Sales!A1:C41' }).waitFor();
  expect(await source().textContent()).toContain('40 rows × 3 columns; dates in Order date');
  const box = problemsBox(view());
  await box.waitFor({ state: 'visible' });
  expect(await box.textContent()).toContain('Column "Amount", row 14 is not a number (got "n/a"). Amount must be a number, the purchase value.');
});

test('after fixing the cell, the segments are computed and written to new sheets, never over the user\'s', async () => {
  await page.evaluate(() => {
    (window as unknown as { __book: StubBook }).__book.sheets[0].values[13][2] = 25;
  });
  await useSelection().click();
  await table(view(), /^Coverage:/).waitFor();
  // Recency is counted to the last purchase day: the largest date serial, shown as a date.
  const last = Math.max(...rows.slice(1).map((r) => r[1] as number));
  const lastIso = new Date(Date.UTC(1899, 11, 30) + last * 86_400_000).toISOString().slice(0, 10);
  expect(await view().getByText(`12 customers, 40 transactions; recency in days to ${lastIso}`).count()).toBe(1);
  const write = view().getByRole('button', { name: 'Write to new sheet' });
  await write.click();
  await viewStatus().filter({ hasText: 'CVK Segments' }).waitFor();
  expect(await viewStatus().textContent()).toBe('Results written to the new sheet "CVK Segments".');
  await write.click();
  await viewStatus().filter({ hasText: '(2)' }).waitFor();
  const after = await page.evaluate(() => (window as unknown as { __book: StubBook & { active: string } }).__book);
  expect(after.sheets.map((s) => s.name)).toEqual(['Sales', 'CVK Segments', 'CVK Segments (2)']);
  expect(after.active).toBe('CVK Segments (2)');
  const expectedSales = rows.map((r) => [...r]);
  expectedSales[13][2] = 25;
  expect(after.sheets[0].values).toEqual(expectedSales);
  const written = after.sheets[1];
  expect(written.values[1]).toEqual(['customer', 'recency', 'frequency', 'monetary', 'R', 'F', 'M', 'segment', 'abc', 'cluster']);
  expect(written.values.slice(2, 14).every((r) => typeof r[3] === 'number')).toBe(true);
  expect(written.tables![0]).toBe('CVK Segments!A2:J14');
  expect(written.tables!.length).toBe(5);
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, 'excel-segments.png'), fullPage: true });
});

test('a future-dated row and a customer whose return cancels the purchase are left out and named by sheet row', async () => {
  await page.evaluate(() => {
    const stub = (window as unknown as { __book: StubBook }).__book;
    const sheet = stub.sheets[0];
    // Row 42: C1 again on 2099-01-01 (serial 72686); rows 43–44: R9 buys 15.00 and returns it.
    sheet.values.push(['C1', 72686, 20], ['R9', 45300, 15], ['R9', 45310, -15]);
    sheet.formats!.push(['General', 'yyyy-mm-dd', '#,##0.00'], ['General', 'yyyy-mm-dd', '#,##0.00'], ['General', 'yyyy-mm-dd', '#,##0.00']);
    stub.region.rows = sheet.values.length;
  });
  await useSelection().click();
  const late = view().getByText(/^Column "Order date": 1 row dated after/);
  await late.waitFor();
  expect(await late.textContent()).toMatch(
    /^Column "Order date": 1 row dated after 2024-\d\d-\d\d \(the last date on or before today, \d{4}-\d\d-\d\d\) is left out: row 42 \(2099-01-01\)\.$/,
  );
  expect(await view().getByText(/^Column "Amount": 1 customer whose amounts/).textContent()).toBe(
    'Column "Amount": 1 customer whose amounts net to zero or less (returns) is left out of the RFM scores, segments, ABC classes and k-means: Customer "R9" (net 0.00; rows 43, 44).',
  );
  expect(await view().getByText(/^13 customers, 42 transactions/).count()).toBe(1);
  expect(await table(view(), /^Cluster centroids/).locator('tbody tr').count()).toBe(4);
});

test('no console errors', () => {
  expect(pane.errors).toEqual([]);
});
