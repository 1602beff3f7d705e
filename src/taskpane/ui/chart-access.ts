/**
 * Charts for screen readers: vega names each chart and axis by listing its ticks, which says
 * nothing a listener can use. Here a chart becomes one image whose name says what it shows (its
 * title, the kind of chart, what runs across, up and in colour, how many data points), and the
 * chart menu button gets a name.
 */
import type { TopLevelSpec } from 'vega-lite';

interface Channel {
  field?: string;
  title?: string | null;
  aggregate?: string;
}

interface UnitLike {
  mark?: string | { type?: string };
  encoding?: Record<string, Channel | Channel[] | undefined>;
  layer?: UnitLike[];
  hconcat?: UnitLike[];
  vconcat?: UnitLike[];
  concat?: UnitLike[];
  spec?: UnitLike;
}

const MARK_WORDS: Record<string, string> = {
  rect: 'heatmap',
  bar: 'bar chart',
  point: 'scatter plot',
  circle: 'scatter plot',
  line: 'line chart',
  area: 'area chart',
  rule: 'chart',
  text: 'table of numbers',
  arc: 'pie chart',
};

function titleText(spec: TopLevelSpec): string {
  const title = (spec as { title?: unknown }).title;
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object') {
    const text = (title as { text?: unknown }).text;
    if (typeof text === 'string') return text;
    if (Array.isArray(text)) return text.join(' ');
  }
  return '';
}

/** The first unit with a mark, depth first (layers and concatenations). */
function firstUnit(spec: UnitLike): UnitLike | null {
  if (spec.mark) return spec;
  for (const part of [...(spec.layer ?? []), ...(spec.hconcat ?? []), ...(spec.vconcat ?? []), ...(spec.concat ?? [])]) {
    const found = firstUnit(part);
    if (found) return found;
  }
  return spec.spec ? firstUnit(spec.spec) : null;
}

function channelName(channel: Channel | Channel[] | undefined): string | null {
  if (!channel || Array.isArray(channel)) return null;
  if (typeof channel.title === 'string' && channel.title !== '') return channel.title;
  if (channel.title === null) return null;
  return channel.field ?? null;
}

function dataCount(spec: TopLevelSpec): number | null {
  const values = (spec as { data?: { values?: unknown } }).data?.values;
  return Array.isArray(values) ? values.length : null;
}

/**
 * A one- or two-sentence description of a Vega-Lite chart for its accessible name.
 *
 * @example describeChart({ title: 'Key drivers', mark: 'bar', encoding: { x: { field: 'share', title: 'Share of R² (%)' }, y: { field: 'driver', title: null } }, data: { values: [{}, {}] } });
 * // => 'Key drivers. Bar chart: Share of R² (%) across; 2 data points.'
 */
export function describeChart(spec: TopLevelSpec): string {
  const title = titleText(spec);
  const unit = firstUnit(spec as UnitLike);
  const parts: string[] = [];
  if (unit) {
    const markType = typeof unit.mark === 'string' ? unit.mark : (unit.mark?.type ?? '');
    const kind = MARK_WORDS[markType] ?? 'chart';
    const encoding = unit.encoding ?? {};
    const across = channelName(encoding.x);
    const up = channelName(encoding.y);
    const colour = channelName(encoding.color);
    const axes = [across && `${across} across`, up && `${up} up`, colour && (/^colou?r\b/i.test(colour) ? colour : `colour: ${colour}`)].filter(Boolean);
    parts.push(`${kind.charAt(0).toUpperCase()}${kind.slice(1)}${axes.length ? `: ${axes.join(', ')}` : ''}`);
  }
  const count = dataCount(spec);
  if (count !== null) parts.push(`${count.toLocaleString('en-US')} data point${count === 1 ? '' : 's'}`);
  const body = parts.join('; ');
  return [title, body].filter((s) => s !== '').map((s) => (/[.!?]$/.test(s) ? s : `${s}.`)).join(' ');
}

/**
 * Names a rendered chart: its svg becomes one image described by `description` (the marks and
 * axes inside are hidden from screen readers), and vega-embed's menu button is named.
 */
export function labelChart(holder: HTMLElement, description: string, title: string): void {
  const svg = holder.querySelector('svg.marks');
  if (svg) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', description);
    svg.removeAttribute('aria-roledescription');
    for (const child of Array.from(svg.children)) child.setAttribute('aria-hidden', 'true');
  }
  const summary = holder.querySelector('details > summary');
  if (summary) {
    summary.setAttribute('aria-label', `Chart menu${title ? ` for "${title}"` : ''}: save as an image`);
    summary.querySelector('svg')?.setAttribute('aria-hidden', 'true');
  }
}

/** The chart's title for its menu's name. */
export function chartTitle(spec: TopLevelSpec): string {
  return titleText(spec);
}
