/**
 * Vega-Lite spec of a PLS path diagram: one box per construct, laid out left to right by its
 * depth in the path model (exogenous constructs first), coloured by its 0–100 index and labelled
 * with the index (0–100, also its shade) and R²; one arrow per path, labelled with its coefficient. A pure function: the
 * taskpane embeds the spec, notebooks display it.
 */
import type { TopLevelSpec } from 'vega-lite';
import { invalid } from '../messages.ts';
import { ownValue } from '../table/named-columns.ts';

/** What the diagram reads from a `plsPathModel` result. */
export interface PlsPathChartInput {
  pathCoefficients: Record<string, Record<string, number>>;
  rSquared: Record<string, number>;
  indices: Record<string, number>;
}

export interface PlsPathChartOptions {
  /** Chart title (default "PLS path model", with a subtitle saying what the numbers are). */
  title?: string;
  /** Plot size in pixels (default 440 × 300). */
  width?: number;
  height?: number;
  /**
   * Grid cell `[column, row]` (0-based) per construct, for a hand-made layout such as the usual
   * ECSI drawing; constructs left out, or no positions at all, are laid out by depth.
   */
  positions?: Readonly<Record<string, readonly [number, number]>>;
}

interface Node {
  construct: string;
  x: number;
  y: number;
  index: number | null;
  r2: number | null;
  line1: string;
  line2: string;
}

/** Longest-path depth of each construct (0 for constructs no path points to). */
function depths(constructs: readonly string[], paths: readonly [string, string][]): Map<string, number> {
  const depth = new Map<string, number>(constructs.map((c) => [c, 0]));
  // Relax |constructs| times: enough for any acyclic model; a change in the last round is a cycle.
  for (let round = 0; round <= constructs.length; round++) {
    let changed = false;
    for (const [from, to] of paths) {
      const next = (depth.get(from) ?? 0) + 1;
      if (next > (depth.get(to) ?? 0)) {
        depth.set(to, next);
        changed = true;
      }
    }
    if (!changed) return depth;
  }
  throw invalid('model', ': the paths form a cycle');
}

/**
 * @param model the constructs in display order (e.g. `Object.keys(blocks)`) and the paths
 * @param result the `plsPathModel` result (coefficients, R², indices)
 * @param options title, size, grid positions
 * @returns a Vega-Lite (v6) layered spec: edges (rule), arrowheads (point), coefficient labels,
 *   construct boxes (rect), their names and their index and R² (text)
 * @throws {InputError} when the paths form a cycle or name a construct not in the list
 * @example plsPathChart({ constructs: ['A', 'B'], paths: [['A', 'B']] },
 *   { pathCoefficients: { A: { B: 0.9137 } }, rSquared: { B: 0.8348 }, indices: { A: 50, B: 57.5 } }).layer.length; // => 6
 */
export function plsPathChart(
  model: { constructs: readonly string[]; paths: readonly [string, string][] },
  result: PlsPathChartInput,
  options: PlsPathChartOptions = {},
): TopLevelSpec & { layer: unknown[] } {
  const { constructs, paths } = model;
  for (const [from, to] of paths) {
    for (const c of [from, to]) {
      if (!constructs.includes(c)) throw invalid('model', `: path ${from} → ${to} names "${c}", which is not a construct`);
    }
  }
  const width = options.width ?? 440;
  const height = options.height ?? 300;
  const depth = depths(constructs, paths);
  // Grid cells: given positions, else column = depth and row = order within the column. A chain
  // (one construct per column) zigzags over two rows so that arrows skipping a column pass by
  // the boxes in between.
  const cells = new Map<string, [number, number]>();
  const given = options.positions ?? {};
  const byDepth = new Map<number, string[]>();
  for (const c of constructs) {
    // Own positions only: a construct named `toString` has no position in a plain object.
    const at = ownValue(given, c);
    if (at) cells.set(c, [at[0], at[1]]);
    else byDepth.set(depth.get(c) as number, [...(byDepth.get(depth.get(c) as number) ?? []), c]);
  }
  const tallest = Math.max(0, ...[...byDepth.values()].map((col) => col.length));
  const zigzag = tallest === 1 && byDepth.size > 2;
  for (const [d, col] of byDepth) col.forEach((c, k) => cells.set(c, [d, zigzag ? d % 2 : k + (col.length < tallest && d % 2 === 1 ? 0.5 : 0)]));
  const columns = Math.max(...[...cells.values()].map(([x]) => x)) + 1;
  const rows = Math.max(...[...cells.values()].map(([, y]) => y)) + 1;
  // Box size in pixels; x and y below are pixel centres (y downwards).
  const boxW = Math.min(120, (width / columns) * 0.72);
  const boxH = Math.min(40, (height / rows) * 0.6);
  const nodes = new Map<string, Node>();
  for (const c of constructs) {
    const [gx, gy] = cells.get(c) as [number, number];
    const indexValue = ownValue(result.indices, c);
    const r2Value = ownValue(result.rSquared, c);
    const index = indexValue !== undefined && Number.isFinite(indexValue) ? indexValue : null;
    const r2 = r2Value !== undefined && Number.isFinite(r2Value) ? r2Value : null;
    const parts = [index === null ? null : index.toFixed(1), r2 === null ? null : `R² ${r2.toFixed(2)}`].filter(Boolean);
    nodes.set(c, { construct: c, x: ((gx + 0.5) * width) / columns, y: ((gy + 0.5) * height) / rows, index, r2, line1: c, line2: parts.join(' · ') });
  }
  /** Where the segment from the box centre towards (dx, dy) leaves the box. */
  const exit = (dx: number, dy: number) => {
    const t = Math.min(dx === 0 ? Infinity : boxW / 2 / Math.abs(dx), dy === 0 ? Infinity : boxH / 2 / Math.abs(dy));
    return [dx * t, dy * t];
  };
  const edges = paths.map(([from, to]) => {
    const a = nodes.get(from) as Node;
    const b = nodes.get(to) as Node;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const [ox, oy] = exit(dx, dy);
    const coefficient = ownValue(ownValue(result.pathCoefficients, from), to);
    return {
      from,
      to,
      x: a.x + ox,
      y: a.y + oy,
      x2: b.x - ox,
      y2: b.y - oy,
      mx: a.x + dx * 0.5,
      my: a.y + dy * 0.5,
      angle: (Math.atan2(dy, dx) * 180) / Math.PI,
      coefficient: Number.isFinite(coefficient) ? coefficient : null,
      label: Number.isFinite(coefficient) ? (coefficient as number).toFixed(2) : '',
    };
  });
  const boxes = [...nodes.values()].map((n) => ({ ...n, x: n.x - boxW / 2, x2: n.x + boxW / 2, y: n.y - boxH / 2, y2: n.y + boxH / 2, cx: n.x, cy: n.y }));
  const px = (field: string) => ({ field, type: 'quantitative', scale: { domain: [0, width], nice: false, zero: false }, axis: null }) as const;
  const py = (field: string) => ({ field, type: 'quantitative', scale: { domain: [0, height], reverse: true, nice: false, zero: false }, axis: null }) as const;
  const plain = (field: string) => ({ field }) as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? { text: 'PLS path model', subtitle: 'arrows: path coefficients; boxes: 0–100 index · R²' },
    width,
    height,
    view: { stroke: null },
    layer: [
      {
        data: { values: edges },
        mark: { type: 'rule', color: '#666', strokeWidth: 1.5 },
        encoding: {
          x: px('x'),
          y: py('y'),
          x2: plain('x2'),
          y2: plain('y2'),
          strokeWidth: { field: 'coefficient', type: 'quantitative', scale: { domain: [0, 1], range: [0.8, 4] }, legend: null },
          tooltip: [
            { field: 'from', title: 'From' },
            { field: 'to', title: 'To' },
            { field: 'coefficient', type: 'quantitative', title: 'Path coefficient', format: '.3f' },
          ],
        },
      },
      {
        data: { values: edges },
        mark: { type: 'point', shape: 'triangle-right', filled: true, color: '#666', size: 60 },
        encoding: { x: px('x2'), y: py('y2'), angle: { field: 'angle', type: 'quantitative', scale: null } },
      },
      {
        data: { values: edges },
        mark: { type: 'text', fontSize: 10, color: '#222', dy: -5 },
        encoding: { x: px('mx'), y: py('my'), text: { field: 'label' } },
      },
      {
        data: { values: boxes },
        mark: { type: 'rect', cornerRadius: 6, stroke: '#00787f' },
        encoding: {
          x: px('x'),
          y: py('y'),
          x2: plain('x2'),
          y2: plain('y2'),
          color: { field: 'index', type: 'quantitative', legend: null, scale: { domain: [0, 100], range: ['#f4fbfb', '#6cbcbc'] } },
          tooltip: [
            { field: 'construct', title: 'Construct' },
            { field: 'index', type: 'quantitative', title: 'Index (0–100)', format: '.1f' },
            { field: 'r2', type: 'quantitative', title: 'R²', format: '.3f' },
          ],
        },
      },
      {
        data: { values: boxes },
        mark: { type: 'text', fontSize: 11, fontWeight: 'bold', dy: -6, color: '#111' },
        encoding: { x: px('cx'), y: py('cy'), text: { field: 'line1' } },
      },
      {
        // Index and R² under the name (a text mark draws one line per datum).
        data: { values: boxes },
        mark: { type: 'text', fontSize: 9, dy: 8, color: '#222' },
        encoding: { x: px('cx'), y: py('cy'), text: { field: 'line2' } },
      },
    ],
  } as TopLevelSpec & { layer: unknown[] };
}
