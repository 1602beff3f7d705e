/**
 * The standalone pane as a keyboard and screen-reader user meets it, at Excel's pane width:
 * elements found by role and label only. Tabs move with the arrow keys and label their panel;
 * focus stays on Run after a run; fields say what is wrong as they are typed; a failed run clears
 * "Computed in"; charts are named by what they show; tables and tabs fit 420 px and 320 px; the
 * tie policy, the CSI beside the index and x, t_x, T are explained.
 * Set E2E_SCREENSHOTS=<folder> to save the 420 px and 320 px screenshots.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
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

async function computed(panelName: string): Promise<void> {
  await page.getByRole('tabpanel', { name: panelName }).getByRole('status').filter({ hasText: /^Computed in/ }).waitFor({ timeout: 30_000 });
}

async function screenshot(name: string): Promise<void> {
  const folder = process.env.E2E_SCREENSHOTS;
  if (folder) await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true });
}

/** Tables wider than their box, and whether every tab sits on the first row. */
async function fit(): Promise<{ overflowing: string[]; tabRows: number }> {
  return page.evaluate(() => {
    const overflowing = Array.from(document.querySelectorAll<HTMLElement>('table.results'))
      .filter((t) => t.scrollWidth > t.clientWidth + 1)
      .map((t) => t.querySelector('caption')?.textContent ?? '(a table without a caption)');
    const tops = new Set(Array.from(document.querySelectorAll('[role="tab"]'), (t) => Math.round(t.getBoundingClientRect().top)));
    return { overflowing, tabRows: tops.size };
  });
}

test('tabs: arrow keys, Home and End move between them; Enter opens one, which labels the panel', async () => {
  await computed('Segments');
  const segments = page.getByRole('tab', { name: 'Segments' });
  expect(await segments.getAttribute('aria-selected')).toBe('true');
  expect(await segments.getAttribute('aria-controls')).toBe(await page.getByRole('tabpanel').getAttribute('id'));
  await segments.focus();
  await page.keyboard.press('ArrowRight');
  await expectFocused('tab', 'Value map');
  await page.keyboard.press('End');
  await expectFocused('tab', 'Satisfaction');
  await page.keyboard.press('ArrowRight');
  await expectFocused('tab', 'Segments');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expectFocused('tab', 'Lifetime value');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await computed('Value map');
  expect(await page.getByRole('tab', { name: 'Value map' }).getAttribute('aria-selected')).toBe('true');
  // Only the selected tab is in the Tab order.
  expect(await page.getByRole('tab', { name: 'Segments' }).getAttribute('tabindex')).toBe('-1');
});

async function expectFocused(role: 'tab' | 'button', name: string): Promise<void> {
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
  expect(focused).toBe(name);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role') ?? document.activeElement?.tagName.toLowerCase())).toBe(role);
}

test('focus stays on Run after a run, and the run is announced', async () => {
  const panel = page.getByRole('tabpanel', { name: 'Value map' });
  await panel.getByRole('button', { name: 'Run' }).focus();
  await page.keyboard.press('Enter');
  await computed('Value map');
  await expectFocused('button', 'Run');
});

test('a field outside its range says so as it is typed, naming the field; a failed run clears "Computed in"', async () => {
  const panel = page.getByRole('tabpanel', { name: 'Value map' });
  const band = panel.getByLabel('Fair band ± (points)');
  await band.fill('150');
  expect(await band.getAttribute('aria-invalid')).toBe('true');
  const message = 'Fair band ± (points) must be a number from 0 to 100 (it is 150).';
  await panel.getByText(message).waitFor();
  // The message is the field's description, read with it.
  const described = await band.evaluate((input) => document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent);
  expect(described).toBe(message);
  await panel.getByRole('button', { name: 'Run' }).click();
  await panel.getByRole('alert').filter({ hasText: message }).waitFor();
  expect(await panel.getByRole('status').filter({ hasText: /Computed in/ }).count()).toBe(0);
  await band.fill('3');
  expect(await band.getAttribute('aria-invalid')).toBeNull();
  await panel.getByRole('button', { name: 'Run' }).click();
  await computed('Value map');
});

test('Segments: the RFM heatmap is named by what it shows, the chart menu is named, the tie policy is explained with its effect', async () => {
  await page.getByRole('tab', { name: 'Segments' }).click();
  await computed('Segments');
  const panel = page.getByRole('tabpanel', { name: 'Segments' });
  const heatmap = panel.getByRole('img', { name: /^Customers \(number\), mean spend \(colour\)\. Heatmap: Frequency score \(F\) across, Recency score \(R\) up, Colour: mean spend per customer; 25 data points\.$/ });
  expect(await heatmap.count()).toBe(1);
  // No tick dumps: every chart's name is short.
  for (const name of await panel.getByRole('img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('aria-label') ?? ''))) {
    expect(name.length).toBeLessThan(260);
  }
  // vega-embed's menu is a disclosure (details/summary), named for what it saves.
  expect(await panel.getByLabel('Chart menu for "Customers (number), mean spend (colour)": save as an image').count()).toBe(1);
  const shares = panel.getByRole('table', { name: 'Share of customers per segment under each tie policy (same customers, same rules)' });
  expect(await shares.getByRole('row').count()).toBe(12); // header, ten named segments, Others
  expect(await panel.getByText(/Here the largest effect is on Lost: 13\.7% with quantile breaks and 58\.8% with distinct values\./).count()).toBe(1);
  const date = panel.getByLabel('Recency as of');
  await date.fill('1998-02-31');
  await panel.getByText('Recency as of must be a date such as 1997-09-30 (it is "1998-02-31"); leave it blank for the last purchase day up to today.').waitFor();
  await date.fill('');
  expect(await date.getAttribute('aria-invalid')).toBeNull();
});

// Every view: the top customers' "CLV 95% interval" (a label and two numbers) once overflowed its card.
test('at 420 px and 320 px no results table is wider than the pane and the tabs are on one row', async () => {
  const views = [['Segments', 'segments'], ['Value map', 'value-map'], ['Lifetime value', 'lifetime'], ['Satisfaction', 'satisfaction']] as const;
  for (const [tab, shot] of views) {
    await page.setViewportSize({ width: 420, height: 900 });
    await page.getByRole('tab', { name: tab }).click();
    await computed(tab);
    await page.waitForTimeout(200); // one resize-observer round
    expect(await fit()).toEqual({ overflowing: [], tabRows: 1 });
    await screenshot(`${shot}-420`);
    await page.setViewportSize({ width: 320, height: 900 });
    await page.waitForTimeout(200);
    expect(await fit()).toEqual({ overflowing: [], tabRows: 1 });
    await screenshot(`${shot}-320`);
  }
  await page.setViewportSize({ width: 420, height: 900 });
});

test('Lifetime value: x, t_x and T are explained under the top customers', async () => {
  await page.getByRole('tab', { name: 'Lifetime value' }).click();
  await computed('Lifetime value');
  const help = page.getByRole('tabpanel', { name: 'Lifetime value' }).getByLabel('What the columns mean');
  const text = (await help.textContent()) ?? '';
  expect(text).toContain('xrepeat purchases');
  expect(text).toContain('t_xrecency: time from the first purchase to the last one');
  expect(text).toContain('Tage: time from the first purchase to the calibration end');
});

test('Satisfaction: why the CSI and the index differ, and the two R²; a reversed scale is one message', async () => {
  await page.getByRole('tab', { name: 'Satisfaction' }).click();
  await computed('Satisfaction');
  const panel = page.getByRole('tabpanel', { name: 'Satisfaction' });
  expect(await panel.getByText(/^Why CSI \(Satisfaction\) \d+\.\d and the Satisfaction index \d+\.\d differ:/).count()).toBe(1);
  expect(await panel.getByText(/^Why key-driver R² \d\.\d\d and Satisfaction R² \d\.\d{3} in the model differ:/).count()).toBe(1);
  // Every construct field is named by its item.
  expect(await panel.getByRole('combobox', { name: 'Construct of item SAT1 (blank: not used)' }).inputValue()).toBe('Satisfaction');
  await panel.getByLabel('Scale from').fill('10');
  await panel.getByLabel('Scale to').fill('1');
  await panel.getByText('Scale to must be larger than Scale from (the scale is 10 to 1).').waitFor();
  await panel.getByRole('button', { name: 'Run' }).click();
  const problems = panel.getByRole('alert').filter({ hasText: 'Fix the column mapping or options:' });
  await problems.waitFor();
  expect(await problems.getByRole('listitem').allTextContents()).toEqual(['The scale must run from a smaller to a larger number (it is 10–1).']);
  await panel.getByLabel('Scale from').fill('1');
  await panel.getByLabel('Scale to').fill('10');
  await panel.getByRole('button', { name: 'Run' }).click();
  await computed('Satisfaction');
});

test('the help page explains each view, the column roles, the samples and the limits', async () => {
  const help = await pane.browser.newPage();
  await help.goto(`${pane.url}/help.html`);
  for (const heading of ['Column roles', 'The views', 'Sample data', 'Limits', 'Keyboard and screen readers']) {
    expect(await help.getByRole('heading', { name: heading }).count()).toBe(1);
  }
  for (const view of ['Segments', 'Value map', 'Lifetime value', 'Satisfaction']) {
    expect(await help.getByRole('term').filter({ hasText: new RegExp(`^${view}$`) }).count()).toBe(1);
  }
  expect(await help.getByRole('row', { name: /Horizon \(months\) whole number 1–120/ }).count()).toBe(1);
  await help.close();
});

test('no console errors', () => {
  expect(pane.errors).toEqual([]);
});
