/**
 * Tables and charts that fit the pane (320–450 px in Excel). A results table is compact and wraps
 * its cells; when it is still wider than the pane it switches to a stacked layout (one card per
 * row, each cell labelled with its column), and back when the pane grows again. In a card, a cell
 * too wide for its half of the card (a label and an interval, say) takes the card's whole width,
 * and its value goes below its label when even that is too narrow. A chart wider
 * than the pane scrolls, and then takes keyboard focus so that keyboard users can scroll it too.
 */

const observer = typeof ResizeObserver === 'function' ? new ResizeObserver((entries) => entries.forEach((e) => refit(e.target as HTMLElement))) : null;

/**
 * Tables and charts that left the page while observed. A view put away while another tab is
 * shown (app/kept-views.ts) comes back with the same elements, at whatever width the pane has
 * then: they are observed again when they return. Held weakly, so that results thrown away are
 * not kept alive (a ResizeObserver keeps its targets alive until they are unobserved).
 */
const parked = new Set<WeakRef<HTMLElement>>();
const returns = typeof MutationObserver === 'function' ? new MutationObserver(observeReturned) : null;

function park(element: HTMLElement): void {
  observer?.unobserve(element);
  if (parked.size === 0) returns?.observe(document.body, { childList: true, subtree: true });
  parked.add(new WeakRef(element));
}

function observeReturned(): void {
  for (const ref of parked) {
    const element = ref.deref();
    if (element?.isConnected) observer?.observe(element);
    if (!element || element.isConnected) parked.delete(ref);
  }
  if (parked.size === 0) returns?.disconnect();
}

function overflows(element: HTMLElement): boolean {
  return element.scrollWidth > element.clientWidth + 1;
}

/** Stacked cards: cells whose label and value do not fit their grid track span the whole card. */
function spanWideCells(table: HTMLTableElement): void {
  const cells = Array.from(table.tBodies[0]?.rows ?? [], (row) => Array.from(row.cells)).flat();
  cells.forEach((cell) => cell.classList.remove('full'));
  // Measure every cell first, then change them: one layout, not one per cell.
  const wide = table.classList.contains('stacked') ? cells.filter(overflows) : [];
  wide.forEach((cell) => cell.classList.add('full'));
}

function refit(element: HTMLElement): void {
  if (!element.isConnected) {
    park(element);
    return;
  }
  if (element instanceof HTMLTableElement) {
    if (!element.classList.contains('stacked')) {
      if (overflows(element)) {
        element.dataset.naturalWidth = String(element.scrollWidth);
        element.classList.add('stacked');
        spanWideCells(element);
      }
    } else if (element.clientWidth >= Number(element.dataset.naturalWidth ?? Infinity)) {
      element.classList.remove('stacked');
      spanWideCells(element);
      refit(element);
    } else {
      spanWideCells(element);
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
