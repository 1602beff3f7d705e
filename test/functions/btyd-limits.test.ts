/**
 * Issue 9 through the formulas: valid parameters give finite, correct numbers; inputs beyond the
 * documented limits give #VALUE! with a message naming the argument (and the row), never NaN,
 * Infinity or "Internal error".
 */
import { BGNBDFIT, CLVBTYD, CLVPARETONBD, EXPECTEDPURCHASES, GAMMAGAMMAFIT, PALIVE, PARETONBDEXPECTED, PARETONBDFIT, PARETONBDPALIVE } from '../../src/functions/functions.ts';
import { CDNOW_BG_NBD, CDNOW_GAMMA_GAMMA } from '../fixtures/published.ts';

function errorOf(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (error) {
    return { code: (error as CustomFunctions.Error).code, message: (error as Error).message };
  }
  throw new Error('expected the formula to fail');
}

const published = Object.values(CDNOW_BG_NBD).map((v) => [v]);
const spend = Object.values(CDNOW_GAMMA_GAMMA).map((v) => [v]);

test('EXPECTEDPURCHASES with a + b < 1 and a = 1 gives the mpmath values (was NaN and −6.05)', () => {
  // mpmath 1.2.1, 50 digits (test/fixtures/btyd_reference.py).
  expect(EXPECTEDPURCHASES(0.243, 4.414, 0.3, 0.5, [[104]], [[0]], [[0]], [[38]])[0][0]).toBeCloseTo(0.4354794259159322, 12);
  expect(EXPECTEDPURCHASES(0.243, 4.414, 0.3, 0.5, [[104]])[0][0]).toBeCloseTo(2.378787263530575, 12);
  expect(EXPECTEDPURCHASES(100, 0.1, 1, 0.99, [[52]], [[0]], [[0]], [[38]])[0][0]).toBeCloseTo(5.449854268593832, 9);
});

test('CLVBTYD: horizon above 1,200 is refused by name, never "Invalid typed array length"', () => {
  for (const horizon of [100_000, 1e9, 1e308]) {
    expect(errorOf(() => CLVBTYD(published, spend, [[2]], [[30.43]], [[38.86]], [[22.345]], 0.3, 0.01, horizon))).toEqual({
      code: '#VALUE!',
      message: `horizon must be a whole number from 1 to 1200 (got ${horizon})`,
    });
  }
});

test('x = 1e308 and r = 1e300 are refused with the argument and the row', () => {
  expect(errorOf(() => BGNBDFIT([[1], [1e308], [0]], [[1], [2], [0]], [[3], [3], [3]]))).toEqual({
    code: '#VALUE!',
    message: 'x: row 2 must be a whole number from 0 to 1e6 (got 1e+308)',
  });
  expect(errorOf(() => PALIVE(1e300, 4.414, 0.793, 2.426, [[2]], [[30.43]], [[38.86]]))).toEqual({
    code: '#VALUE!',
    message: 'r must be a number from 1e-6 to 1e6 (got 1e+300)',
  });
  expect(errorOf(() => GAMMAGAMMAFIT([[2], [1e308], [3]], [[10], [12], [9]])).message).toBe(
    'x: row 2 must be a whole number from 0 to 1e6 (got 1e+308)',
  );
});

test('Pareto/NBD parameters above 1e6 are refused by name (s = 1e300 was accepted)', () => {
  expect(errorOf(() => PARETONBDPALIVE(0.553, 10.578, 1e300, 11.669, [[2]], [[30.43]], [[38.86]]))).toEqual({
    code: '#VALUE!',
    message: 's must be at most 1e6 (got 1e+300)',
  });
  expect(errorOf(() => PARETONBDEXPECTED(2e6, 10.578, 0.606, 11.669, [[39]])).message).toBe('r must be at most 1e6 (got 2000000)');
  expect(errorOf(() => CLVPARETONBD([[0.553], [10.578], [0.606], [1e7]], spend, [[2]], [[30.43]], [[38.86]], [[22.345]], 0.3, 0.01, 52)).message).toBe(
    'paretonbd: beta must be at most 1e6 (got 10000000)',
  );
});

test('the fit formulas spill how the fit ended: converged FALSE comes with its reason', () => {
  const spill = GAMMAGAMMAFIT([[1], [1], [2], [1]], [[5], [5], [5], [5]]);
  expect(spill.find((row) => row[0] === 'converged')).toEqual(['converged', false, '']);
  const reason = spill.find((row) => row[0] === 'reason');
  expect(reason?.[1]).toMatch(/^not converged: (p|q|gamma) ran to .*outside 1e-6\.\.1e6/);
  const bg = BGNBDFIT([[2], [0], [5], [1]], [[10], [0], [30], [3]], [[38], [20], [39], [35]]);
  expect(bg.map((row) => row[0])).toEqual(['r', 'alpha', 'a', 'b', 'log-likelihood', 'converged', 'customers', 'reason']);
  expect(typeof bg[7][1]).toBe('string');
});

test('a parameter out of range inside a parameter range names the formula argument it came from', () => {
  // Property case (issue 9): the core names r, which is not an argument of CLVBTYD.
  expect(errorOf(() => CLVBTYD([[1e300], [4.414], [0.793], [2.426]], spend, [[2]], [[30.43]], [[38.86]], [[22.345]], 0.3, 0.01, 52))).toEqual({
    code: '#VALUE!',
    message: 'bgnbd: r must be a number from 1e-6 to 1e6 (got 1e+300)',
  });
  expect(errorOf(() => CLVBTYD(published, [[6.25], [0], [15.44]], [[2]], [[30.43]], [[38.86]], [[22.345]], 0.3, 0.01, 52)).message).toBe(
    'gammagamma: q must be a number from 1e-6 to 1e6 (got 0)',
  );
  expect(errorOf(() => CLVPARETONBD([[0.553], [10.578], [0], [11.669]], spend, [[2]], [[30.43]], [[38.86]], [[22.345]], 0.3, 0.01, 52)).message).toBe(
    'paretonbd: s must be a positive number (got 0)',
  );
  expect(errorOf(() => CLVPARETONBD([[0.553], [1e-6], [0.606], [1e6]], spend, [[2]], [[30.43]], [[38.86]], [[22.345]], 0.3, 0.01, 52)).message).toMatch(
    /^paretonbd: alpha and beta are too far apart/,
  );
});

test('too few customers to fit names the formula arguments, not the core summary', () => {
  expect(errorOf(() => BGNBDFIT([[342]], [[2.6e-35]], [[0.11]]))).toEqual({
    code: '#VALUE!',
    message: 'x, t_x, T: at least two customers are needed to fit BG/NBD (got 1)',
  });
  expect(errorOf(() => PARETONBDFIT([[342]], [[2.6e-35]], [[0.11]])).message).toBe(
    'x, t_x, T: at least two customers are needed to fit Pareto/NBD (got 1)',
  );
  expect(errorOf(() => GAMMAGAMMAFIT([[3], [0]], [[10], [0]])).message).toMatch(/^x, monetary: at least two repeat buyers with positive monetary value are needed to fit Gamma-Gamma \(got 1/);
  expect(errorOf(() => BGNBDFIT([[0], [0]], [[0], [0]], [[3], [4]])).message).toMatch(/^x, t_x, T: no repeat buyers \(every x is 0\)/);
});

test('GAMMAGAMMAFIT on denormal and tiny amounts spills only finite numbers (property case)', () => {
  const spill = GAMMAGAMMAFIT([[28], [21], [3]], [[-3.2e-114], [2.5e-323], [2.8e-212]]);
  for (const row of spill) for (const cell of row) if (typeof cell === 'number') expect(Number.isFinite(cell)).toBe(true);
  expect(spill.find((row) => row[0] === 'excluded')?.[1]).toBe(1);
});
