/**
 * The pane in Excel (office-stub.ts): a write to a new sheet that fails at each sync in turn
 * leaves the workbook as it was and says so (or, when only the finishing step failed, keeps the
 * complete sheet); a retry leaves one result sheet. Options are saved in the document's
 * settings and come back when the workbook is opened again.
 */
import type { Page } from 'playwright-core';
import { chartDrawn, openView, problemsBox, table } from './by-role.ts';
import { officeStub, type StubBook } from './office-stub.ts';
import { openPane, type OpenPane } from './open-pane.ts';

let pane: OpenPane;
let page: Page;
type Stubbed = { __book: StubBook; __syncs: number; __failSyncs: number[] };

const book: StubBook = {
  sheets: [{ name: 'Sales', values: [['Customer', 'Date', 'Amount']] }],
  selection: { row: 0, column: 0, rows: 1, columns: 1 },
  region: { row: 0, column: 0, rows: 1, columns: 3 },
};
let served = book;

beforeAll(async () => {
  // office.js is made at each load: reopening the workbook serves what `served` holds then.
  pane = await openPane({ officeScript: () => officeStub(served) });
  page = pane.page;
  await chartDrawn(page, 'Segments: share of customers and of value');
});

afterAll(async () => {
  await pane?.close();
});

const sheetNames = () => page.evaluate(() => (window as unknown as Stubbed).__book.sheets.map((s) => s.name));

const view = () => openView(page);
const written = () => view().getByRole('status').filter({ hasText: /^Results written/ });
const failed = () => problemsBox(view(), /^Writing the sheet failed:/);

async function write(): Promise<{ status: string; problem: string }> {
  // Clear what the last write said, so that its answer is not read as this one's.
  await view().getByRole('status').filter({ hasText: /^(Computed in|Results written)/ }).evaluateAll((lines) => lines.forEach((line) => (line.textContent = '')));
  await failed().evaluateAll((boxes) => boxes.forEach((box) => ((box as HTMLElement).hidden = true)));
  await view().getByRole('button', { name: 'Write to new sheet' }).click();
  await written().or(failed()).first().waitFor();
  return {
    status: (await written().count()) > 0 ? ((await written().textContent()) ?? '') : '',
    problem: (await failed().count()) > 0 ? ((await failed().textContent()) ?? '') : '',
  };
}

test('a write failing at each sync in turn: removed and said so, or complete; a retry leaves one sheet', async () => {
  const before = await page.evaluate(() => (window as unknown as Stubbed).__syncs);
  expect((await write()).status).toBe('Results written to the new sheet "CVK Segments".');
  const syncs = (await page.evaluate(() => (window as unknown as Stubbed).__syncs)) - before;
  const complete = await page.evaluate(() => JSON.stringify((window as unknown as Stubbed).__book.sheets[1]));
  expect(syncs).toBeGreaterThan(5);
  const removeResultSheet = () => page.evaluate(() => void (window as unknown as Stubbed).__book.sheets.splice(1));
  await removeResultSheet();
  for (let k = 1; k <= syncs; k++) {
    await page.evaluate((n) => {
      const w = window as unknown as Stubbed;
      w.__failSyncs = [w.__syncs + n];
    }, k);
    const outcome = await write();
    if (k < syncs) {
      expect(outcome.problem).toContain(`InvalidOperation: sync`);
      expect(outcome.problem).toMatch(k === 1 ? /Nothing was added to the workbook\.$/ : /The incomplete sheet "CVK Segments" was removed; the workbook is as it was\.$/);
      expect(outcome.problem).not.toContain('Something went wrong');
      expect(await sheetNames()).toEqual(['Sales']);
    } else {
      expect(outcome.status).toMatch(/^Results written to the new sheet "CVK Segments"\. All results were written; sizing the columns or switching to the sheet failed \(InvalidOperation: sync \d+ failed\)\.$/);
      expect(await page.evaluate(() => JSON.stringify((window as unknown as Stubbed).__book.sheets[1].values))).toBe(JSON.stringify(JSON.parse(complete).values));
      await removeResultSheet();
    }
    const retry = await write();
    expect(retry.status).toBe('Results written to the new sheet "CVK Segments".');
    expect(retry.problem).toBe('');
    expect(await sheetNames()).toEqual(['Sales', 'CVK Segments']);
    expect(await page.evaluate(() => JSON.stringify((window as unknown as Stubbed).__book.sheets[1]))).toBe(complete);
    await removeResultSheet();
  }
}, 180_000);

test('options and mappings are saved in the workbook and come back when it is opened again', async () => {
  const k = () => view().getByRole('spinbutton', { name: 'k-means clusters (k)' });
  const ties = () => view().getByRole('combobox', { name: 'Ties' });
  await k().fill('6');
  await ties().selectOption('dense');
  const settings = await page.evaluate(() => (window as unknown as Stubbed).__book.settings);
  expect(settings).toBeDefined();
  // The same workbook opened again: a new page load with the saved document settings.
  served = { ...book, settings };
  await page.reload();
  await chartDrawn(view(), 'Cluster profiles');
  expect(await k().inputValue()).toBe('6');
  expect(await ties().inputValue()).toBe('dense');
  expect(await table(view(), /^Cluster centroids/).locator('tbody tr').count()).toBe(6);
  expect(await view().getByText(/^Tie policy \(/).textContent()).toContain('(dense)');
  // A workbook without them opens with the defaults.
  served = book;
  await page.reload();
  await chartDrawn(view(), 'Cluster profiles');
  expect(await k().inputValue()).toBe('4');
});

test('no console errors', () => {
  expect(pane.errors).toEqual([]);
});
