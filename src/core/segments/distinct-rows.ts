/**
 * How many distinct rows a feature matrix has: k-means cannot make more non-empty clusters than
 * that, so a k above it is an error rather than empty clusters.
 */
import type { TableInput } from '../table/input.ts';
import { featureMatrix } from './feature-matrix.ts';

/**
 * Distinct rows of a row-major matrix (rows equal in every column count once; −0 equals 0).
 * Sorts the row indices lexicographically: O(n log n · d).
 */
export function _distinctRowCount(X: Float64Array, n: number, d: number): number {
  if (n === 0) return 0;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const compare = (a: number, b: number): number => {
    for (let j = 0; j < d; j++) {
      const diff = X[a * d + j] - X[b * d + j];
      if (diff !== 0) return diff;
    }
    return 0;
  };
  order.sort(compare);
  let distinct = 1;
  for (let r = 1; r < n; r++) if (compare(order[r - 1], order[r]) !== 0) distinct++;
  return distinct;
}

/**
 * The number of distinct rows of a table over the given numeric columns: the largest k for which
 * k-means can return k non-empty clusters.
 *
 * O(n log n · d).
 *
 * @param table rows (an Arquero table or an array of row objects)
 * @param columns numeric columns compared
 * @returns the count of distinct rows
 * @throws {InputError} on a missing or non-numeric column (naming column and row)
 * @example countDistinctRows([{ a: 1 }, { a: 1 }, { a: 2 }], ['a']); // => 2
 */
export function countDistinctRows(table: TableInput, columns: readonly string[]): number {
  const { data, n, d } = featureMatrix(table, columns, false);
  return _distinctRowCount(data, n, d);
}
