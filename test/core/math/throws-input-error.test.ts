/**
 * Exported math functions reject bad input with InputError (never RangeError), so that adapters
 * translate it like any other bad input.
 */
import { InputError } from '../../../src/core/errors.ts';
import { symmetricEigen } from '../../../src/core/math/eigen.ts';
import { hypergeometric2F1 } from '../../../src/core/math/hypergeometric.ts';
import { quantileSorted } from '../../../src/core/math/quantile.ts';
import { errorOf } from '../error-of.ts';

describe('math functions throw InputError', () => {
  test('symmetricEigen: wrong size, a non-finite entry (named by row and column)', () => {
    expect(errorOf(() => symmetricEigen([1, 2, 3], 2)).message).toBe('matrix must have 4 entries (p × p) (got 3)');
    const error = errorOf(() => symmetricEigen([1, 0, 0, NaN], 2));
    expect(error.message).toBe('matrix: row 2, column 2 must be a finite number (got NaN)');
    expect(error.location).toEqual({ argument: 'matrix', row: 2, column: 2 });
    expect(error.code).toBe('num');
  });

  test('quantileSorted: no values', () => {
    expect(errorOf(() => quantileSorted([], 0.5)).message).toBe('sorted must hold at least one value');
  });

  test('hypergeometric2F1: z ≥ 1, c a non-positive integer', () => {
    expect(errorOf(() => hypergeometric2F1(1, 1, 2, 1))).toBeInstanceOf(InputError);
    expect(errorOf(() => hypergeometric2F1(1, 1, 0, 0.5)).code).toBe('num');
  });
});
