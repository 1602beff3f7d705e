/**
 * The Lifetime view never scores with a fit that did not converge (issue 13: a 1M-row run was
 * rejected with "a must be a number from 1e-6 to 1e6" after the pane had scored with the fit).
 *
 * The data are those of the pane's old 1M-row browser book, smaller: each customer buys at
 * random times within a calendar window of their own (a first day and a lifetime), whatever
 * their purchases. Dropout there is not the BG/NBD's "after each purchase, with a probability
 * that varies between customers": the likelihood keeps rising as a and b grow together with
 * a/(a+b) fixed, i.e. towards a dropout probability that is the same for every customer, the
 * boundary of the model where the Beta mixing distribution becomes a point. The maximum is not
 * inside the parameter space: no estimate exists, and the core says so (`converged: false`).
 */
import * as aq from 'arquero';
import { customerSummary, fitBgNbd, fitGammaGamma, InputError } from '../../../src/core/index.ts';
import { bgNbdObjective } from '../../../src/core/lifetime/bg-nbd-fit.ts';
import { readWeightedRfm } from '../../../src/core/lifetime/compress-summary.ts';
import { excelSerialToIso } from '../../../src/taskpane/excel/cell-values.ts';
import { runLifetime } from '../../../src/taskpane/analysis/lifetime.ts';
import { blankUnconvergedPeriods, FitNotConvergedError, isFitNotConverged, requireConverged } from '../../../src/taskpane/analysis/fit-not-converged.ts';
import { decodeError, encodeError } from '../../../src/taskpane/worker/codec.ts';
import { errorText } from '../../../src/taskpane/ui/messages.ts';

/** The old browser book's generator (test/e2e/big-book.ts before issue 13's fix), seeded. */
function windowDropoutLog(rows: number, customers: number) {
  let seed = 12345;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  const customer: string[] = [];
  const date: string[] = [];
  const amount: number[] = [];
  for (let i = 1; i < rows; i++) {
    const c = Math.floor(Math.pow(next(), 1.5) * customers);
    const h = Math.imul(c + 1, 2654435761) >>> 0;
    const first = h % 600;
    const life = 14 + ((h >>> 10) % 700);
    customer.push(`C${c}`);
    date.push(excelSerialToIso(44927 + Math.min(729, first + Math.floor(next() * life))));
    amount.push(Math.round((8 + ((h >>> 20) % 150)) * (0.5 + next()) * 100) / 100);
  }
  return aq.table({ customer, date, amount });
}

const columns = { customer: 'customer', date: 'date', amount: 'amount' };
const log = windowDropoutLog(20_000, 2_000);
const options = { margin: 0.3, monthlyDiscount: 0.01, months: 12, today: '2025-01-01' };

test('on calendar-window dropout the BG/NBD likelihood rises towards a common dropout probability: no estimate exists', () => {
  const summary = customerSummary(log, { ...columns, calibrationEnd: '2024-12-30', timeUnit: 'week' });
  const fit = fitBgNbd(summary);
  expect(fit.converged).toBe(false);
  expect(fit.reason).toMatch(/^not converged: (a|b) ran to/);
  // Along a, b → ∞ with p = a/(a+b) fixed (r, α as fitted), the mean negative log-likelihood falls
  // at every step: the Beta(a, b) of dropout probabilities wants to be a point mass.
  const objective = bgNbdObjective(readWeightedRfm(summary));
  const p = fit.a / (fit.a + fit.b);
  const gradient = [0, 0, 0, 0];
  const values = [1, 10, 100, 1e3, 1e4, 1e5].map((scale) => objective([Math.log(fit.r), Math.log(fit.alpha), Math.log(scale * p), Math.log(scale * (1 - p))], gradient));
  for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThan(values[i - 1]);
});

test('the Lifetime view says the purchase model did not converge, and scores nobody with it', () => {
  let thrown: unknown;
  try {
    runLifetime(log, columns, options);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(FitNotConvergedError);
  const message = (thrown as Error).message;
  expect(message).toMatch(/^The purchase model \(BG\/NBD\) did not converge on this data, so its estimates are not used: no P\(alive\), expected purchases and CLV were computed\. Why: (a|b) ran to /);
  expect(message).not.toContain('must be a number');
  // In the pane: the message as it is, not "Something went wrong" or "The data was rejected".
  expect(errorText(thrown)).toBe(message);
});

test('the error keeps its kind across the worker boundary', () => {
  const back = decodeError(encodeError(new FitNotConvergedError('The purchase model (BG/NBD) did not converge on this data.')));
  expect(isFitNotConverged(back)).toBe(true);
  expect(errorText(back)).toBe('The purchase model (BG/NBD) did not converge on this data.');
  expect(isFitNotConverged(new InputError('x must be a whole number'))).toBe(false);
});

test('requireConverged lets converged fits through and names the spend model when Gamma-Gamma falls short', () => {
  const summary = customerSummary(log, { ...columns, calibrationEnd: '2024-12-30', timeUnit: 'week' });
  const spend = fitGammaGamma(summary);
  expect(spend.converged).toBe(true);
  expect(() => requireConverged(spend, 'Gamma-Gamma', 'spend')).not.toThrow();
  expect(() => requireConverged({ converged: false, reason: 'not converged: the time budget (5000 ms) ran out after 12 iterations; the estimates are the best found so far' }, 'Gamma-Gamma', 'spend')).toThrow(
    'The spend model (Gamma-Gamma) did not converge on this data, so its estimates are not used: no expected spend and CLV were computed. Why: the time budget (5000 ms) ran out after 12 iterations; the estimates are the best found so far.',
  );
});

test('value over quarter ends: no values from fits that did not converge', () => {
  const table = aq.table({
    periodEnd: ['2024-03-31', '2024-06-30', '2024-09-30'],
    meanPAlive: [0.5, 0.6, null],
    expectedAlive: [50, 60, null],
    totalClv: [1000, 2000, null],
    meanClv: [10, 20, null],
    converged: [true, false, null],
    note: [null, null, 'models not fitted: too few customers'],
  });
  const out = blankUnconvergedPeriods(table);
  expect(out.array('expectedAlive')).toEqual([50, null, null]);
  expect(out.array('totalClv')).toEqual([1000, null, null]);
  expect(out.array('meanClv')).toEqual([10, null, null]);
  expect(out.array('meanPAlive')).toEqual([0.5, null, null]);
  expect(out.array('note')).toEqual([null, 'the models did not converge on the data up to this date: no values from them', 'models not fitted: too few customers']);
  const allConverged = aq.table({ periodEnd: ['2024-03-31'], expectedAlive: [50], totalClv: [1000], converged: [true], note: [null] });
  expect(blankUnconvergedPeriods(allConverged)).toBe(allConverged);
});
