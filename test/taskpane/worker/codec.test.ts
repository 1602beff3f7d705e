/**
 * An InputError crossing the worker boundary arrives whole: message, code and location as data,
 * so the pane can still move it to its own rows with `relocated` (it never reads the text).
 */
import { relocated } from '../../../src/core/errors.ts';
import { notANumber, stated } from '../../../src/core/messages.ts';
import { decode, encode } from '../../../src/taskpane/worker/codec.ts';
import { errorOf } from '../../core/error-of.ts';

/** What a structured clone does to plain data (the worker boundary). */
function acrossTheBoundary(value: unknown): unknown {
  return decode(structuredClone(encode(value)));
}

test('a builder-made error keeps its message, code, location and problem', () => {
  const sent = notANumber({ argument: 'amount', column: 'Amount', row: 14 }, 'n/a');
  const arrived = errorOf(() => {
    throw acrossTheBoundary(sent);
  });
  expect(arrived.message).toBe('amount: column "Amount", row 14 is not a number (got "n/a")');
  expect(arrived.code).toBe('value');
  expect(arrived.location).toEqual({ argument: 'amount', column: 'Amount', row: 14 });
  expect(arrived.problem).toBe(sent.problem);
  // Moved to a sheet row on this side, as an adapter does.
  expect(relocated(arrived, { row: 15 }).message).toBe('amount: column "Amount", row 15 is not a number (got "n/a")');
});

test('a sentence keeps its words and its location', () => {
  const sent = stated({ argument: 'holdout' }, 'Holdout (weeks): choose a shorter holdout.', 'num');
  const arrived = errorOf(() => {
    throw acrossTheBoundary(sent);
  });
  expect(arrived.message).toBe('Holdout (weeks): choose a shorter holdout.');
  expect(arrived.code).toBe('num');
  expect(arrived.argument).toBe('holdout');
  expect(arrived.location).toEqual({ argument: 'holdout' });
});
