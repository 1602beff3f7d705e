/**
 * Tabs as screen readers and keyboards expect them (WAI-ARIA Authoring Practices, tabs pattern):
 * each tab controls the one view panel, which is labelled by the selected tab; only the selected
 * tab is in the Tab order; Left/Right arrows move between tabs (wrapping), Home/End go to the
 * first/last, Enter or Space opens one. Opening is manual, not on arrow: a view computes when it
 * opens, which takes up to a second or two on large data. In a pane narrower than 340 px a long
 * title shows its first word only (the tab keeps its full name for screen readers), so that the
 * tabs stay on one row.
 */

/** Titles longer than this shorten to their first word in the narrowest panes. */
const LONG_TITLE = 12;

function shortenable(tab: HTMLButtonElement): void {
  const title = tab.textContent ?? '';
  const space = title.indexOf(' ');
  if (title.length <= LONG_TITLE || space < 0) return;
  tab.setAttribute('aria-label', title);
  tab.textContent = title.slice(0, space);
  const rest = document.createElement('span');
  rest.className = 'tab-more';
  rest.textContent = title.slice(space);
  tab.appendChild(rest);
}
export function wireTabs(tabs: readonly HTMLButtonElement[], panel: HTMLElement, ids: readonly string[]): { select: (index: number) => void } {
  const panelId = panel.id || 'cvk-view-panel';
  panel.id = panelId;
  panel.setAttribute('role', 'tabpanel');
  tabs.forEach((tab, i) => {
    tab.id = `cvk-tab-${ids[i]}`;
    tab.setAttribute('aria-controls', panelId);
    shortenable(tab);
    tab.addEventListener('keydown', (event) => {
      const last = tabs.length - 1;
      const target =
        event.key === 'ArrowRight' ? (i === last ? 0 : i + 1)
        : event.key === 'ArrowLeft' ? (i === 0 ? last : i - 1)
        : event.key === 'Home' ? 0
        : event.key === 'End' ? last
        : null;
      if (target === null) return;
      event.preventDefault();
      tabs[target].focus();
    });
  });
  return {
    select(index: number) {
      tabs.forEach((tab, i) => {
        tab.setAttribute('aria-selected', String(i === index));
        tab.tabIndex = i === index ? 0 : -1;
      });
      panel.setAttribute('aria-labelledby', tabs[index].id);
    },
  };
}
