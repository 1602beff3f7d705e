import { hypergeometric2F1 } from '../../../src/core/math/hypergeometric.ts';

// Reference values: scipy.special.hyp2f1 (scipy 1.10.1), e.g. hyp2f1(2.5, 1.5, 3.2, 0.95).
const CASES: [number, number, number, number, number][] = [
  [0.5, 0.3, 1.7, 0.3, 1.0298874776286793], // plain series
  [2.5, 1.5, 3.2, 0.95, 21.828365177380128], // 1 − z transformation (c − a − b = −0.8)
  [0.243, 2.426, 2.219, 0.946, 2.3834119091635886], // BG/NBD E[X(78)] on CDNOW
  [1.2, 0.8, 2.0, 0.999, 6.561546222403107], // c − a − b = 0: long direct series
  [1.5, 1.5, 3.0, 0.97, 6.33660278425853], // c − a − b = 0
  [3, 2, 4.5, -2.0, 0.20516410823682332], // Pfaff transformation for z < 0
  [10.3, 12.1, 14.7, 0.6, 2011.2294321220236], // terms grow before they shrink
  [-0.45, -0.2, 2.2, 0.99, 1.0442720113530657], // negative a, b near z = 1
];

describe('hypergeometric2F1', () => {
  test.each(CASES)('2F1(%p, %p; %p; %p) matches scipy.special.hyp2f1', (a, b, c, z, expected) => {
    expect(Math.abs(hypergeometric2F1(a, b, c, z) - expected)).toBeLessThanOrEqual(1e-11 * Math.abs(expected));
  });
  test('the documented example: 2F1(1, 1; 2; z) = −ln(1 − z)/z', () => {
    expect(hypergeometric2F1(1, 1, 2, 0.5)).toBeCloseTo(-Math.log(0.5) / 0.5, 14);
  });
  test('z = 0 gives 1; z ≥ 1 and c a non-positive integer are refused', () => {
    expect(hypergeometric2F1(2, 3, 4, 0)).toBe(1);
    expect(() => hypergeometric2F1(1, 1, 2, 1)).toThrow('z must be less than 1 (got 1)');
    expect(() => hypergeometric2F1(1, 1, -2, 0.5)).toThrow('c must be other than 0 or a negative integer (got -2)');
  });
});
