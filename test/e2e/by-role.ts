/**
 * Finding the pane's parts as a screen-reader user meets them: the open view is the tab panel,
 * a chart is an image named by its title first (ui/chart-access.ts), a results table is named by
 * its caption, the problems box is an alert headed by what went wrong.
 */
import type { Locator, Page } from 'playwright-core';

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The open view (the selected tab's panel). */
export function openView(page: Page): Locator {
  return page.getByRole('tabpanel');
}

/** The chart whose accessible name starts with `title`. */
export function chart(scope: Page | Locator, title: string): Locator {
  return scope.getByRole('img', { name: new RegExp(`^${escaped(title)}`) });
}

/** Waits until the chart titled `title` is drawn. */
export async function chartDrawn(scope: Page | Locator, title: string, timeout = 30_000): Promise<void> {
  await chart(scope, title).waitFor({ timeout });
}

/** A results table by its caption (a string matches part of it, as Playwright does). */
export function table(scope: Page | Locator, caption: string | RegExp): Locator {
  return scope.getByRole('table', { name: caption });
}

/** The body rows of the table captioned `caption`. */
export function bodyRows(scope: Page | Locator, caption: string | RegExp): Locator {
  return table(scope, caption).locator('tbody tr');
}

/** Waits until `locator` matches exactly `n` elements. */
export async function countBecomes(locator: Locator, n: number, timeout = 30_000): Promise<void> {
  const end = Date.now() + timeout;
  let count = await locator.count();
  while (count !== n) {
    if (Date.now() > end) throw new Error(`${locator.toString()}: ${count} elements after ${timeout} ms, expected ${n}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    count = await locator.count();
  }
}

/** The view's problems box, found by its heading line. */
export function problemsBox(scope: Page | Locator, heading: string | RegExp = 'Fix the column mapping or options:'): Locator {
  return scope.getByRole('alert').filter({ hasText: heading });
}
