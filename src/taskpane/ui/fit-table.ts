/**
 * Tables and charts that fit the pane (320–450 px in Excel). A results table is compact and wraps
 * its cells; when it is still wider than the pane it switches to a stacked layout (one card per
 * row, each cell labelled with its column), and back when the pane grows again. A chart wider
 * than the pane scrolls, and then takes keyboard focus so that keyboard users can scroll it too.
 */

const observer = typeof ResizeObserver === 'function' ? new ResizeObserver((entries) => entries.forEach((e) => refit(e.target as HTMLElement))) : null;

function overflows(element: HTMLElement): boolean {
  return element.scrollWidth > element.clientWidth + 1;
}

function refit(element: HTMLElement): void {
  if (!element.isConnected) {
    observer?.unobserve(element);
    return;
  }
  if (element instanceof HTMLTableElement) {
    if (!element.classList.contains('stacked')) {
      if (overflows(element)) {
        element.dataset.naturalWidth = String(element.scrollWidth);
        element.classList.add('stacked');
      }
    } else if (element.clientWidth >= Number(element.dataset.naturalWidth ?? Infinity)) {
      element.classList.remove('stacked');
      refit(element);
    }
    return;
  }
  if (overflows(element)) element.tabIndex = 0;
  else element.removeAttribute('tabindex');
}

/** Labels each body cell with its column header (shown in the stacked layout) and watches the width. */
export function fitTable(table: HTMLTableElement): HTMLTableElement {
  const labels = Array.from(table.tHead?.rows[0]?.cells ?? [], (cell) => cell.textContent ?? '');
  for (const row of Array.from(table.tBodies[0]?.rows ?? [])) {
    Array.from(row.cells).forEach((cell, j) => cell.setAttribute('data-label', labels[j] ?? ''));
  }
  observer?.observe(table);
  return table;
}

/** A chart holder: focusable while it scrolls sideways. */
export function fitChart(holder: HTMLElement): void {
  observer?.observe(holder);
}
