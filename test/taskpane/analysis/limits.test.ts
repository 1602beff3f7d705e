/**
 * Bounded work in the pane (issue 9, item 3): the horizon field showed a maximum of 120 but took
 * 100,000 (the pane froze for 59 s); k = 2,000 overflowed the stack compiling the chart. Every
 * field that scales the work has a maximum, enforced with a message naming the field.
 */
import { fieldProblem, PANE_LIMITS } from '../../../src/taskpane/analysis/limits.ts';

test('the horizon: 1 to 120 whole months', () => {
  expect(fieldProblem(PANE_LIMITS.months, '12')).toBeNull();
  expect(fieldProblem(PANE_LIMITS.months, '120')).toBeNull();
  expect(fieldProblem(PANE_LIMITS.months, '100000')).toBe('Horizon (months) must be a whole number from 1 to 120 (it is 100000).');
  expect(fieldProblem(PANE_LIMITS.months, '1e308')).toBe('Horizon (months) must be a whole number from 1 to 120 (it is 1e308).');
  expect(fieldProblem(PANE_LIMITS.months, '0')).toBe('Horizon (months) must be a whole number from 1 to 120 (it is 0).');
  expect(fieldProblem(PANE_LIMITS.months, '2.5')).toBe('Horizon (months) must be a whole number from 1 to 120 (it is 2.5).');
  expect(fieldProblem(PANE_LIMITS.months, '')).toBe('Horizon (months) must be a whole number from 1 to 120 (it is blank).');
  expect(fieldProblem(PANE_LIMITS.months, 'abc')).toBe('Horizon (months) must be a whole number from 1 to 120 (it is "abc").');
});

test('k and the number of RFM scores', () => {
  expect(fieldProblem(PANE_LIMITS.k, '2000')).toBe('k-means clusters (k) must be a whole number from 1 to 12 (it is 2000).');
  expect(fieldProblem(PANE_LIMITS.k, '4')).toBeNull();
  expect(fieldProblem(PANE_LIMITS.bins, '5')).toBeNull();
  expect(fieldProblem(PANE_LIMITS.bins, '10')).toBe('RFM scores must be a whole number from 2 to 9 (it is 10).');
});

test('shares and rates: numbers within their range, not necessarily whole', () => {
  expect(fieldProblem(PANE_LIMITS.margin, '0.3')).toBeNull();
  expect(fieldProblem(PANE_LIMITS.margin, '1.5')).toBe('Margin (share of spend) must be a number from 0 to 1 (it is 1.5).');
  expect(fieldProblem(PANE_LIMITS.discount, '0.01')).toBeNull();
  expect(fieldProblem(PANE_LIMITS.discount, '-0.01')).toBe('Discount rate per month must be a number from 0 to 1 (it is -0.01).');
  expect(fieldProblem(PANE_LIMITS.tolerance, '3')).toBeNull();
});

test('the pane limits stay within what the core accepts (RFM scores: core allows 2..20)', () => {
  expect(PANE_LIMITS.bins.max).toBeLessThanOrEqual(20);
  expect(PANE_LIMITS.bins.min).toBeGreaterThanOrEqual(2);
  expect(PANE_LIMITS.k.min).toBeGreaterThanOrEqual(1);
});
