import { aliveExpectation, betaMixture, closedForm, positiveSeries } from '../../../src/core/lifetime/bg-nbd-alive-expectation.ts';

// The CRM.EXPECTEDPURCHASES property case (issue 9): r = 0.05, α and a = 0.05 + a few ulps,
// b = 1e-4, x = 2, T = 120.35. Here s = r + x − a + 1 rounds to exactly 3 or to 3 − 4e-16, so the
// 1 − z connection formula adds two terms of size ~1/(s − 3) that cancel, and the rounding of s
// alone made the closed form return 2.8e7 with an error estimate of 5e-14.
const r = 0.05;
const alpha = 0.05000000000000003;
const a = 0.05000000000000005;
const b = 0.0001;
const x = 2;
const T = 120.34984158836198;

describe('BG/NBD expectation of a live customer next to a pole of the connection formula', () => {
  test.each([52, 520, 5200])('t = %d agrees with the quadrature form and the positive series', (t) => {
    const u = t / (alpha + T);
    const quadrature = betaMixture(r + x, a, b + x, [u], [1]);
    const series = positiveSeries(r + x, a, b + x, u);
    expect(Math.abs(series / quadrature - 1)).toBeLessThan(1e-10);
    expect(Math.abs(aliveExpectation(r, alpha, a, b, x, T, t) / quadrature - 1)).toBeLessThan(1e-10);
  });

  test('the closed form either is accurate or reports that it is not', () => {
    for (const t of [520, 5200]) {
      const u = t / (alpha + T);
      const closed = closedForm(r + x, a, b + x, u);
      const quadrature = betaMixture(r + x, a, b + x, [u], [1]);
      const actual = Math.abs(closed.value / quadrature - 1);
      // An estimate that claims accuracy must deliver it (within the documented factor of 1.5,
      // plus the quadrature's own 2e-13).
      if (closed.error <= 1e-12) expect(actual).toBeLessThan(1.5 * closed.error + 2e-13);
    }
  });

  test('non-decreasing in t', () => {
    let previous = 0;
    for (const t of [1.5e-285, 1.16e-120, 4.5e-97, 1, 52, 520, 5200, 1e5]) {
      const value = aliveExpectation(r, alpha, a, b, x, T, t);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
  });
});

// CRM.EXPECTEDPURCHASES property cases, seeds 1 and 2 (issue 9): E fell by 1.5e-12 and 5.7e-12
// relative from t = 1 to t = 520 (and 39 to 5200) where it has levelled off. Both came from the
// positive series (3), not the closed form: its negative binomial weights were carried in log
// space from −k·ln(1 + u) ≈ −4,400 (and −6,800), and each of thousands of additions rounded at
// that magnitude. Where k·u is this large, E[(1 + p u)^(−k)/p] is below 1e-25, so the exact
// value is E[1/p] = (a + B − 1)/(a − 1) for p ~ Beta(a, B).
describe('the positive series where k·u is large (weights far below 1 at the start)', () => {
  test.each([
    [1e5, 1.059239094893685, 10.000000000000014, 0.9999999999999999, 1, 21.443586194950896, 1],
    [9999.999999999998, 41.46096181907439, 132.61724102585453, 0.4796077915809605, 378, 0.6487908200819431, 39],
  ])('r = %d, α = %d, a = %d, b = %d, x = %d, T = %d, t = %d: E[1/p] to 1e-14', (r, alpha, a, b, x, T, t) => {
    const B = b + x;
    const exact = (a + B - 1) / (a - 1);
    const u = t / (alpha + T);
    expect(Math.abs(positiveSeries(r + x, a, B, u) / exact - 1)).toBeLessThan(1e-14);
    expect(Math.abs(aliveExpectation(r, alpha, a, b, x, T, t) / exact - 1)).toBeLessThan(1e-14);
  });
});
