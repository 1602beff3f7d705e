/**
 * Display helpers for the Deno-kernel notebooks: charts, tables, markdown with computed numbers.
 *
 * This module is notebook-only (it uses the `Deno.jupyter` display protocol), so it lives here
 * and not in `src/core`. Charts and tables are plain values built by the core; these helpers
 * only turn them into Jupyter media bundles.
 *
 * - `chart(spec)` shows a Vega-Lite spec as `application/vnd.vegalite.v5+json` (interactive in
 *   JupyterLab and VS Code) plus a static SVG rendered here with vega, for outputs that cannot
 *   run Vega-Lite, such as the HTML reports of `npm run notebooks`.
 * - `table(rows)` shows an Arquero table, an array of row objects or a record as an HTML table.
 * - `md` is a markdown template tag; `num`/`pct`/`usd` format numbers for prose.
 * - `show(...)` displays several values from one cell; `rows<T>(table)` types a table's rows.
 */
/// <reference lib="deno.ns" />
/// <reference lib="deno.unstable" />
// (Deno also reads the root tsconfig.json, whose libs are DOM ones: name Deno's explicitly;
// `Deno.jupyter` is typed in deno.unstable)
import * as aq from 'arquero';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * The MIME type front ends render Vega-Lite with. JupyterLab 4's vega extension and VS Code's
 * notebook renderers register the v5 type (none registers v6 yet); a v6 spec renders there
 * because v6 only removed deprecated syntax the core's chart builders do not use.
 */
export const VEGALITE_MIME = 'application/vnd.vegalite.v5+json';

/**
 * The static fallback goes in `image/svg+xml`, not `text/html`: JupyterLab ranks HTML (50)
 * above its Vega renderer (57) and would show the static picture instead of the live chart,
 * whereas SVG ranks 80. nbconvert (6.5) strips the inside of `image/svg+xml` in its HTML export,
 * so scripts/notebooks.mjs moves the SVG to `text/html` in the copy it exports reports from.
 */
export const FALLBACK_MIME = 'image/svg+xml';

/** The symbol the Deno kernel looks for on a value to display it (`Deno.jupyter.$display`). */
const $display = Symbol.for('Jupyter.display');

/** A value the Deno kernel displays with the media bundle its method returns. */
export interface Displayable {
  [$display]: () => Record<string, unknown> | Promise<Record<string, unknown>>;
}

function displayable(bundle: () => Record<string, unknown> | Promise<Record<string, unknown>>): Displayable {
  return { [$display]: bundle };
}

/**
 * A Vega-Lite spec as produced by the core's chart builders (`src/core/charts`, typed
 * `TopLevelSpec`) or written in a notebook as an object literal.
 */
export type ChartSpec = TopLevelSpec | Record<string, unknown>;

/** Fixed size for the static rendering of specs that size themselves to their container. */
const FALLBACK_WIDTH = 560;

function staticSpec(spec: ChartSpec): Record<string, unknown> {
  // 'container' sizing has no container outside a browser: give the SVG a fixed size.
  const copy: Record<string, unknown> = { ...spec };
  if (copy.width === 'container') copy.width = FALLBACK_WIDTH;
  if (copy.height === 'container') copy.height = Math.round(FALLBACK_WIDTH * 0.6);
  return copy;
}

/**
 * Render a Vega-Lite spec to an SVG string with vega's headless renderer.
 *
 * @param spec a Vega-Lite spec with inline data
 * @returns the SVG markup
 */
export async function chartSvg(spec: ChartSpec): Promise<string> {
  const vgSpec = compile(staticSpec(spec) as unknown as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Show a Vega-Lite chart: the live spec for JupyterLab / VS Code plus a static SVG fallback.
 *
 * @param spec a Vega-Lite spec (from `src/core/charts` or written in the notebook)
 * @returns a value the kernel displays when it ends a cell (or pass it to `show`)
 */
export function chart(spec: ChartSpec): Displayable {
  return displayable(async () => {
    const s = spec as Record<string, unknown>;
    const title = typeof s.title === 'string' ? s.title : (s.description ?? 'chart');
    return {
      [VEGALITE_MIME]: spec,
      [FALLBACK_MIME]: await chartSvg(spec),
      'text/plain': `<Vega-Lite chart: ${String(title)}>`,
    };
  });
}

/** Options for `table`. */
export interface TableOptions {
  /** Show at most this many rows (default 20); the caption says how many there are. */
  limit?: number;
  /** Columns to show, in order (default: all). */
  columns?: string[];
  /** Maximum fractional digits for numbers (default 3). */
  digits?: number;
  /** A caption above the table. */
  caption?: string;
}

type TableLike = aq.ColumnTable | object[] | Record<string, unknown>;

function toTable(rows: TableLike): aq.ColumnTable {
  if (rows instanceof aq.ColumnTable) return rows;
  if (Array.isArray(rows)) return aq.from(rows);
  // A record of named values shows as a two-column table.
  const entries = Object.entries(rows);
  return aq.table({
    name: entries.map(([k]) => k),
    value: entries.map(([, v]) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : v)),
  });
}

const TABLE_STYLE = {
  table: 'border-collapse: collapse; font-size: 0.9em; margin: 0.25em 0;',
  th: 'padding: 2px 8px; border-bottom: 1px solid #888; text-align: right;',
  td: 'padding: 2px 8px; border-bottom: 1px solid #ddd;',
};

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Show a table as HTML (with a markdown rendering as the plain-text alternative).
 *
 * @param rows an Arquero table, an array of row objects, or a record of named values
 * @param options limit, columns, digits, caption
 * @returns a value the kernel displays
 */
export function table(rows: TableLike, options: TableOptions = {}): Displayable {
  const t = toTable(rows);
  const limit = options.limit ?? 20;
  const fmt = { limit, maxdigits: options.digits ?? 3, ...(options.columns ? { columns: options.columns } : {}) };
  const more = t.numRows() > limit ? ` (first ${limit} of ${t.numRows().toLocaleString('en-US')} rows)` : '';
  const caption = options.caption || more
    ? `<div style="font-size: 0.9em; color: #555;">${escapeHtml(options.caption ?? '')}${more}</div>`
    : '';
  return displayable(() => ({
    'text/html': caption + t.toHTML({ ...fmt, style: TABLE_STYLE, null: () => '–' }),
    'text/plain': (options.caption ? options.caption + more + '\n' : '') + t.toMarkdown(fmt),
  }));
}

/**
 * Markdown with interpolated values, e.g. ``md`CSI is **${num(x, 1)}**` ``.
 *
 * @returns a value the kernel displays
 */
export function md(strings: TemplateStringsArray, ...values: unknown[]): Displayable {
  const text = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  return displayable(() => ({ 'text/markdown': text, 'text/plain': text }));
}

/**
 * Format a number for prose with a fixed number of decimals and thousands separators.
 *
 * @example num(1234.567, 1) // => "1,234.6"
 */
export function num(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return String(x);
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * Format a share (0..1) as a percentage for prose.
 *
 * @example pct(0.1234, 1) // => "12.3%"
 */
export function pct(share: number, digits = 1): string {
  return num(share * 100, digits) + '%';
}

/**
 * Display several values from one cell, in order (a cell otherwise shows only its last value).
 *
 * @param items displayables (charts, tables, md) or any value the kernel can show
 */
export async function show(...items: unknown[]): Promise<void> {
  for (const item of items) await Deno.jupyter.display(item);
}

/**
 * The rows of an Arquero table as objects of a stated shape (Arquero types them as `object`).
 *
 * @example rows<{ offer: string; distance: number }>(map.table)[0].distance
 */
export function rows<T extends object = Record<string, unknown>>(t: aq.ColumnTable): T[] {
  return t.objects() as T[];
}

/**
 * Format a dollar amount for markdown prose. The dollar sign is written as the HTML entity
 * `&#36;`: two `$` in one markdown output would be read as a LaTeX formula by JupyterLab and
 * nbconvert (and nbconvert 6 does so even when they are escaped as `\$`).
 *
 * @example usd(1234.5, 2) // => "&#36;1,234.50"
 */
export function usd(x: number, digits = 0): string {
  return '&#36;' + num(x, digits);
}
