/**
 * Issue 13, on the samples (standalone pane): every view's "Computed in" figure runs to the last
 * chart drawn (no chart of the run appears after the figure), and the Satisfaction view's loyalty
 * and comments panels are computed in the analysis worker (the pane posts their runs to it), a new
 * choice of comment columns too, with progress.
 */
import type { Page } from 'playwright-core';
import { chartDrawn, openView } from './by-role.ts';
import { openPane, type OpenPane } from './open-pane.ts';

let pane: OpenPane;
let page: Page;

interface Watch {
  /** Analyses the pane asked the worker to run, in order. */
  runs: string[];
  /** When each chart's drawing appeared (ms since navigation), by test id. */
  charts: { id: string; at: number }[];
  /** When the status became "Computed in …". */
  computed: number[];
}

beforeAll(async () => {
  // Watches the page from before the pane loads: the worker runs, chart drawings and "Computed in".
  pane = await openPane({
    beforeLoad: (loading) =>
      loading.addInitScript(() => {
        const watch: Watch = { runs: [], charts: [], computed: [] };
        (window as unknown as { __watch: Watch }).__watch = watch;
        const post = Worker.prototype.postMessage;
        Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
          const m = message as { type?: string; name?: string };
          if (m?.type === 'run' && typeof m.name === 'string') watch.runs.push(m.name);
          return (post as (...a: unknown[]) => void).call(this, message, ...rest);
        } as typeof Worker.prototype.postMessage;
        const seen = new WeakSet<Element>();
        new MutationObserver(() => {
          const at = performance.now();
          for (const svg of document.querySelectorAll('.chart svg.marks')) {
            if (seen.has(svg)) continue;
            seen.add(svg);
            watch.charts.push({ id: svg.closest('[data-testid]')?.getAttribute('data-testid') ?? '?', at });
          }
          const status = document.querySelector('[data-testid="view-status"]');
          if (status?.textContent?.startsWith('Computed in') && !status.hasAttribute('data-seen')) {
            status.setAttribute('data-seen', '');
            watch.computed.push(at);
          }
        }).observe(document, { subtree: true, childList: true, characterData: true });
      }),
  });
  page = pane.page;
});

afterAll(async () => {
  await pane?.close();
});

const watch = () => page.evaluate(() => (window as unknown as { __watch: Watch }).__watch);

async function runView(tab: string): Promise<{ charts: { id: string; at: number }[]; computedAt: number }> {
  if (tab !== 'Segments') await page.getByRole('tab', { name: tab }).click();
  await openView(page).locator('[data-testid="view-status"][data-seen]').waitFor({ timeout: 60_000 });
  // Start afresh: Run again, and watch this run only.
  const before = await page.evaluate(() => performance.now());
  await page.evaluate(() => document.querySelector('[data-testid="view-status"]')?.removeAttribute('data-seen'));
  await page.getByRole('button', { name: 'Run' }).click();
  await openView(page).locator('[data-testid="view-status"][data-seen]').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(300); // anything drawn late would show up here
  const w = await watch();
  return { charts: w.charts.filter((c) => c.at >= before), computedAt: w.computed.filter((t) => t >= before).at(-1)! };
}

test.each(['Segments', 'Value map', 'Lifetime value', 'Satisfaction'])('%s: "Computed in" is shown once the last chart is drawn', async (tab) => {
  const { charts, computedAt } = await runView(tab);
  expect(charts.length).toBeGreaterThan(0);
  const last = Math.max(...charts.map((c) => c.at));
  expect(last).toBeLessThanOrEqual(computedAt);
  // Every chart on the page now was drawn by this run, before the figure.
  const drawn = await openView(page).locator('.chart svg.marks').count();
  expect(charts.length).toBe(drawn);
}, 120_000);

test('Satisfaction: the loyalty and comments panels are computed in the worker, a new choice of columns too', async () => {
  // The Satisfaction tab is open from the test before; its run posted the panels' analyses.
  const runs = (await watch()).runs;
  expect(runs).toEqual(expect.arrayContaining(['satisfaction', 'satisfactionLoyalty', 'commentsStart']));
  await chartDrawn(page, 'Satisfaction and loyalty');
  const panel = page.getByRole('region', { name: 'Comments' });
  await expect(panel.getByRole('table').first().isVisible()).resolves.toBe(true);
  const count = runs.length;
  const groups = panel.getByLabel('Groups from');
  const options = await groups.locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
  const other = options.find((v) => v !== (options.includes('recommend') ? 'recommend' : options[0]) && /^SAT|^LOY|recommend/i.test(v)) ?? options[1];
  await groups.selectOption(other);
  await page.waitForFunction((n) => (window as unknown as { __watch: Watch }).__watch.runs.length > n, count);
  expect((await watch()).runs.slice(count)).toEqual(['commentTerms']);
  await page.waitForFunction(() => !document.querySelector('[data-testid="comments-panel"] [data-testid="busy"]'));
  expect(await panel.locator('table, .note, .problems').count()).toBeGreaterThan(0);
}, 120_000);

test('no console errors', () => {
  expect(pane.errors).toEqual([]);
});
