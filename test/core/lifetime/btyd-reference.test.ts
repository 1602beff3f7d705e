import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bgNbdExpected, bgNbdPAlive, bgNbdUnconditionalExpected } from '../../../src/core/lifetime/bg-nbd.ts';
import { customerLifetimeValue } from '../../../src/core/lifetime/btyd-clv.ts';
import { gammaGammaExpectedSpend } from '../../../src/core/lifetime/gamma-gamma.ts';

// Independent high-precision reference: test/fixtures/btyd_reference.json, written by
// test/fixtures/btyd_reference.py with mpmath (50 digits, mpmath.hyp2f1 and mpmath.quad) from the
// closed forms of Fader, Hardie & Lee (2005), Marketing Science 24(2), eq. 7, 10, 12, and the
// Gamma-Gamma expectation (FHL 2005, JMR 42(4), eq. 5). The grid covers a + b < 1, a = 1, a ≫ b,
// b ≫ a, r and α from 1e-3 to 1e3, t up to 1e4, x up to 1000 and T up to 1e4, and r ≈ a ≈ α small
// with b → 0 and t from 1e-285 to 1e5 (where the closed form sits next to a pole).
interface Table {
  columns: string[];
  rows: number[][];
}
const reference = JSON.parse(readFileSync(join(__dirname, '../../fixtures/btyd_reference.json'), 'utf8')) as Record<
  string,
  Table
>;

const RELATIVE = 1e-8;
const TINY = 1e-12;

/** Relative error where the reference is ≥ 1e-12, absolute error / 1e-12 below (both must be ≤ 1e-8·…). */
type Row = Record<string, number> & { r: number; alpha: number; a: number; b: number };

function worst(table: Table, compute: (row: Row) => number): { max: number; at: number[] | null; count: number } {
  let max = 0;
  let at: number[] | null = null;
  for (const values of table.rows) {
    const row = Object.fromEntries(table.columns.map((name, i) => [name, values[i]])) as Row;
    const expected = row.value;
    const got = compute(row);
    const error = !Number.isFinite(got)
      ? Infinity
      : Math.abs(expected) >= TINY
        ? Math.abs(got - expected) / Math.abs(expected)
        : Math.abs(got - expected) / TINY; // below 1e-12: absolute ≤ 1e-20
    if (!(error <= max)) {
      max = error;
      at = [...values, got];
    }
  }
  return { max, at, count: table.rows.length };
}

describe('BG/NBD and Gamma-Gamma against mpmath at 50 digits (test/fixtures/btyd_reference.py)', () => {
  test('P(alive)', () => {
    const result = worst(reference.pAlive, (p) => bgNbdPAlive(p, p.x, p.t_x, p.T));
    expect(result.max <= RELATIVE ? null : result.at).toBeNull();
  });

  test('unconditional E[X(t)]', () => {
    const result = worst(reference.unconditional, (p) => bgNbdUnconditionalExpected(p, p.t));
    expect(result.max <= RELATIVE ? null : result.at).toBeNull();
  });

  test('conditional E[Y(t) | x, t_x, T]', () => {
    const result = worst(reference.conditional, (p) => bgNbdExpected(p, p.t, p.x, p.t_x, p.T));
    expect(result.max <= RELATIVE ? null : result.at).toBeNull();
  });

  test('the discounted sum CLVBTYD multiplies by margin × expected spend', () => {
    const result = worst(reference.clvSum, (p) => {
      // margin 1 and a spend of exactly 1 (Gamma-Gamma with x = 0: pγ/(q − 1) = 1·2/(3 − 1)).
      const out = customerLifetimeValue(
        [{ x: p.x, t_x: p.t_x, T: p.T, monetary: 0 }],
        { r: p.r, alpha: p.alpha, a: p.a, b: p.b },
        { p: 1, q: 3, gamma: 2 },
        { margin: 1, discountRate: p.discountRate, horizon: p.horizon, timeUnit: 'week' },
      );
      const spend = out.table.get('expected_spend', 0) as number;
      return (out.table.get('clv', 0) as number) / spend;
    });
    expect(result.max <= RELATIVE ? null : result.at).toBeNull();
  });

  test('Gamma-Gamma conditional expected spend', () => {
    const result = worst(reference.gammaGammaSpend, (p) => gammaGammaExpectedSpend({ p: p.p, q: p.q, gamma: p.gamma }, p.x, p.mean));
    expect(result.max <= RELATIVE ? null : result.at).toBeNull();
  });

  test('the grid is the one the script writes (sizes)', () => {
    expect(reference.conditional.rows.length).toBeGreaterThanOrEqual(2000);
    expect(reference.unconditional.rows.length).toBeGreaterThanOrEqual(400);
  });
});
