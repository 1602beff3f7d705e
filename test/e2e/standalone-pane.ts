/**
 * The standalone pane (no Excel) in Debian's Chromium, the way most browser tests open it: the
 * built `dist/` served on a free loopback port, a page about the width of Excel's task pane, and
 * the page's errors and console errors collected for the tests' closing "no console errors".
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveDist } from './static-server.ts';

export interface StandalonePane {
  browser: Browser;
  page: Page;
  /** Where `dist/` is served (for further pages such as help.html). */
  url: string;
  /** Uncaught page errors and console errors, in order. */
  errors: string[];
  close(): Promise<void>;
}

/** Collects `page`'s uncaught errors and console errors into `errors`. */
export function collectErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
}

/** Opens taskpane.html standalone at `viewport` (default 420 × 900). */
export async function openStandalonePane(viewport = { width: 420, height: 900 }): Promise<StandalonePane> {
  const server = await serveDist();
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  collectErrors(page, errors);
  await page.goto(`${server.url}/taskpane.html`);
  return {
    browser,
    page,
    url: server.url,
    errors,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
