/**
 * An automated accessibility check (axe-core, WCAG 2.x A and AA rules plus best practices) on
 * every view of the standalone pane at Excel's pane width, after its results are shown. No
 * serious or critical violation is allowed; the elements are found by role and name, as a screen
 * reader would find them. Set AXE_REPORT=1 to print every violation (any impact) per view.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveDist } from './static-server.ts';

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  nodes: { target: string[] }[];
}

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;
let page: Page;
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

beforeAll(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  // axe-core is injected as an inline script, which the pane's CSP forbids (as it should): this
  // page alone bypasses the CSP; pane-start.test.ts checks every view under it.
  page = await browser.newPage({ viewport: { width: 420, height: 900 }, bypassCSP: true });
  await page.goto(`${server.url}/taskpane.html`);
  await page.addScriptTag({ content: axeSource });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function violations(): Promise<AxeViolation[]> {
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

function summary(found: AxeViolation[]): string[] {
  return found.map((v) => `${v.impact} ${v.id} ×${v.nodes.length}`);
}

const VIEWS: { tab: string }[] = [{ tab: 'Segments' }, { tab: 'Value map' }, { tab: 'Lifetime value' }, { tab: 'Satisfaction' }];

test.each(VIEWS)('$tab: no serious or critical axe-core violations once its results are shown', async ({ tab }) => {
  await page.getByRole('tab', { name: tab }).click();
  const panel = page.getByRole('tabpanel', { name: tab });
  // The status line says how long the run took once every chart and table is shown.
  await panel.getByRole('status').filter({ hasText: /^Computed in/ }).waitFor({ timeout: 30_000 });
  expect(await panel.getByRole('img').count()).toBeGreaterThan(0);
  const found = await violations();
  if (process.env.AXE_REPORT) console.log(tab, summary(found));
  expect(summary(found.filter((v) => v.impact === 'serious' || v.impact === 'critical'))).toEqual([]);
});
