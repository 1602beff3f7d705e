import fc from 'fast-check';
import { CompensatedSum, GroupedSum, roundingError, sum } from '../../../src/core/math/sum.ts';

/** A finite double as an exact integer multiple of 2^-1074 (the smallest subnormal). */
function exactUnits(x: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const exponent = (hi >>> 20) & 0x7ff;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
  const units = mantissa << BigInt(Math.max(exponent, 1) - 1);
  return hi >>> 31 ? -units : units;
}

const abs = (v: bigint) => (v < 0n ? -v : v);

/** The exact sum in units of 2^-1074, with BigInt arithmetic: the reference the sums are held to. */
const exactSum = (values: number[]) => values.reduce((s, v) => s + exactUnits(v), 0n);

// Doubles over many magnitudes and both signs, so that cancellation happens.
const value = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.double({ min: -1e15, max: 1e15, noNaN: true }),
  fc.integer({ min: -1000, max: 1000 }).map((k) => k / 100),
);

describe('compensated (Neumaier) summation', () => {
  test('roundingError is the exact error of one addition (checked in exact BigInt arithmetic)', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        const next = a + b;
        expect(exactUnits(next) + exactUnits(roundingError(a, b, next))).toBe(exactUnits(a) + exactUnits(b));
      }),
    );
  });

  test('textbook cases: 0.1 + 0.2 + 0.3 is 0.6; [1, 1e100, 1, -1e100] is 2 (Neumaier 1974; plain Kahan gives 0)', () => {
    expect(sum([0.1, 0.2, 0.3])).toBe(0.6);
    expect(0.1 + 0.2 + 0.3).not.toBe(0.6);
    expect(sum([1, 1e100, 1, -1e100])).toBe(2);
  });

  test('within Neumaier\'s bound of the exact sum: |s − S| ≤ 2⁻⁵² |S| + n² 2⁻¹⁰⁴ Σ|x_i|', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), (values) => {
        const exact = exactSum(values);
        const magnitude = values.reduce((s, v) => s + abs(exactUnits(v)), 0n);
        const n = BigInt(values.length);
        const error = abs(exactUnits(sum(values)) - exact);
        // Both sides times 2^104, to stay in integers.
        expect(error << 104n <= (abs(exact) << 52n) + n * n * magnitude).toBe(true);
      }),
    );
  });

  test('sum, CompensatedSum and GroupedSum are one rule: bitwise the same totals', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), value), { maxLength: 100 }), (rows) => {
        const grouped = new GroupedSum(4);
        const running = [0, 1, 2, 3].map(() => new CompensatedSum());
        for (const [group, v] of rows) {
          grouped.add(group, v);
          running[group].add(v);
        }
        const totals = grouped.result();
        for (let group = 0; group < 4; group++) {
          const values = rows.filter(([g]) => g === group).map(([, v]) => v);
          expect(Object.is(totals[group], sum(values))).toBe(true);
          expect(Object.is(grouped.get(group), sum(values))).toBe(true);
          expect(Object.is(running[group].value(), sum(values))).toBe(true);
        }
      }),
    );
  });

  test('CompensatedSum: total is the plain left-to-right sum; reset starts again from 0', () => {
    const s = new CompensatedSum();
    for (const v of [0.1, 0.2, 0.3]) s.add(v);
    expect(s.total).toBe(0.1 + 0.2 + 0.3);
    expect(s.value()).toBe(0.6);
    s.reset();
    expect(s.value()).toBe(0);
    s.add(5);
    expect(s.value()).toBe(5);
  });
});
