/**
 * The `@example` of every exported function in src/core is run, and the result it shows is
 * checked, so that the documentation cannot drift from the code (as Vega-Lite compiles its
 * example specs in CI). An example reads `call(...); // => result`, the result on the same line or
 * the next; its code may use every export of the core, its own module's exports and the CDNOW
 * fixtures below. Notation of the shown result:
 *   - a JS literal (number, string, array, object, `true`): equal, a number to the digits shown
 *     (rounded to its decimals, or to 1e-14 relative for floating-point noise in the last digit);
 *   - `Float64Array [1, 2]`, `Int32Array [..]`: equal element by element;
 *   - a number followed by `…`: the digits shown, truncated; `(N dp)`: equal when rounded to N
 *     decimals; `(to 1e-K)` or `(to ~1e-K)`: within 1e-K; `(rounded)` on an object: each
 *     number equal to the digits shown;
 *   - `throws 'message'`: throws an error with that message; `passes`: runs without an error.
 * An example that cannot be run or checked must be listed in NOT_CHECKED with its reason; the
 * list is compared both ways, so an example that becomes checkable must leave it.
 */
import * as aq from 'arquero';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import vm from 'node:vm';
import * as core from '../../src/core/index.ts';
import { CDNOW_PATH, cdnowRows, cdnowSummary } from './lifetime/cdnow-fixture.ts';

const SRC = path.join(__dirname, '../../src/core');

/**
 * Examples not run, by "file: function", with the reason: a result shown in words or elided, a
 * name the example does not define, or a shown result that has drifted from the code ("drift:",
 * to be corrected in the documentation).
 */
const NOT_CHECKED = new Map<string, string>([
  ['sql/customer-summary-sql.ts: customerSummarySql', 'shows the start of a long SQL text'],
  ['sql/customer-summary-sql.ts: customerSummaryCountsSql', 'shows the start of a long SQL text'],
  ['sql/rfm-summary-sql.ts: rfmSummarySql', 'shows the start of a long SQL text'],
  ['sql/rfm-summary-sql.ts: rfmSummaryCountsSql', 'shows the start of a long SQL text'],
  ['sql/summary-counts.ts: checkSummaryCounts', 'elides the counts row (…)'],
  ['text/word-tokens.ts: wordTokens', 'no result shown'],
  ['math/random.ts: seededGamma', 'a random draw, described in words'],
  ['charts/calibration-holdout-chart.ts: calibrationHoldoutChart', 'uses `summary`, which it does not define'],
  ['charts/cluster-profile-chart.ts: clusterProfileChart', 'uses `rows`, which it does not define'],
  ['charts/construct-ipma-chart.ts: constructIpmaChart', 'needs a PLS model that it does not define'],
  ['charts/driver-chart.ts: driverChart', 'uses `rows`, which it does not define'],
  ['charts/expected-purchases-chart.ts: expectedPurchasesChart', 'needs a fitted model (`fit`) that it does not define'],
  ['charts/group-comparison-chart.ts: groupComparisonChart', 'uses `rows`, which it does not define'],
  ['charts/importance-performance-chart.ts: importancePerformanceChart', 'uses `items`, which it does not define'],
  ['charts/model-comparison-chart.ts: modelComparisonChart', 'uses `summary`, which it does not define'],
  ['charts/p-alive-chart.ts: pAliveChart', 'uses `params`, which it does not define'],
  ['charts/rfm-heatmap-chart.ts: rfmHeatmapChart', 'uses `summary`, which it does not define'],
  ['charts/satisfaction-loyalty-chart.ts: satisfactionLoyaltyChart', 'uses `result`, which it does not define'],
  ['charts/segment-summary-chart.ts: segmentSummaryChart', 'uses `segments`, which it does not define'],
  ['charts/tracking-chart.ts: trackingChart', 'uses `rows`, which it does not define'],
  ['charts/value-map-chart.ts: valueMapChart', 'uses `offers`, which it does not define'],
  ['charts/value-map-movement-chart.ts: valueMapMovementChart', 'uses `last`, which it does not define'],
  ['lifetime/calibration-holdout.ts: calibrationHoldout', 'needs a fitted model (`fit`) that it does not define'],
  ['lifetime/prediction-intervals.ts: purchaseIntervals', 'describes its result in words'],
  ['lifetime/tracking.ts: repeatPurchaseTracking', 'needs a fitted model (`fit`) that it does not define'],
  ['lifetime/value-over-periods.ts: valueOverPeriods', '`cdnow` is the transaction log here, the summary elsewhere'],
  ['satisfaction/construct-ipma.ts: constructIpma', 'uses `survey`, which it does not define'],
  ['satisfaction/csi-by-group.ts: csiChange', 'uses `rows`, which it does not define'],
  ['satisfaction/distinctive-terms.ts: distinctiveTerms', 'elides fields (…)'],
  ['satisfaction/nps-by-group.ts: npsStandardError', 'shows the formula before its value (7.81)'],
  ['satisfaction/nps-by-group.ts: npsChange', 'uses `rows`, which it does not define'],
  ['satisfaction/satisfaction-loyalty.ts: satisfactionLoyalty', 'describes its result in words'],
  ['segments/choose-k.ts: chooseK', 'uses `points`, which it does not define'],
  ['segments/rfm-scores.ts: rfmScores', 'elides fields of the rows (...)'],
  ['segments/rfm-scores.ts: rfmBreaks', 'elides fields (...)'],
  ['segments/rfm-summary.ts: rfmSummary', 'shows its rows over several lines'],
  ['segments/segment-profile.ts: segmentProfile', 'shows its rows over several lines'],
]);

interface Example {
  key: string;
  file: string;
  name: string;
  code: string;
  shown: string | undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return entry.endsWith('.ts') ? [full] : [];
  });
}

/** The `@example` of each exported function's JSDoc, split into code and the shown result. */
function examplesOf(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  const out: Example[] = [];
  const pattern = /\/\*\*((?:(?!\*\/)[\s\S])*?)\*\/\s*export (?:async )?function (\w+)/g;
  for (const match of text.matchAll(pattern)) {
    const doc = match[1].split('\n').map((line) => line.replace(/^\s*\* ?/, '')).join('\n');
    const at = doc.indexOf('@example');
    if (at < 0) continue;
    const rest = doc.slice(at + '@example'.length);
    const end = rest.search(/\n\s*@\w/);
    const block = (end < 0 ? rest : rest.slice(0, end)).trim();
    const arrow = block.lastIndexOf('// =>');
    const relative = path.relative(SRC, file).split(path.sep).join('/');
    const other = arrow < 0 ? /\/\/\s*(throws .*|passes.*)$/.exec(block) : null;
    out.push({
      key: `${relative}: ${match[2]}`,
      file,
      name: match[2],
      code: (arrow >= 0 ? block.slice(0, arrow) : other ? block.slice(0, other.index) : block).trim(),
      shown: arrow >= 0 ? block.slice(arrow + 5).split('\n')[0].trim() : other ? other[1].trim() : undefined,
    });
  }
  return out;
}

/** Runs the example's code (TypeScript, transpiled) with the given names in scope; returns its completion value. */
function run(code: string, scope: Record<string, unknown>): unknown {
  const js = ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None } }).outputText;
  // Test code only: runs the repository's own documentation, never user input.
  return vm.runInNewContext(js.replace(/^export \{\};?\s*$/m, ''), { ...scope });
}

/** The literal at the start of the shown result and the notes after it. */
function parseShown(shown: string): { kind: 'value'; value: unknown; notes: string } | { kind: 'prose' } {
  const typed = /^(Float64Array|Int32Array) (\[[^\]]*\])(.*)$/.exec(shown);
  if (typed) return { kind: 'value', value: { typed: typed[1], values: JSON.parse(typed[2]) as number[] }, notes: typed[3] };
  // The longest prefix that is a JS literal (numbers, strings, arrays, objects, booleans).
  for (let end = shown.length; end > 0; end--) {
    const head = shown.slice(0, end).trim().replace(/…$/, '');
    if (!/^[-\d'"[{tfnu]/.test(head)) continue;
    try {
      const value: unknown = vm.runInNewContext(`(${head.replace(/, …\s*\}$/, ' }')})`, {});
      if (typeof value === 'function') continue;
      return { kind: 'value', value, notes: shown.slice(end) + (shown.slice(0, end).trim().endsWith('…') ? '…' : '') };
    } catch {
      // not a literal yet: shorter
    }
  }
  return { kind: 'prose' };
}

/** Decimals written in a number's literal as shown. */
function decimalsShown(value: number, shown: string): number {
  const m = new RegExp(`${String(Math.abs(value)).replace('.', '\\.')}`).test(shown) ? /\.(\d+)/.exec(String(value)) : null;
  return m ? m[1].length : 0;
}

function expectShown(actual: unknown, shown: string, key: string): void {
  const parsed = parseShown(shown);
  if (parsed.kind === 'prose') throw new Error(`${key}: the shown result "${shown}" is not a literal; list the example in NOT_CHECKED`);
  const { value, notes } = parsed;
  const dp = /\((\d+) dp/.exec(notes);
  const within = /\(to ~?(1e-\d+)/.exec(notes);
  const truncated = notes.includes('…');
  const rounded = /\(rounded\)/.test(notes) || /, …\s*\}/.test(shown);
  const compareNumber = (a: unknown, e: number) => {
    expect(typeof a).toBe('number');
    if (dp) expect((a as number).toFixed(Number(dp[1]))).toBe(e.toFixed(Number(dp[1])));
    else if (within) expect(Math.abs((a as number) - e)).toBeLessThanOrEqual(Number(within[1]));
    else {
      const step = 10 ** -decimalsShown(e, shown);
      const noise = 1e-14 * Math.abs(e);
      // "84.245…" is 84.245 and more digits (toward ±∞ with the sign); otherwise rounded.
      const error = truncated ? ((a as number) - e) * Math.sign(e || 1) : Math.abs((a as number) - e);
      expect(error).toBeGreaterThanOrEqual(truncated ? -noise : 0);
      expect(error).toBeLessThanOrEqual((truncated ? step : 0.5 * step) + noise);
    }
  };
  if (value && typeof value === 'object' && 'typed' in value) {
    const { typed, values } = value as { typed: string; values: number[] };
    expect((actual as object).constructor.name).toBe(typed);
    expect(Array.from(actual as ArrayLike<number>)).toEqual(values);
  } else if (typeof value === 'number') {
    compareNumber(actual, value);
  } else if (rounded && value && typeof value === 'object') {
    for (const [field, expected] of Object.entries(value)) {
      const got = (actual as Record<string, unknown>)[field];
      if (typeof expected === 'number') compareNumber(got, expected);
      else expect(got).toEqual(expected);
    }
  } else if (Array.isArray(value) && within) {
    const flat = (v: unknown): unknown[] =>
      Array.isArray(v) ? v.flatMap(flat) : ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : [v];
    const got = flat(actual);
    flat(value).forEach((e, i) => compareNumber(got[i], e as number));
  } else {
    expect(ArrayBuffer.isView(actual) ? Array.from(actual as unknown as ArrayLike<number>) : actual).toEqual(value);
  }
}

const text = readFileSync(CDNOW_PATH, 'utf8');
let fixtures: Record<string, unknown> | undefined;
/** The data the examples name: the CDNOW log and its summary, built once on first use. */
function fixtureScope(): Record<string, unknown> {
  fixtures ??= {
    aq,
    text,
    cdnowRows: cdnowRows(),
    cdnowSummary: cdnowSummary(),
    cdnow: cdnowSummary(),
    log: cdnowRows(),
  };
  return fixtures;
}

const examples = sourceFiles(SRC).flatMap(examplesOf);

describe('@example blocks of src/core', () => {
  test('there are examples to check, and every NOT_CHECKED entry names one', () => {
    expect(examples.length).toBeGreaterThan(100);
    const keys = new Set(examples.map((e) => e.key));
    for (const key of NOT_CHECKED.keys()) expect(keys.has(key) ? key : `missing: ${key}`).toBe(key);
  });

  const checked = examples.filter((e) => !NOT_CHECKED.has(e.key));
  test('most examples are checked', () => {
    expect(checked.length).toBeGreaterThan(examples.length / 2);
  });

  test.each(checked.map((e) => [e.key, e] as const))('%s', (key, example) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const own = require(example.file) as Record<string, unknown>;
    const scope = { ...fixtureScope(), ...core, ...own };
    const shown = example.shown;
    if (shown?.startsWith('throws')) {
      const message = /throws '(.*)'/.exec(shown)?.[1];
      expect(() => run(example.code, scope)).toThrow(message);
      return;
    }
    const actual = run(example.code, scope);
    if (shown === undefined) throw new Error(`${key}: the example shows no result (// => …); show one or list it in NOT_CHECKED`);
    if (shown.startsWith('passes')) return;
    expectShown(actual, shown, key);
  }, 60_000);
});
