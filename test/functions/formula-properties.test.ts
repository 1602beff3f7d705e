/**
 * Property-based tests of the satisfaction, value, CLV and segmentation formulas (CRM.CSI, NPS,
 * LOYALTY, QUALITYLEVEL, PRICELEVEL, RELATIVE, CLV, DRIVERS, RFM, ABC) typed into a real formula
 * engine (see formula-property-bench.ts): thousands of generated calls per function, valid and
 * hostile (blanks, text, logical values, error cells, 0, negatives, 1e-300, ±1e308, wrong shapes,
 * single cells for ranges, fractional counts).
 *
 * Every call must keep the contract: an error whose message names the argument (never "Internal
 * error", "NaN", "Infinity", "(null)"), or values whose every cell, spills included, is finite;
 * the documented bounds hold; and the call finishes within its budget. Cheap correctness
 * properties check the arithmetic on valid input.
 *
 * `CVK_PROPERTY_RUNS=100000` runs a nightly-sized sample; `CVK_PROPERTY_SEED` replays a seed.
 */
import fc from 'fast-check';
import {
  anyNumber,
  type Argument,
  cellArg,
  type Check,
  column,
  FormulaBench,
  type FormulaResult,
  hostileArg,
  hostileCell,
  isShownError,
  optionalArg,
  propertyRuns,
  rangeOf,
} from './formula-property-bench.ts';

/** Calls per function inside `npm test` (at least 5,000). */
const CALLS = 5000;
/** Calls per correctness property (valid input only, checked against a direct computation). */
const CORRECTNESS_CALLS = 500;

let bench: FormulaBench;

beforeAll(async () => {
  bench = await FormulaBench.create();
});

afterAll(() => bench.close());

/** The property every function keeps (see FormulaBench.holdsForAll); `calls` generated calls. */
function holdsForAll(name: string, call: fc.Arbitrary<Argument[]>, check: Check = () => null, calls = CALLS): void {
  expect(bench.holdsForAll(name, call, check, calls)).toBeGreaterThanOrEqual(propertyRuns(calls));
}

/** The numbers of a result when it is not an error (null for an error). */
function numbers(result: FormulaResult): number[] | null {
  if (isShownError(result.cells[0][0])) return null;
  return result.cells.flat().filter((cell): cell is number => typeof cell === 'number');
}

const within = (low: number, high: number, slack = 1e-9): Check => (result) => {
  const values = numbers(result);
  if (values === null) return null;
  const bad = values.find((v) => v < low - slack || v > high + slack);
  return bad === undefined ? null : `${bad} is outside ${low}..${high}`;
};

const cells = (arg: Argument): unknown[] => (arg.kind === 'range' ? arg.cells.flat() : arg.kind === 'cell' ? [arg.value] : []);
const scalar = (result: FormulaResult): unknown => result.cells[0][0];

// ---- generators of mostly valid input ----------------------------------------------------------

const integer = (min: number, max: number) => fc.integer({ min, max });
const blankOr = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary }, { weight: 1, arbitrary: fc.constant(null) });
const positive = fc.oneof(fc.integer({ min: 1, max: 100 }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.constantFrom(1e-300, 1e300, 1e308));
const weightsFor = (count: number) => fc.array(fc.oneof({ weight: 5, arbitrary: positive }, { weight: 1, arbitrary: fc.constant(0) }), {
  minLength: count,
  maxLength: count,
});

/** Survey answers on a scale with some blanks, its scale and weights. */
const survey = fc
  .record({ min: fc.constantFrom(0, 1), max: fc.constantFrom(5, 7, 10), rows: integer(1, 8), items: integer(1, 5) })
  .chain(({ min, max, rows, items }) =>
    fc.record({
      scores: fc.array(fc.array(blankOr(integer(min, max)), { minLength: items, maxLength: items }), { minLength: rows, maxLength: rows }),
      weights: weightsFor(items),
      min: fc.constant(min),
      max: fc.constant(max),
    }),
  );

const range = (grid: unknown[][]): Argument => ({ kind: 'range', cells: grid });
const cell = (value: unknown): Argument => ({ kind: 'cell', value });
const OMITTED: Argument = { kind: 'omitted' };

const csiCall: fc.Arbitrary<Argument[]> = fc.oneof(
  fc.tuple(survey, fc.boolean()).map(([{ scores, weights, min, max }, weighted]) => [
    range(scores),
    weighted ? range([weights]) : OMITTED,
    cell(min),
    cell(max),
  ]),
  fc.tuple(hostileArg, optionalArg(hostileArg), optionalArg(cellArg(hostileCell)), optionalArg(cellArg(hostileCell))),
);

test('CRM.CSI: 0–100 or a clear error', () => {
  holdsForAll('CSI', csiCall, within(0, 100));
});

test('CRM.CSI of a constant survey is (c − min)/(max − min)·100', () => {
  const constant = fc
    .record({ c: integer(1, 10), rows: integer(1, 6), items: integer(1, 4) })
    .map(({ c, rows, items }) => [range(Array.from({ length: rows }, () => new Array(items).fill(c)))]);
  holdsForAll(
    'CSI',
    constant,
    (result, args) => {
      const expected = (((cells(args[0])[0] as number) - 1) / 9) * 100;
      return Math.abs((scalar(result) as number) - expected) <= 1e-12 ? null : `${String(scalar(result))} ≠ ${expected}`;
    },
    CORRECTNESS_CALLS,
  );
});

// NPS: answers 0..10 with blanks, in any shape.
const npsCall = fc.oneof(
  rangeOf(blankOr(integer(0, 10)), { maxRows: 8, maxColumns: 4 }).map((grid) => [range(grid)]),
  fc.tuple(hostileArg),
);

test('CRM.NPS: −100..100 or a clear error', () => {
  holdsForAll('NPS', npsCall, within(-100, 100));
});

test('CRM.NPS is % promoters − % detractors', () => {
  const answers = fc.array(integer(0, 10), { minLength: 1, maxLength: 30 }).map((a) => [range(column(a))]);
  holdsForAll(
    'NPS',
    answers,
    (result, args) => {
      const given = cells(args[0]) as number[];
      const share = (test: (a: number) => boolean) => (100 * given.filter(test).length) / given.length;
      const expected = share((a) => a >= 9) - share((a) => a <= 6);
      return Math.abs((scalar(result) as number) - expected) <= 1e-12 ? null : `${String(scalar(result))} ≠ ${expected}`;
    },
    CORRECTNESS_CALLS,
  );
});

// LOYALTY: three numbers, valid proportions mostly, anything else sometimes.
const factor = fc.oneof({ weight: 3, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) }, { weight: 2, arbitrary: anyNumber }, { weight: 1, arbitrary: hostileCell });
const loyaltyCall = fc.tuple(cellArg(factor), cellArg(factor), cellArg(factor));

test('CRM.LOYALTY: the product when it is finite, else a clear error', () => {
  holdsForAll('LOYALTY', loyaltyCall, (result, args) => {
    const value = scalar(result);
    if (typeof value !== 'number') return null;
    const product = (cells(args[0])[0] as number) * (cells(args[1])[0] as number) * (cells(args[2])[0] as number);
    return value === product ? null : `${value} is not the product ${product}`;
  });
});

// QUALITYLEVEL / PRICELEVEL: one score and one weight per attribute.
const profile = integer(1, 6).chain((n) =>
  fc.record({
    scores: fc.array(fc.oneof({ weight: 4, arbitrary: fc.double({ min: 0, max: 10, noNaN: true }) }, { weight: 1, arbitrary: anyNumber }), {
      minLength: n,
      maxLength: n,
    }),
    weights: weightsFor(n),
  }),
);
const levelCall = fc.oneof(
  profile.map(({ scores, weights }) => [range(column(scores)), range(column(weights))]),
  fc.tuple(hostileArg, hostileArg),
);

/** A weighted average lies between the smallest and largest score (with rounding slack). */
const betweenScores: Check = (result, args) => {
  const value = scalar(result);
  if (typeof value !== 'number') return null;
  const scores = cells(args[0]) as number[];
  const low = Math.min(...scores);
  const high = Math.max(...scores);
  const slack = 1e-12 * Math.max(Math.abs(low), Math.abs(high));
  return value >= low - slack && value <= high + slack ? null : `${value} is outside the scores ${low}..${high}`;
};

test('CRM.QUALITYLEVEL: between the smallest and the largest score, or a clear error', () => {
  holdsForAll('QUALITYLEVEL', levelCall, betweenScores);
});

test('CRM.PRICELEVEL: between the smallest and the largest score, or a clear error', () => {
  holdsForAll('PRICELEVEL', levelCall, betweenScores);
});

// RELATIVE: ours, competitors, weights per attribute.
const relativeCall = fc.oneof(
  integer(1, 6).chain((n) =>
    fc
      .tuple(
        fc.array(fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), anyNumber), { minLength: n, maxLength: n }),
        fc.array(fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), anyNumber), { minLength: n, maxLength: n }),
        weightsFor(n),
      )
      .map(([ours, theirs, weights]) => [range(column(ours)), range(column(theirs)), range(column(weights))]),
  ),
  fc.tuple(hostileArg, hostileArg, hostileArg),
);

test('CRM.RELATIVE: a finite ratio ≥ 0 or a clear error', () => {
  holdsForAll('RELATIVE', relativeCall, within(0, Infinity));
});

test('CRM.RELATIVE is 100 when ours equal the competitors', () => {
  const attributes = integer(1, 6).chain((n) =>
    fc.tuple(fc.array(fc.oneof(positive, fc.double({ min: 1e-3, max: 1e3, noNaN: true })), { minLength: n, maxLength: n }), weightsFor(n)),
  );
  const atPar = attributes
    .filter(([, weights]) => weights.some((w) => w > 0))
    .map(([scores, weights]) => [range(column(scores)), range(column(scores)), range(column(weights))]);
  holdsForAll(
    'RELATIVE',
    atPar,
    (result) => (Math.abs((scalar(result) as number) - 100) <= 1e-12 ? null : `${String(scalar(result))} ≠ 100`),
    CORRECTNESS_CALLS,
  );
});

// CLV: margin, retention, discount, [periods], [acquisition cost].
const clvCall = fc.oneof(
  fc.tuple(
    cellArg(fc.oneof(fc.double({ min: -1000, max: 1000, noNaN: true }), anyNumber)),
    cellArg(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 0.999999))),
    cellArg(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, -0.5, 1e-300, 1e308))),
    optionalArg(cellArg(fc.oneof(integer(1, 1000), fc.constantFrom(1e6, 1e15, 2.5, 0, -1)))),
    optionalArg(cellArg(fc.oneof(fc.double({ min: 0, max: 1000, noNaN: true }), anyNumber))),
  ),
  fc.tuple(cellArg(hostileCell), cellArg(hostileCell), cellArg(hostileCell), optionalArg(cellArg(hostileCell)), optionalArg(cellArg(hostileCell))),
);

test('CRM.CLV: a finite value or a clear error', () => {
  holdsForAll('CLV', clvCall);
});

test('CRM.CLV over one period is m·r/(1 + d) − cost', () => {
  const inputs = fc.record({
    m: fc.double({ min: -1000, max: 1000, noNaN: true }),
    r: fc.double({ min: 0, max: 1, noNaN: true }),
    d: fc.double({ min: 0, max: 1, noNaN: true }),
    cost: fc.double({ min: 0, max: 1000, noNaN: true }),
  });
  const onePeriod = inputs.map(({ m, r, d, cost }) => [cell(m), cell(r), cell(d), cell(1), cell(cost)]);
  holdsForAll(
    'CLV',
    onePeriod,
    (result, args) => {
      const [m, r, d, , cost] = args.map((arg) => cells(arg)[0] as number);
      const expected = (m * r) / (1 + d) - cost;
      // The closed form goes through expm1 and log: a few roundings of the largest term.
      const tolerance = 1e-11 * Math.max(1, Math.abs(m), cost);
      const shown = scalar(result) as number;
      return Math.abs(shown - expected) <= tolerance ? null : `${shown} ≠ ${expected}`;
    },
    CORRECTNESS_CALLS,
  );
});

// DRIVERS: an outcome column and driver columns, respondents in rows.
const driversCall = fc.oneof(
  fc.record({ rows: integer(2, 10), drivers: integer(1, 4) }).chain(({ rows, drivers }) =>
    fc
      .tuple(
        fc.array(blankOr(integer(1, 10)), { minLength: rows, maxLength: rows }),
        fc.array(fc.array(blankOr(fc.oneof(integer(1, 10), anyNumber)), { minLength: drivers, maxLength: drivers }), {
          minLength: rows,
          maxLength: rows,
        }),
      )
      .map(([outcome, table]) => [range(column(outcome)), range(table)]),
  ),
  fc.tuple(hostileArg, hostileArg),
);

test('CRM.DRIVERS: correlations in −1..1, weights ≥ 0 summing to R² in 0..1, or a clear error', () => {
  holdsForAll('DRIVERS', driversCall, (result) => {
    if (isShownError(result.cells[0][0])) return null;
    const body = result.cells.slice(1, -1);
    const rSquared = result.cells[result.cells.length - 1][2] as number;
    if (!(rSquared >= -1e-9 && rSquared <= 1 + 1e-9)) return `R² is ${rSquared}`;
    for (const [, correlation, weight] of body as number[][]) {
      if (!(Math.abs(correlation) <= 1 + 1e-9)) return `correlation ${correlation}`;
      if (!(weight >= -1e-9)) return `weight ${weight}`;
    }
    const total = (body as number[][]).reduce((s, row) => s + row[2], 0);
    return Math.abs(total - rSquared) <= 1e-6 ? null : `weights sum to ${total}, R² is ${rSquared}`;
  });
});

// RFM: recency, frequency, monetary columns, optional bins.
const rfmCall = fc.oneof(
  integer(1, 10).chain((n) => {
    const columnOf = (value: fc.Arbitrary<unknown>) => fc.array(value, { minLength: n, maxLength: n }).map((v) => range(column(v)));
    return fc.tuple(
      columnOf(fc.oneof(integer(0, 365), anyNumber)),
      columnOf(fc.oneof(integer(1, 20), fc.double({ min: 0, max: 20, noNaN: true }))),
      columnOf(fc.oneof(fc.double({ min: 0, max: 5000, noNaN: true }), anyNumber)),
      optionalArg(cellArg(fc.oneof(integer(2, 10), fc.constantFrom(1, 5, 20, 21, 2.5, 1e9, -3)))),
    );
  }),
  fc.tuple(hostileArg, hostileArg, hostileArg, optionalArg(cellArg(hostileCell))),
);

test('CRM.RFM: scores in 1..bins, or a clear error', () => {
  holdsForAll('RFM', rfmCall, (result, args) => {
    if (isShownError(result.cells[0][0])) return null;
    const bins = args[3]?.kind === 'cell' ? args[3].value : null;
    const given = typeof bins === 'number' ? bins : 5;
    for (const row of result.cells) {
      for (const score of row.slice(0, 3)) {
        if (score === '' || score === 'R' || score === 'F' || score === 'M') continue;
        if (!(Number.isInteger(score) && (score as number) >= 1 && (score as number) <= given)) return `score ${String(score)} (bins ${given})`;
      }
    }
    return null;
  });
});

// ABC: a value column and optional cutoffs.
const abcCall = fc.oneof(
  fc.tuple(
    fc.array(fc.oneof(fc.double({ min: 0, max: 1e4, noNaN: true }), anyNumber, fc.constant(null)), { minLength: 1, maxLength: 10 }).map((v) => range(column(v))),
    optionalArg(cellArg(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), anyNumber))),
    optionalArg(cellArg(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), anyNumber))),
  ),
  fc.tuple(hostileArg, optionalArg(cellArg(hostileCell)), optionalArg(cellArg(hostileCell))),
);

test('CRM.ABC: A, B or C per customer, or a clear error', () => {
  holdsForAll('ABC', abcCall, (result) => {
    if (isShownError(result.cells[0][0])) return null;
    const bad = result.cells.flat().find((c) => !['A', 'B', 'C', '', 'class'].includes(c as string));
    return bad === undefined ? null : `class ${String(bad)}`;
  });
});

// A text cell in an otherwise valid range: the message names the argument and the cell.
test('a text cell in a range is named by its argument and position (CSI, QUALITYLEVEL, RFM)', () => {
  const misplaced = <T extends unknown[][]>(grid: fc.Arbitrary<T>) =>
    grid.chain((g) => fc.record({ grid: fc.constant(g), row: integer(0, g.length - 1), col: integer(0, g[0].length - 1) })).map(({ grid, row, col }) => {
      const copy = grid.map((r) => [...r]);
      copy[row][col] = 'n/a';
      return { grid: copy, row, col };
    });
  const where = (grid: unknown[][], row: number, col: number) =>
    grid.length === 1 ? `item ${col + 1}` : grid[0].length === 1 ? `item ${row + 1}` : `row ${row + 1}, column ${col + 1}`;
  const names = (argument: string, expected: (args: Argument[]) => string): Check => (result, args) => {
    const shown = result.cells[0][0];
    if (!isShownError(shown)) return 'no error for a text cell';
    const position = expected(args);
    return shown.message.startsWith(`${argument}: ${position} `) ? null : `"${shown.message}" does not name ${argument}: ${position}`;
  };
  const textAt = (args: Argument[], k: number) => {
    const grid = (args[k] as { cells: unknown[][] }).cells;
    const row = grid.findIndex((r) => r.includes('n/a'));
    return where(grid, row, grid[row].indexOf('n/a'));
  };

  const scores = misplaced(rangeOf(integer(1, 10), { maxRows: 5, maxColumns: 4 })).map(({ grid }) => [range(grid)]);
  holdsForAll('CSI', scores, names('scores', (args) => textAt(args, 0)), CORRECTNESS_CALLS);

  const levels = integer(1, 6).chain((n) =>
    fc.tuple(misplaced(fc.array(fc.tuple(integer(1, 10)), { minLength: n, maxLength: n })), fc.constant(new Array(n).fill(1))),
  );
  holdsForAll('QUALITYLEVEL', levels.map(([{ grid }, weights]) => [range(grid), range(column(weights))]), names('scores', (args) => textAt(args, 0)), CORRECTNESS_CALLS);

  const customers = integer(2, 8).chain((n) =>
    fc.tuple(misplaced(fc.array(fc.tuple(integer(0, 365)), { minLength: n, maxLength: n })), fc.constant(n)),
  );
  holdsForAll(
    'RFM',
    customers.map(([{ grid }, n]) => [range(grid), range(column(new Array(n).fill(1))), range(column(new Array(n).fill(10)))]),
    names('recency', (args) => textAt(args, 0)),
    CORRECTNESS_CALLS,
  );
});
