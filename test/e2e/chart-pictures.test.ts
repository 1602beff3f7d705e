/**
 * Charts into the workbook, in the pane's Excel mode (office.js replaced by the in-memory
 * workbook of office-stub.ts): each chart offers "Insert into workbook"; before any result was
 * written the picture goes on the active sheet, right of its data; after "Write to new sheet" it
 * goes on that sheet beside the result tables, each further picture below the last.
 */
import type { Page } from 'playwright-core';
import { STUB_CELL, type StubBook, type StubShape } from './office-stub.ts';
import { openPane, type OpenPane } from './open-pane.ts';

let pane: OpenPane;
let page: Page;

// The user's sheet: 3 columns of purchases.
const rows: unknown[][] = [['Customer', 'Order date', 'Amount']];
for (let i = 0; i < 40; i++) rows.push([`C${(i * 7) % 12}`, 45292 + ((i * 37) % 120), 10 + ((i * 13) % 50)]);
const book: StubBook = {
  sheets: [{ name: 'Sales', values: rows }],
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

function shapes(sheet: string): Promise<StubShape[]> {
  return page.evaluate((name) => (window as unknown as { __book: StubBook }).__book.sheets.find((s) => s.name === name)?.shapes ?? [], sheet);
}

async function computed(): Promise<void> {
  await page.getByRole('tabpanel', { name: 'Value map' }).getByRole('status').filter({ hasText: /^Computed in/ }).waitFor({ timeout: 30_000 });
}

test('before any result is written, a chart goes on the active sheet right of its data, as a PNG', async () => {
  await page.getByRole('tab', { name: 'Value map' }).click();
  await computed();
  const panel = page.getByRole('tabpanel', { name: 'Value map' });
  await panel.getByRole('button', { name: 'Insert "Customer value map" into the workbook as a picture' }).click();
  await panel.getByRole('status').filter({ hasText: 'Inserted on sheet "Sales" at E1.' }).waitFor();
  const [picture] = await shapes('Sales');
  // PNG's signature, base64: 89 50 4E 47 → "iVBORw0KGgo".
  expect(picture.image.startsWith('iVBORw0KGgo')).toBe(true);
  expect(picture.name).toBe('Customer value map');
  expect(picture.altTextTitle).toBe('Customer value map');
  // Three data columns, one gap column: the picture starts at column E.
  expect({ left: picture.left, top: picture.top }).toEqual({ left: 4 * STUB_CELL.width, top: 0 });
  // The user's cells are untouched.
  expect(await page.evaluate(() => (window as unknown as { __book: StubBook }).__book.sheets[0].values.length)).toBe(41);
});

// The written sheet leaves rows out between blocks; the stub's used range once came out NaN columns
// wide over those holes (the picture landed "at 1.").
test('after "Write to new sheet" the charts go beside the result tables, one below the other', async () => {
  const panel = page.getByRole('tabpanel', { name: 'Value map' });
  await panel.getByRole('button', { name: 'Write to new sheet' }).click();
  await panel.getByRole('status').filter({ hasText: 'Results written to the new sheet "CVK Value map".' }).waitFor();
  const insert = panel.getByRole('button', { name: 'Insert "Customer value map" into the workbook as a picture' });
  await insert.click();
  await panel.getByRole('status').filter({ hasText: /^Inserted on sheet "CVK Value map" at [A-Z]+1\.$/ }).waitFor();
  // Focus stays on the button for a second picture.
  expect(await insert.evaluate((b) => b === document.activeElement)).toBe(true);
  await insert.click();
  await page.waitForFunction(() => ((window as unknown as { __book: StubBook }).__book.sheets.find((s) => s.name === 'CVK Value map')?.shapes ?? []).length === 2);
  const [first, second] = await shapes('CVK Value map');
  const columns = await page.evaluate(() => Math.max(...Array.from((window as unknown as { __book: StubBook }).__book.sheets.find((s) => s.name === 'CVK Value map')!.values, (r) => r?.length ?? 0)));
  expect(columns).toBeGreaterThan(0);
  expect(first.left).toBe((columns + 1) * STUB_CELL.width);
  expect(second.left).toBe(first.left);
  expect(second.top).toBe(first.top + first.height + 12);
});

test('the value map as a native Excel chart on the results sheet: one series per offer and the fair-value line, on the written cells', async () => {
  const panel = page.getByRole('tabpanel', { name: 'Value map' });
  // The chart is built on the written table: write the results first (a second write, after the
  // test before, goes to "CVK Value map (2)").
  await panel.getByRole('button', { name: 'Write to new sheet' }).click();
  const written = panel.getByRole('status').filter({ hasText: /^Results written to the new sheet "CVK Value map( \(\d+\))?"\.$/ });
  await written.waitFor();
  const sheet = /"(.+)"/.exec((await written.textContent()) ?? '')![1];
  await panel.getByRole('button', { name: 'Insert as an Excel chart' }).click();
  await panel.getByRole('status').filter({ hasText: `Excel chart inserted on sheet "${sheet}".` }).waitFor();
  const [chart] = await page.evaluate((name) => (window as unknown as { __book: StubBook }).__book.sheets.find((s) => s.name === name)?.charts ?? [], sheet);
  expect({ type: chart.type, title: chart.title, x: chart.xTitle, y: chart.yTitle }).toEqual({ type: 'XYScatter', title: 'Customer value map', x: 'Relative quality', y: 'Relative price' });
  // Gale's five cars, each its own point on its own row of the written table (header on row 2),
  // then the fair-value line through the fair prices of all five.
  const offers = chart.series.slice(0, 5);
  expect(offers[0].name).toBe('Ours');
  offers.forEach((s, i) => {
    expect(s.x).toBe(`${sheet}!B${3 + i}`);
    expect(s.y).toBe(`${sheet}!C${3 + i}`);
  });
  expect(chart.series[5]).toEqual({ name: 'Fair-value line', chartType: 'XYScatterLinesNoMarkers', x: `${sheet}!B3:B7`, y: `${sheet}!D3:D7` });
});

test('no console errors', () => {
  expect(pane.errors).toEqual([]);
});
