/**
 * The pane in Debian's Chromium, the way most browser tests open it: the built `dist/` served on a
 * free loopback port, a page about the width of Excel's task pane, and the page's errors and
 * console errors collected for the tests' closing "no console errors". Standalone by default; with
 * a stub workbook, "in Excel" (office.js answered by the Office stub of office-stub.ts).
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { IN_EXCEL, officeStub, type StubBook } from './office-stub.ts';
import { serveDist } from './static-server.ts';

export interface OpenPane {
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

/** Opens taskpane.html at `viewport` (default 420 × 900): standalone, or in the stub Excel holding `book`. */
export async function openPane(options: { viewport?: { width: number; height: number }; book?: StubBook } = {}): Promise<OpenPane> {
  const { viewport = { width: 420, height: 900 }, book } = options;
  const server = await serveDist();
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  collectErrors(page, errors);
  if (book) await page.route('**/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: officeStub(book) }));
  await page.goto(`${server.url}/taskpane.html${book ? IN_EXCEL : ''}`);
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
