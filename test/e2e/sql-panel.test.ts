/**
 * "Get the SQL" in the standalone pane: the Segments and Lifetime value views each have the
 * fold-out; the query carries the mapped columns and the table typed in, follows the engine
 * picker, and says what is missing (the calibration end) in words.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveDist } from './static-server.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}/taskpane.html`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const query = () => page.getByRole('textbox', { name: 'Summary query' });

test('Segments: the RFM query for the mapped columns, for the engine and table chosen', async () => {
  await page.getByText('Get the SQL').click();
  await query().waitFor({ state: 'visible' });
  expect(await query().inputValue()).toContain('FROM "transactions"');
  expect(await query().inputValue()).toContain('AS "recency"');
  await page.getByRole('combobox', { name: 'Engine' }).selectOption('bigquery');
  await page.getByRole('textbox', { name: 'Table', exact: true }).fill('shop.orders');
  const sql = await query().inputValue();
  expect(sql).toContain('FROM `shop`.`orders`');
  expect(sql).toContain('DATE_DIFF(');
  expect(errors).toEqual([]);
});

test('Lifetime value: asks for the calibration end, then gives the customer summary query', async () => {
  await page.getByRole('tab', { name: 'Lifetime value' }).click();
  await page.getByText('Get the SQL').click();
  const problem = page.getByRole('status').filter({ hasText: /^Type the calibration end above/ });
  await problem.waitFor({ state: 'visible' });
  expect(await problem.textContent()).toBe('Type the calibration end above (yyyy-mm-dd): the query counts purchases up to it.');
  await page.getByRole('textbox', { name: 'Calibration end' }).fill('1997-09-30');
  const sql = await query().inputValue();
  expect(sql).toContain("DATE '1997-09-30'");
  expect(sql).toContain('AS "monetary"');
  expect(await problem.isHidden()).toBe(true);
  expect(errors).toEqual([]);
});
