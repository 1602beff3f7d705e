import {
  blankCell,
  columnNotFound,
  got,
  invalid,
  mustBe,
  notADate,
  notANumber,
  notATable,
  notFinite,
  notOneOf,
  notWholeNumber,
  required,
  showValue,
  stated,
  tooMany,
} from '../../src/core/messages.ts';

describe('message builders', () => {
  test('values are shown one way, as (got …)', () => {
    expect(showValue('n/a')).toBe('"n/a"');
    expect(showValue(NaN)).toBe('NaN');
    expect(showValue(null)).toBe('null');
    expect(showValue(undefined)).toBe('undefined');
    expect(showValue(3n)).toBe('3n');
    expect(showValue([1, 2])).toBe('[1,2]');
    expect(showValue({ a: 1 })).toBe('{"a":1}');
    expect(got(-0.5)).toBe(' (got -0.5)');
  });

  test('each builder: message, code and location', () => {
    const cases = [
      [notFinite('margin', Infinity), 'margin must be a finite number (got Infinity)', 'value', { argument: 'margin' }],
      [notWholeNumber({ argument: 'x', row: 2 }, 1.5, 'a whole number ≥ 0', 'num'), 'x: row 2 must be a whole number ≥ 0 (got 1.5)', 'num', { argument: 'x', row: 2 }],
      [notOneOf('ties', ['quantile', 'dense', 'first'], 'x'), `ties must be 'quantile', 'dense' or 'first' (got "x")`, 'value', { argument: 'ties' }],
      [mustBe('periods', 'a positive integer'), 'periods must be a positive integer', 'value', { argument: 'periods' }],
      [required('calibrationEnd', ' (the last day)'), 'calibrationEnd is required (the last day)', 'value', { argument: 'calibrationEnd' }],
      [blankCell({ argument: 'customer', column: 'id', row: 3 }), 'customer: column "id", row 3 is blank', 'na', { argument: 'customer', column: 'id', row: 3 }],
      [notANumber({ argument: 'amount', column: 'Amount', row: 14 }, 'n/a'), 'amount: column "Amount", row 14 is not a number (got "n/a")', 'value', { argument: 'amount', column: 'Amount', row: 14 }],
      [notADate({ argument: 'date', column: 'd', row: 2 }, 'text "soon"', 'use yyyy-mm-dd'), 'date: column "d", row 2 is not a date (got text "soon"); use yyyy-mm-dd', 'value', { argument: 'date', column: 'd', row: 2 }],
      [notATable('transactions'), 'transactions must be an Arquero table or an array of row objects', 'value', { argument: 'transactions' }],
      [columnNotFound('amount', 'Amount', 'columns: a, b'), 'amount: column "Amount" not found (columns: a, b)', 'na', { argument: 'amount', column: 'Amount' }],
      [columnNotFound('amount', 'Amount', ': the table is empty'), 'amount: column "Amount" not found: the table is empty', 'na', { argument: 'amount', column: 'Amount' }],
      [tooMany('scores', 1234567, 'rows', 1000000), 'scores has 1,234,567 rows; at most 1,000,000 are allowed', 'num', { argument: 'scores' }],
      [invalid({ argument: 'competitors', item: 2 }, 'is 0; a ratio needs a non-zero competitor score'), 'competitors: item 2 is 0; a ratio needs a non-zero competitor score', 'value', { argument: 'competitors', item: 2 }],
      [stated('every', 'give either periodEnds or every, not both'), 'give either periodEnds or every, not both', 'value', { argument: 'every' }],
    ] as const;
    for (const [error, message, code, location] of cases) {
      expect(error.message).toBe(message);
      expect(error.code).toBe(code);
      expect(error.location).toEqual(location);
    }
  });
});
