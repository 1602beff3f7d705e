import { formatLocation, InputError, isInputError, locatedError, relocated } from '../../src/core/errors.ts';

describe('formatLocation', () => {
  test('the @example: argument, named column, row', () => {
    expect(formatLocation({ argument: 'amount', column: 'Amount', row: 14 })).toBe('amount: column "Amount", row 14');
  });

  test('each kind of position, and the order of a named and a numbered column', () => {
    expect(formatLocation({ argument: 'margin' })).toBe('margin');
    expect(formatLocation({ argument: 'values', item: 4 })).toBe('values: item 4');
    expect(formatLocation({ argument: 'scores', row: 2, column: 3 })).toBe('scores: row 2, column 3');
    expect(formatLocation({ column: 'Amount', row: 14 })).toBe('column "Amount", row 14');
    expect(formatLocation({ argument: 'summary', customer: 7 })).toBe('summary: customer 7');
    expect(formatLocation({})).toBe('');
  });

  test('names are data: a column named "__proto__" or with a quote is shown as JSON', () => {
    expect(formatLocation({ column: '__proto__', row: 1 })).toBe('column "__proto__", row 1');
    expect(formatLocation({ column: 'a"b' })).toBe('column "a\\"b"');
  });
});

describe('locatedError', () => {
  test('the @example: location, then the problem; the location kept as data', () => {
    const error = locatedError({ argument: 'x', item: 3 }, 'is blank', 'na');
    expect(error.message).toBe('x: item 3 is blank');
    expect(error.code).toBe('na');
    expect(error.argument).toBe('x');
    expect(error.location).toEqual({ argument: 'x', item: 3 });
    expect(error.problem).toBe('is blank');
    expect(isInputError(error)).toBe(true);
  });

  test('a problem that is a clause follows the location with its own punctuation', () => {
    expect(locatedError({ argument: 'line' }, ': fitting a line needs at least two offers').message).toBe(
      'line: fitting a line needs at least two offers',
    );
  });
});

describe('relocated', () => {
  test('restates the same problem at another row, never parsing the message', () => {
    const error = locatedError({ argument: 'monetary', customer: 2 }, 'must be positive (got -1)');
    const moved = relocated(error, { customer: undefined, row: 5 });
    expect(moved.message).toBe('monetary: row 5 must be positive (got -1)');
    expect(moved.location).toEqual({ argument: 'monetary', row: 5 });
    expect(moved.code).toBe(error.code);
  });

  test('an error not made by a builder keeps its words behind the new position', () => {
    const moved = relocated(new InputError('x must be a whole number', { argument: 'x', code: 'num' }), { row: 3 });
    expect(moved.message).toBe('row 3: x must be a whole number');
    expect(moved.location).toEqual({ argument: 'x', row: 3 });
    expect(moved.code).toBe('num');
  });
});
