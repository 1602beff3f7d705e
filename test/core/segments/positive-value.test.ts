import { nonPositiveValues } from '../../../src/core/segments/positive-value.ts';
import { errorOf } from '../error-of.ts';

test('the items whose value is zero or negative, in order (net spend after returns)', () => {
  expect(Array.from(nonPositiveValues([10, -8.77, 0, 3, -0.01]))).toEqual([1, 2, 4]);
  expect(Array.from(nonPositiveValues(Float64Array.from([1, 2])))).toEqual([]);
  expect(Array.from(nonPositiveValues([]))).toEqual([]);
});

test('a value that is not a finite number is an error naming the argument and the item', () => {
  expect(errorOf(() => nonPositiveValues([1, 'n/a'], 'monetary')).message).toBe('monetary: item 2 is not a number (got "n/a")');
  expect(errorOf(() => nonPositiveValues([NaN])).message).toBe('values: item 1 is not a number (got NaN)');
  expect(errorOf(() => nonPositiveValues([Infinity])).argument).toBe('values');
});
