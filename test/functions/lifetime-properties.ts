/**
 * What the lifetime-value formula property suites (BG/NBD and Pareto/NBD) share: the engine
 * harness, argument builders, customer histories, forecast lengths and the expected-purchases
 * check.
 */
import fc from 'fast-check';
import { type Argument, type Check, FormulaBench, type FormulaResult, isShownError, propertyRuns } from './formula-property-bench.ts';

/**
 * Registers the formula engine for the calling test file and returns `holdsForAll(name, call,
 * check)`: `calls` generated calls (at least 5,000 inside `npm test`) must satisfy the check.
 */
export function formulaProperties(calls = 5000): (name: string, call: fc.Arbitrary<Argument[]>, check?: Check) => void {
  let bench: FormulaBench;
  beforeAll(async () => {
    bench = await FormulaBench.create();
  });
  afterAll(() => bench.close());
  return (name, call, check = () => null) => {
    expect(bench.holdsForAll(name, call, check, calls)).toBeGreaterThanOrEqual(propertyRuns(calls));
  };
}

export const range = (grid: unknown[][]): Argument => ({ kind: 'range', cells: grid });
export const cell = (value: unknown): Argument => ({ kind: 'cell', value });

/** The numbers of a result's spill in order (null for an error). */
export function numbers(result: FormulaResult): number[] | null {
  if (isShownError(result.cells[0][0])) return null;
  return result.cells.flat().filter((c): c is number => typeof c === 'number');
}

/** A customer's history: x repeat purchases (whole), 0 ≤ t_x ≤ T, t_x = 0 when x = 0. */
export const history = fc
  .record({ x: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 500 })), T: fc.double({ min: 0.1, max: 520, noNaN: true }), f: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ x, T, f }) => ({ x, t_x: x === 0 ? 0 : f * T, T }));
export const histories = fc.array(history, { minLength: 1, maxLength: 6 });

/** Forecast lengths in ascending order, for one customer (or a new one). */
export const horizons = fc
  .array(fc.oneof(fc.double({ min: 0, max: 104, noNaN: true }), fc.constantFrom(1, 39, 520, 5200)), { minLength: 1, maxLength: 6 })
  .map((t) => [...t].sort((p, q) => p - q));

/**
 * Expected purchases are ≥ 0 and, for forecast lengths (argument 5) in ascending order,
 * non-decreasing to within `relativeTolerance` (what the model's documented accuracy allows: two
 * values each within ε of a non-decreasing curve are in order to within 2ε where it levels off).
 */
export const expectedPurchasesHold = (relativeTolerance: number): Check => (result, args) => {
  const values = numbers(result);
  if (values === null) return null;
  const bad = values.find((v) => !(v >= 0));
  if (bad !== undefined) return `expected purchases ${bad}`;
  const t = args[4].kind === 'range' ? args[4].cells.flat() : [];
  const ascending = t.every((v, i) => typeof v === 'number' && (i === 0 || v >= (t[i - 1] as number)));
  if (!ascending || values.length !== t.length) return null;
  for (let i = 1; i < values.length; i++) {
    if (values[i] < values[i - 1] * (1 - relativeTolerance)) return `E at t = ${String(t[i])} is ${values[i]} < ${values[i - 1]} at t = ${String(t[i - 1])}`;
  }
  return null;
};
