/**
 * A bench for property-based formula tests: one HyperFormula engine (the CRM functions registered
 * from their generated metadata, see formula-engine.ts) into which each generated call writes its
 * arguments (sheet `In`) and its formula (sheet `Out`, cell A1, room to spill), then reads back
 * every cell the formula shows, with the wall time of the custom function's own calls.
 *
 * Run sizes and seed come from the environment, so the same file is a quick check inside
 * `npm test` and a nightly-sized sample:
 * - `CVK_PROPERTY_RUNS` — generated calls per property (default: the property's own number);
 * - `CVK_PROPERTY_SEED` — the fast-check seed (default a fixed seed; printed on failure).
 */
import fc from 'fast-check';
import { HyperFormula } from 'hyperformula';
import { FORMULA_CALL_BUDGET_MS } from '../../src/core/limits.ts';
import * as functions from '../../src/functions/functions.ts';
import { createEngine, loadMetadata } from './formula-engine.ts';

/** One argument of a generated call. */
export type Argument =
  | { kind: 'cell'; value: unknown }
  | { kind: 'range'; cells: unknown[][] }
  /** An omitted optional argument (`=CRM.CSI(A1:B2, , 1, 5)`). */
  | { kind: 'omitted' };

/** What the formula cell and its spill show. */
export interface FormulaResult {
  /** The formula as typed. */
  formula: string;
  /** Every cell of the result (1 × 1 for a scalar), errors as `{ error, message }`. */
  cells: unknown[][];
  /** The slowest single call of the custom function while evaluating (ms). */
  milliseconds: number;
}

export interface ShownError {
  error: string;
  message: string;
}

export const DEFAULT_SEED = 20261201;

/** As formula-engine.ts builds its workbooks, without an undo history (nothing is undone here). */
const ENGINE_CONFIG = { licenseKey: 'gpl-v3', smartRounding: false, undoLimit: 0 } as const;
const BATCHES_PER_WORKBOOK = 25;

/** The seed every property uses: `CVK_PROPERTY_SEED` or the fixed default. */
export const propertySeed = (): number => {
  const fromEnv = process.env.CVK_PROPERTY_SEED;
  return fromEnv === undefined || fromEnv === '' ? DEFAULT_SEED : Number(fromEnv);
};

/** Generated calls per property: `CVK_PROPERTY_RUNS` when set, else `fallback`. */
export const propertyRuns = (fallback: number): number => {
  const fromEnv = Number(process.env.CVK_PROPERTY_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
};

/**
 * fast-check parameters for a property: the seed, the number of runs, and a failure report that
 * starts with the seed to replay it and the error the property threw (which names the call).
 * Properties over batches of calls stop at the first failure (`shrink: false`): their error
 * already names the one failing call, and shrinking a batch costs minutes.
 */
export function propertyParameters<T>(runs: number, { shrink = true } = {}): fc.Parameters<T> {
  const seed = propertySeed();
  return {
    seed,
    numRuns: runs,
    endOnFailure: !shrink,
    reporter: (details) => {
      if (!details.failed) return;
      const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      const counterexample = shrink ? `\ncounterexample: ${fc.stringify(details.counterexample)}` : '';
      throw new Error(`CVK_PROPERTY_SEED=${seed} (${details.numRuns} runs, path ${details.counterexamplePath}): ${cause}${counterexample}`);
    },
  };
}

/** Excel-style column letters: 0 → A, 26 → AA. */
function columnName(index: number): string {
  let name = '';
  let n = index + 1;
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** How a generated call is laid out: its arguments' references and cells, relative to its block. */
interface Layout {
  formula: (row: number) => string;
  cells: unknown[][];
  height: number;
}

function layout(name: string, args: Argument[]): Layout {
  let last = args.length;
  while (last > 0 && args[last - 1].kind === 'omitted') last--;
  const grid: unknown[][] = [];
  const pieces: ((row: number) => string)[] = [];
  let column = 0;
  let height = 1;
  for (const arg of args.slice(0, last)) {
    if (arg.kind === 'omitted') {
      pieces.push(() => '');
      continue;
    }
    const cells = arg.kind === 'cell' ? [[arg.value]] : arg.cells;
    const rows = cells.length;
    const width = cells[0].length;
    for (let r = 0; r < rows; r++) {
      grid[r] ??= [];
      for (let c = 0; c < width; c++) grid[r][column + c] = cells[r][c];
    }
    const left = columnName(column);
    const right = columnName(column + width - 1);
    pieces.push(arg.kind === 'cell' ? (row) => `In!${left}${row}` : (row) => `In!${left}${row}:${right}${row + rows - 1}`);
    column += width + 1; // a blank column between arguments
    height = Math.max(height, rows, width + 2);
  }
  return {
    formula: (row) => `=CRM.${name}(${pieces.map((piece) => piece(row)).join(', ')})`,
    cells: grid,
    // Room below for the longest spill: one row per input row, DRIVERS' drivers + 2, a fit's 7 rows.
    height: Math.max(height, 7) + 1,
  };
}

/** One call of a custom function as the engine made it: its id, wall time and arguments. */
interface TimedCall {
  id: string;
  ms: number;
  args: unknown[];
}

/**
 * CPU time (ms) of calling the function again directly with the same arguments. CPU time, not
 * wall time: with two cores shared by a dozen jobs (load 15 measured) a 40 ms call takes 300 ms
 * of wall time, and the budget is about the work a call does, not about who else runs.
 */
function timed(call: TimedCall): number {
  const implementation = (functions as unknown as Record<string, (...args: unknown[]) => unknown>)[call.id];
  const started = process.cpuUsage();
  try {
    implementation(...call.args);
  } catch {
    // errors are the contract's business, checked on the engine's result
  }
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/** A function-specific check of one result: the problem in words, or null. */
export type Check = (result: FormulaResult, args: Argument[]) => string | null;

/** Calls typed into the engine at once (one recalculation for all). */
const BATCH = 250;

export class FormulaBench {
  private times: TimedCall[] = [];

  private engine: HyperFormula | undefined;
  private batches = 0;
  private stackTraceLimit = Error.stackTraceLimit;

  private constructor(private readonly parameters: Map<string, string[]>) {}

  /** Registers the CRM functions with the engine (globally: once per test file is enough). */
  static async create(): Promise<FormulaBench> {
    const bench = new FormulaBench(await parameterNames());
    const engine = await createEngine({ In: [[null]] }, { onCall: (id, ms, args) => bench.times.push({ id, ms, args }) });
    engine.destroy();
    // Thousands of errors are thrown and caught per function; their stack traces are never read.
    bench.stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 2;
    return bench;
  }

  close(): void {
    Error.stackTraceLimit = this.stackTraceLimit;
    this.engine?.destroy();
    this.engine = undefined;
  }

  /**
   * The property every function keeps, over `calls` generated calls typed in batches: the
   * contract holds (see contractViolation), the function's own `check` holds, and no single call
   * takes longer than FORMULA_CALL_BUDGET_MS. A failure names the one failing call and the seed.
   *
   * @returns the number of calls made
   */
  holdsForAll(name: string, call: fc.Arbitrary<Argument[]>, check: Check, calls: number): number {
    let made = 0;
    const batches = Math.ceil(propertyRuns(calls) / BATCH);
    fc.assert(
      fc.property(fc.array(call, { minLength: BATCH, maxLength: BATCH }), (batch) => {
        const { results } = this.callAll(name, batch);
        made += batch.length;
        results.forEach((result, k) => {
          const problem = contractViolation(result, this.parameters.get(name)!, batch[k]) ?? check(result, batch[k]);
          if (problem !== null) throw new Error(`${result.formula} with ${JSON.stringify(batch[k])}: ${problem}`);
        });
        for (const call of this.times) {
          if (call.ms <= FORMULA_CALL_BUDGET_MS) continue;
          // On a machine shared with other jobs a call may be descheduled for a while: a call over
          // budget is timed again on its own, by CPU time, and only one that stays over budget fails.
          const again = Math.min(timed(call), timed(call));
          if (again > FORMULA_CALL_BUDGET_MS) {
            throw new Error(
              `CRM.${call.id}(${call.args.map((a) => JSON.stringify(a)).join(', ')}) took ${again.toFixed(0)} ms (budget ${FORMULA_CALL_BUDGET_MS} ms)`,
            );
          }
        }
      }),
      propertyParameters(batches, { shrink: false }),
    );
    return made;
  }

  /** Types `=CRM.<name>(args…)` once, with the arguments laid side by side in sheet `In`. */
  call(name: string, args: Argument[]): FormulaResult {
    return this.callAll(name, [args]).results[0];
  }

  /**
   * Types many calls at once, each in its own block of rows (one recalculation for all: the
   * engine's cost per change dwarfs the functions'). Returns each call's cells and the wall time
   * of every custom function call made meanwhile.
   */
  callAll(name: string, calls: Argument[][]): { results: FormulaResult[]; milliseconds: number[] } {
    const layouts = calls.map((args) => layout(name, args));
    const input: unknown[][] = [];
    const output: unknown[][] = [];
    const starts: number[] = [];
    for (const block of layouts) {
      const start = input.length;
      starts.push(start);
      for (let r = 0; r < block.height; r++) {
        input.push(Array.from(block.cells[r] ?? [], (cell) => cell ?? null));
        output.push([r === 0 ? block.formula(start + 1) : null]);
      }
    }
    this.times = [];
    // Each batch in two new sheets: filling empty sheets is cheap, clearing used ones is not, and
    // building a workbook costs a parser. A fresh workbook every BATCHES_PER_WORKBOOK batches
    // keeps the memory bounded.
    if (this.engine === undefined || this.batches === BATCHES_PER_WORKBOOK) {
      this.engine?.destroy();
      this.engine = HyperFormula.buildEmpty(ENGINE_CONFIG);
      this.batches = 0;
    }
    const engine = this.engine;
    const names = { input: `In${this.batches}`, output: `Out${this.batches}` };
    this.batches++;
    engine.batch(() => {
      engine.addSheet(names.input);
      engine.addSheet(names.output);
      engine.setSheetContent(engine.getSheetId(names.input)!, input as never);
      engine.setSheetContent(engine.getSheetId(names.output)!, output.map((row) => row.map((f) => (typeof f === 'string' ? f.replaceAll('In!', `${names.input}!`) : f))) as never);
    });
    const values = engine.getSheetValues(engine.getSheetId(names.output)!) as unknown[][];
    const results = layouts.map((block, k) => {
      const rows = values.slice(starts[k], starts[k] + block.height).map((row) => row.map(shown));
      while (rows.length > 1 && rows[rows.length - 1].every((cell) => cell === null)) rows.pop();
      const cells = rows.length > 0 && rows[0].length > 0 ? rows : [[null]];
      return { formula: block.formula(starts[k] + 1), cells, milliseconds: NaN };
    });
    return { results, milliseconds: this.times.map((call) => call.ms) };
  }
}

/** A cell value as a test compares it: errors as `{ error, message }`. */
function shown(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && 'type' in value) {
    const error = value as unknown as { value: string; message?: string };
    return { error: error.value, message: error.message ?? '' };
  }
  return value;
}

export function isShownError(value: unknown): value is ShownError {
  return value !== null && typeof value === 'object' && 'error' in value;
}

/** Parameter names of every CRM function, from the generated metadata. */
export async function parameterNames(): Promise<Map<string, string[]>> {
  const { functions } = await loadMetadata();
  return new Map(functions.map((fn) => [fn.id, fn.parameters.map((p) => p.name)]));
}

/** Words that must never reach a user in an error message. */
const FORBIDDEN = [/internal error/i, /\(null\)/, /\bNaN\b/, /Infinity/, /undefined/, /UNCAUGHT/, /\[object /];

/**
 * The contract every call must keep: the result is an error whose message names one of the
 * function's arguments and carries no internals, or values whose numbers are all finite.
 * Returns the problem in words, or null when the result is well formed.
 */
export function contractViolation(result: FormulaResult, parameters: string[], args: Argument[] = []): string | null {
  const first = result.cells[0][0];
  if (isShownError(first) && passedThrough(first, args)) return null;
  if (isShownError(first)) {
    if (first.error !== '#VALUE!' && first.error !== '#N/A') return `error ${first.error} (${first.message})`;
    if (first.message === '') return `${first.error} without a message`;
    for (const pattern of FORBIDDEN) if (pattern.test(first.message)) return `message "${first.message}" shows ${pattern}`;
    const named = parameters.some((p) => new RegExp(`(^|[^A-Za-z_])${p}([^A-Za-z_]|$)`).test(first.message));
    if (!named) return `message "${first.message}" names no argument (${parameters.join(', ')})`;
    return null;
  }
  for (let r = 0; r < result.cells.length; r++) {
    for (let c = 0; c < result.cells[r].length; c++) {
      const cell = result.cells[r][c];
      if (isShownError(cell)) return `cell (${r + 1}, ${c + 1}) of the spill is ${cell.error} ${cell.message}`;
      if (typeof cell === 'number' && !Number.isFinite(cell)) return `cell (${r + 1}, ${c + 1}) is ${cell}`;
      if (cell !== null && typeof cell !== 'number' && typeof cell !== 'string' && typeof cell !== 'boolean') {
        return `cell (${r + 1}, ${c + 1}) is ${String(cell)}`;
      }
    }
  }
  return null;
}

/**
 * The errors the ERROR_FORMULAS show, as the engine reports them. The engine also reads the text
 * "1e999" as an overflowing number (Excel keeps it as text), which it shows as #NUM!.
 */
const INPUT_ERRORS: Record<string, string> = {
  '=1/0': '#DIV/0!',
  '=NA()': '#N/A',
  '=SQRT(-1)': '#NUM!',
  '1e999': '#NUM!',
};

/**
 * True when the error is the engine's, not the function's: one of the argument cells' own errors
 * handed back, or the engine refusing an error cell where a range is declared ("Invalid range
 * size", before the function is called).
 */
function passedThrough(error: ShownError, args: Argument[]): boolean {
  const cells = args.flatMap((arg) => (arg.kind === 'cell' ? [arg.value] : arg.kind === 'range' ? arg.cells.flat() : []));
  const errorCells = cells.filter((cell) => typeof cell === 'string' && cell in INPUT_ERRORS) as string[];
  if (errorCells.some((cell) => INPUT_ERRORS[cell] === error.error)) return true;
  return errorCells.length > 0 && error.error === '#ERROR!' && error.message === 'Parsing error. Invalid range size.';
}

// ---- arbitraries -------------------------------------------------------------------------------

/**
 * Cells holding an error. Excel (and the engine) hand a single-cell error argument straight back
 * without calling the function, so such an error may come back as the result.
 */
export const ERROR_FORMULAS = ['=1/0', '=NA()', '=SQRT(-1)'] as const;

/** Numbers at the edges: zero, signs, subnormal, tiny and huge magnitudes. */
export const edgeNumber = fc.constantFrom(
  0,
  -0,
  1,
  -1,
  0.5,
  1e-300,
  -1e-300,
  5e-324,
  1e-12,
  1e15,
  1e154,
  1e300,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  2 ** 53,
);

/** Any double HyperFormula can hold in a cell (finite). */
export const anyNumber = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -20, max: 20 }) },
  { weight: 2, arbitrary: fc.double({ min: -100, max: 100, noNaN: true }) },
  { weight: 2, arbitrary: edgeNumber },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);

/** Cells a user can put in a range by mistake or on purpose. */
export const hostileCell = fc.oneof(
  { weight: 6, arbitrary: anyNumber },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'n/a', 'abc', 'TRUE', '1e999', '-', "'5") },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(...ERROR_FORMULAS) },
);

/** A rectangular range of `cell`s; mostly small. */
export function rangeOf(
  cell: fc.Arbitrary<unknown>,
  shape: { minRows?: number; maxRows?: number; minColumns?: number; maxColumns?: number } = {},
): fc.Arbitrary<unknown[][]> {
  const { minRows = 1, maxRows = 6, minColumns = 1, maxColumns = 3 } = shape;
  return fc
    .tuple(fc.integer({ min: minRows, max: maxRows }), fc.integer({ min: minColumns, max: maxColumns }))
    .chain(([rows, columns]) => fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));
}

export const cellArg = (value: fc.Arbitrary<unknown>): fc.Arbitrary<Argument> => value.map((v) => ({ kind: 'cell' as const, value: v }));
export const rangeArg = (cells: fc.Arbitrary<unknown[][]>): fc.Arbitrary<Argument> =>
  cells.map((c) => ({ kind: 'range' as const, cells: c }));
export const omitted: fc.Arbitrary<Argument> = fc.constant({ kind: 'omitted' as const });

/** A hostile argument of any shape: a single cell, a column, a row or a block. */
export const hostileArg: fc.Arbitrary<Argument> = fc.oneof(
  cellArg(hostileCell),
  rangeArg(rangeOf(hostileCell, { maxColumns: 1 })),
  rangeArg(rangeOf(hostileCell, { maxRows: 1, maxColumns: 5 })),
  rangeArg(rangeOf(hostileCell)),
);

/** An optional argument: omitted, or `given`. */
export const optionalArg = (given: fc.Arbitrary<Argument>): fc.Arbitrary<Argument> => fc.oneof(omitted, given);

/** A column (n × 1) of the given cells. */
export const column = (cells: unknown[]): unknown[][] => cells.map((c) => [c]);
