/**
 * Views kept while another tab is shown: switching back puts the same page back (controls,
 * results, charts) instead of drawing the view again and re-running its analysis. A view is
 * drawn afresh only when its data changed since it was put away.
 */
import type { DataSource } from './data-source.ts';

export interface KeptViews {
  /** Moves the view's page out of `body` (which is left empty). */
  putAway(view: string, data: DataSource, body: HTMLElement): void;
  /** Moves the view's page back into `body`; false when there is none for this data. */
  bringBack(view: string, data: DataSource, body: HTMLElement): boolean;
}

export function keptViews(): KeptViews {
  const kept = new Map<string, { data: DataSource; nodes: Node[]; attributes: [string, string][] }>();
  return {
    putAway(view, data, body) {
      const attributes = ['aria-busy'].flatMap((name) => (body.hasAttribute(name) ? [[name, body.getAttribute(name)!] as [string, string]] : []));
      kept.set(view, { data, nodes: Array.from(body.childNodes), attributes });
      attributes.forEach(([name]) => body.removeAttribute(name));
      body.replaceChildren();
    },
    bringBack(view, data, body) {
      const page = kept.get(view);
      kept.delete(view);
      if (!page || page.data !== data) return false;
      body.replaceChildren(...page.nodes);
      page.attributes.forEach(([name, value]) => body.setAttribute(name, value));
      return true;
    },
  };
}
