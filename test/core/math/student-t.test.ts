import { incompleteBeta } from '../../../src/core/math/incomplete-beta.ts';
import { studentTQuantile } from '../../../src/core/math/student-t.ts';

describe('incompleteBeta', () => {
  test('closed forms: I_x(a, 1) = x^a, I_x(1, b) = 1 − (1 − x)^b, I_½(a, a) = ½', () => {
    for (const x of [0.01, 0.2, 0.5, 0.77, 0.99]) {
      for (const a of [0.5, 1, 2.5, 7]) {
        expect(incompleteBeta(x, a, 1)).toBeCloseTo(x ** a, 13);
        expect(incompleteBeta(x, 1, a)).toBeCloseTo(1 - (1 - x) ** a, 13);
      }
    }
    for (const a of [0.5, 3, 40]) expect(incompleteBeta(0.5, a, a)).toBeCloseTo(0.5, 13);
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
  });
});

describe('studentTQuantile', () => {
  test('closed forms for df = 1 (Cauchy: tan(π(p − ½))) and df = 2 ((2p − 1)/√(2p(1 − p)))', () => {
    for (const p of [0.6, 0.9, 0.975, 0.995]) {
      expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 9);
      expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 11);
    }
  });

  test('reference values (mpmath 1.2.1 at 30 digits, findroot on betainc; agree with R qt to 12 dp)', () => {
    expect(studentTQuantile(0.975, 5)).toBeCloseTo(2.570581835636, 10);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228138851986, 10);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042272456301, 10);
    expect(studentTQuantile(0.975, 1000)).toBeCloseTo(1.962339080826, 10);
    expect(studentTQuantile(0.995, 3)).toBeCloseTo(5.840909309733, 10);
    expect(studentTQuantile(0.95, 20)).toBeCloseTo(1.724718242920, 10);
    expect(studentTQuantile(0.5, 7)).toBe(0);
  });
});
