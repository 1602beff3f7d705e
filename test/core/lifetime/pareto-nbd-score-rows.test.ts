import { paretoNbdPAlive } from '../../../src/core/lifetime/pareto-nbd.ts';
import { paretoNbdPAliveRows } from '../../../src/core/lifetime/pareto-nbd-score-rows.ts';
import { indexXTPairs } from '../../../src/core/lifetime/xt-pairs.ts';
import { CDNOW_PARETO_NBD } from '../../fixtures/published.ts';

/** Rows as the scorer takes them, with their pairs numbered. */
function scored(params: { r: number; alpha: number; s: number; beta: number }, rows: { x: number; t_x: number; T: number }[]): Float64Array {
  const x = Float64Array.from(rows, (row) => row.x);
  const tx = Float64Array.from(rows, (row) => row.t_x);
  const T = Float64Array.from(rows, (row) => row.T);
  return paretoNbdPAliveRows(params, { x, tx, T }, indexXTPairs(x, T));
}

describe('paretoNbdPAliveRows', () => {
  // Each route of the scorer against the one-customer function (Fader & Hardie 2005 note, eq. 24):
  // no repeat purchases, t_x = T, a table per x, x past the tables (divides), α ≥ β and α < β.
  const rows = [
    { x: 0, t_x: 0, T: 30 },
    { x: 3, t_x: 25, T: 25 },
    { x: 2, t_x: 10, T: 39 },
    { x: 2, t_x: 0.5, T: 39 },
    { x: 2, t_x: 0.01, T: 39 },
    { x: 40, t_x: 20, T: 78 },
    { x: 1500, t_x: 60, T: 78 },
  ];
  const cases = {
    'CDNOW fit (α < β)': CDNOW_PARETO_NBD,
    'α > β': { r: 0.8, alpha: 30, s: 0.5, beta: 6 },
    'α = β (z = 0)': { r: 0.8, alpha: 9, s: 1.5, beta: 9 },
    'α/β = 1e3 (z near 1: the tables end and the series divides)': { r: 0.5, alpha: 0.02, s: 0.7, beta: 20 },
  };
  test.each(Object.entries(cases))('%s: within 1e-12 relative of paretoNbdPAlive, in row order', (_, params) => {
    const p = scored(params, rows);
    rows.forEach((row, i) => {
      expect(Math.abs(p[i] / paretoNbdPAlive(params, row.x, row.t_x, row.T) - 1)).toBeLessThan(1e-12);
    });
    expect(p[1]).toBe(1);
  });
});
