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

export interface OpenPaneOptions {
  /** The page's size (default 420 × 900, about Excel's task pane). */
  viewport?: { width: number; height: number };
  /** Opens the pane in the stub Excel holding this workbook. */
  book?: StubBook;
  /** Opens the pane in Excel with this office.js, made at each load (a workbook that changes between loads, or the stub with extras). */
  officeScript?: () => string;
  /** Runs before the pane loads, e.g. to add an init script that watches the page. */
  beforeLoad?: (page: Page) => Promise<unknown>;
}

/** Opens taskpane.html: standalone, or in the stub Excel (`book` or `officeScript`). */
export async function openPane(options: OpenPaneOptions = {}): Promise<OpenPane> {
  const { viewport = { width: 420, height: 900 }, book, beforeLoad } = options;
  const officeScript = options.officeScript ?? (book ? () => officeStub(book) : undefined);
  const server = await serveDist();
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  collectErrors(page, errors);
  if (officeScript) await page.route('**/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: officeScript() }));
  await beforeLoad?.(page);
  await page.goto(`${server.url}/taskpane.html${officeScript ? IN_EXCEL : ''}`);
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
