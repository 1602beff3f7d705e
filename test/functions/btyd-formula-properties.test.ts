/**
 * Property-based tests of the lifetime-value formulas from transaction summaries (CRM.PALIVE,
 * EXPECTEDPURCHASES, CLVBTYD, BGNBDFIT, GAMMAGAMMAFIT), typed into a real formula engine as in
 * formula-properties.test.ts: thousands of generated calls each over the whole valid parameter
 * space (a + b < 1, a ≫ b, tiny and huge r and α, long t, large x and T) and hostile input.
 *
 * Every call must give finite numbers in every cell of its spill or an error naming the argument;
 * P(alive) lies in [0, 1]; expected purchases are ≥ 0 and non-decreasing in t; every call finishes
 * within its budget.
 *
 * `CVK_PROPERTY_RUNS=100000` runs a nightly-sized sample; `CVK_PROPERTY_SEED` replays a seed.
 */
import fc from 'fast-check';
import {
  anyNumber,
  cellArg,
  type Check,
  column,
  hostileArg,
  hostileCell,
  isShownError,
  optionalArg,
} from './formula-property-bench.ts';
import { ALIVE_EXPECTATION_ACCURACY } from '../../src/core/lifetime/bg-nbd-alive-expectation.ts';
import { cell, expectedPurchasesHold, formulaProperties, histories, history, horizons, numbers, range } from './lifetime-properties.ts';

/** At least 5,000 generated calls per formula inside `npm test`. */
const holdsForAll = formulaProperties();

// ---- the valid parameter space -----------------------------------------------------------------

/** A model parameter: typical values, tiny and huge ones (r = 1e-4 … 1e4, α = 1e-3 … 1e5). */
const parameter = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: 0.05, max: 20, noNaN: true }) },
  { weight: 2, arbitrary: fc.double({ min: 1e-4, max: 1e4, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(1e-6, 1e-3, 0.01, 100, 1e4, 1e5, 1e300) },
);
/** Dropout parameters a, b: including a + b < 1 and a ≫ b. */
const dropout = fc.oneof(
  fc.tuple(parameter, parameter),
  fc.tuple(fc.double({ min: 0.01, max: 0.5, noNaN: true }), fc.double({ min: 0.01, max: 0.5, noNaN: true })),
  fc.tuple(fc.double({ min: 10, max: 1000, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true })),
);

const bgNbdCells = fc.tuple(parameter, parameter, dropout).map(([r, alpha, [a, b]]) => [cell(r), cell(alpha), cell(a), cell(b)]);

// ---- PALIVE ------------------------------------------------------------------------------------

const pAliveCall = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(bgNbdCells, histories).map(([params, customers]) => [
    ...params,
    range(column(customers.map((c) => c.x))),
    range(column(customers.map((c) => c.t_x))),
    range(column(customers.map((c) => c.T))),
  ]) },
  { weight: 1, arbitrary: fc.tuple(cellArg(hostileCell), cellArg(hostileCell), cellArg(hostileCell), cellArg(hostileCell), hostileArg, hostileArg, hostileArg) },
);

test('CRM.PALIVE: P(alive) in [0, 1] in every cell, or a clear error', () => {
  holdsForAll('PALIVE', pAliveCall, (result) => {
    const bad = numbers(result)?.find((p) => !(p >= 0 && p <= 1));
    return bad === undefined ? null : `P(alive) ${bad}`;
  });
});

// ---- EXPECTEDPURCHASES -------------------------------------------------------------------------


const expectedCall = fc.oneof(
  { weight: 2, arbitrary: fc.tuple(bgNbdCells, horizons, history).map(([params, t, c]) => [...params, range(column(t)), cell(c.x), cell(c.t_x), cell(c.T)]) },
  { weight: 1, arbitrary: fc.tuple(bgNbdCells, horizons).map(([params, t]) => [...params, range(column(t))]) },
  { weight: 1, arbitrary: fc.tuple(cellArg(hostileCell), cellArg(hostileCell), cellArg(hostileCell), cellArg(hostileCell), hostileArg, optionalArg(hostileArg), optionalArg(hostileArg), optionalArg(hostileArg)) },
);

// Issue #9 item 2: the BG/NBD expectation over the whole parameter space (a + b < 1, huge r, r ≈ a
// where the closed form's connection formula is next to a pole) is checked against mpmath in
// test/core/lifetime/btyd-reference.test.ts; here, through the engine, the bounds and monotonicity.
// Monotonicity is asserted to twice the documented accuracy, not exactly: every value of one call
// is P(alive) (the same for all t) times the live customer's expectation, computed to
// ALIVE_EXPECTATION_ACCURACY relative, so where E has levelled off two computed values may be out
// of order by up to twice that. A larger step is a defect: seeds 1 and 2 found 1.5e-12 and 5.7e-12
// from the positive series' drifting weights (fixed; covered in bg-nbd-alive-expectation.test.ts).
describe('EXPECTEDPURCHASES', () => {
  test('CRM.EXPECTEDPURCHASES: ≥ 0 and non-decreasing in t, or a clear error', () => {
    holdsForAll('EXPECTEDPURCHASES', expectedCall, expectedPurchasesHold(2 * ALIVE_EXPECTATION_ACCURACY));
  });
});

// ---- CLVBTYD -----------------------------------------------------------------------------------

const clvBtydCall = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.tuple(parameter, parameter, dropout),
        fc.tuple(parameter, parameter, parameter),
        histories,
        fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.oneof(fc.integer({ min: 1, max: 104 }), fc.constantFrom(520, 1e5, 1e308)),
      )
      .map(([[r, alpha, [a, b]], [p, q, gamma], customers, spend, margin, discount, horizon]) => [
        range(column([r, alpha, a, b])),
        range(column([p, q, gamma])),
        range(column(customers.map((c) => c.x))),
        range(column(customers.map((c) => c.t_x))),
        range(column(customers.map((c) => c.T))),
        range(column(customers.map((c, i) => (c.x === 0 ? 0 : spend[i])))),
        cell(margin),
        cell(discount),
        cell(horizon),
      ]),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(hostileArg, hostileArg, hostileArg, hostileArg, hostileArg, hostileArg, cellArg(hostileCell), cellArg(hostileCell), cellArg(hostileCell)),
  },
);

// Issue #9 item 3: horizons above 1,200 (the generated 1e5 and 1e308) are refused by name; a
// parameter out of range inside the bgnbd or gammagamma range names that argument. Skipped until
// Jest stopped running numeric code 10-30x slower than Node (sandboxInjectedGlobals in
// jest.config.js): the slowest call of the fixed seed then took 100 ms, and across seeds 0..5 the
// slowest (extreme parameters, every one of 520 periods by quadrature) take 40-110 ms of CPU time,
// within the 250 ms budget (they took up to 700 ms of wall time on the shared machine, which is
// why a call over budget is timed again by CPU time).
describe('CLVBTYD', () => {
  test('CRM.CLVBTYD: a finite CLV ≥ 0 per customer (margin ≥ 0), or a clear error', () => {
    holdsForAll('CLVBTYD', clvBtydCall, (result) => {
      const bad = numbers(result)?.find((v) => !(v >= 0));
      return bad === undefined ? null : `CLV ${bad}`;
    });
  });
});

// ---- the fits ----------------------------------------------------------------------------------

const bgNbdFitCall = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.array(history, { minLength: 1, maxLength: 8 }).map((customers) => [
      range(column(customers.map((c) => c.x))),
      range(column(customers.map((c) => c.t_x))),
      range(column(customers.map((c) => c.T))),
    ]),
  },
  { weight: 1, arbitrary: fc.tuple(hostileArg, hostileArg, hostileArg) },
);

/** A fit's spill: label/value rows whose numbers are finite, parameters positive. */
const fitted = (parameters: string[]): Check => (result) => {
  if (isShownError(result.cells[0][0])) return null;
  for (const [label, value] of result.cells as [string, unknown][]) {
    if (parameters.includes(label) && !((value as number) > 0)) return `${label} is ${String(value)}`;
  }
  return null;
};

// Issue #9 item 3: fits on a few customers stop within their budget and say why; too few customers
// is an error naming x, t_x, T.
describe('BGNBDFIT', () => {
  test('CRM.BGNBDFIT: finite positive r, alpha, a, b and a finite log-likelihood, or a clear error', () => {
    holdsForAll('BGNBDFIT', bgNbdFitCall, fitted(['r', 'alpha', 'a', 'b']));
  });
});

const gammaGammaFitCall = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.oneof(fc.double({ min: 0, max: 500, noNaN: true }), anyNumber)), { minLength: 1, maxLength: 8 })
      .map((customers) => [range(column(customers.map(([x]) => x))), range(column(customers.map(([, m]) => m)))]),
  },
  { weight: 1, arbitrary: fc.tuple(hostileArg, hostileArg) },
);

// Issue #9 items 3 and 4: as BGNBDFIT; tiny and denormal amounts are fitted on a rescaled copy,
// and standard errors that cannot be computed are blank.
describe('GAMMAGAMMAFIT', () => {
  test('CRM.GAMMAGAMMAFIT: finite positive p, q, gamma and a finite log-likelihood, or a clear error', () => {
    holdsForAll('GAMMAGAMMAFIT', gammaGammaFitCall, fitted(['p', 'q', 'gamma']));
  });
});
