import { isBlank, numberMatrix, numberVector, optionalNumber, requiredNumber, vectorCells } from '../../src/functions/ranges.ts';

describe('numberMatrix', () => {
  test('keeps numbers, turns blanks (null, undefined, "") into missing answers; 0 stays a number', () => {
    expect(numberMatrix([[1, null], ['', 0], [undefined, 7]], 'scores')).toEqual([[1, null], [null, 0], [null, 7]]);
  });

  test('a single cell passed as a scalar is a 1 x 1 range', () => {
    expect(numberMatrix(5, 'scores')).toEqual([[5]]);
  });

  test('text, logical values and errors are named by row and column', () => {
    expect(() => numberMatrix([[1, 2], [3, 'x']], 'scores')).toThrow('scores: row 2, column 2 is not a number (got "x")');
    expect(() => numberMatrix([[1, true]], 'scores')).toThrow('scores: item 2 is a logical value (TRUE); expected a number');
    expect(() => numberMatrix([[1], [{}]], 'scores')).toThrow('scores: item 2 is an error or unsupported value; expected a number');
  });

  test('an all-blank range is empty', () => {
    expect(() => numberMatrix([[null, ''], ['', null]], 'scores')).toThrow('scores is empty');
  });
});

describe('numberVector', () => {
  test('reads a row or a column in order', () => {
    expect(numberVector([[1, 2, 3]], 'weights')).toEqual([1, 2, 3]);
    expect(numberVector([[1], [2], [3]], 'weights')).toEqual([1, 2, 3]);
  });

  test('rejects two-dimensional ranges, blanks and text', () => {
    expect(() => numberVector([[1, 2], [3, 4]], 'weights')).toThrow('weights must be a single row or column (got 2 x 2)');
    expect(() => numberVector([[1], [null], [3]], 'weights')).toThrow('weights: item 2 is blank; expected a number');
    expect(() => numberVector([[1, 'a']], 'weights')).toThrow('weights: item 2 is not a number (got "a")');
  });
});

describe('scalars', () => {
  test('optional numbers fall back when omitted or blank', () => {
    expect(optionalNumber(null, 'scaleMin', 1)).toBe(1);
    expect(optionalNumber('', 'scaleMin', 1)).toBe(1);
    expect(optionalNumber(undefined, 'periods')).toBeUndefined();
    expect(optionalNumber(3, 'periods')).toBe(3);
  });

  test('required numbers name the argument', () => {
    expect(() => requiredNumber(null, 'margin')).toThrow('margin is required');
    expect(() => requiredNumber('ten', 'margin')).toThrow('margin is not a number (got "ten")');
    expect(() => requiredNumber(Infinity, 'margin')).toThrow('margin is a number too large to represent; expected a number');
  });

  test('isBlank is the one blank rule of core/table/cell.ts: a cell of spaces is blank, 0 is not', () => {
    expect([null, undefined, '', ' ', '\t ', 0, 'a'].map(isBlank)).toEqual([true, true, true, true, true, false, false]);
  });

  test('a cell of spaces is a blank answer in a number matrix, as in the pane (no longer text)', () => {
    expect(numberMatrix([[1, ' '], ['  ', 2]], 'scores')).toEqual([[1, null], [null, 2]]);
    expect(() => numberMatrix([[' ', '']], 'scores')).toThrow('scores is empty');
    expect(() => numberVector([[1], [' ']], 'values')).toThrow('values: item 2 is blank; expected a number');
  });
});

describe('bounded work: range sizes (issue #9)', () => {
  // One shared row object keeps these ranges cheap to build.
  const tall = (rows: number, width: number) => new Array<unknown[]>(rows).fill(new Array<unknown>(width).fill(1));

  test('a range of more rows than an Excel sheet holds is an error naming the argument', () => {
    expect(() => numberMatrix(tall(1_048_577, 1), 'scores')).toThrow(
      'scores has 1,048,577 rows; at most 1,048,576 are allowed',
    );
    expect(() => vectorCells(tall(1_048_577, 1), 'values')).toThrow('values has 1,048,577 rows');
  });

  test('a range of more than 10,000,000 cells is an error naming the argument', () => {
    expect(() => numberVector(tall(1_000_000, 11), 'weights')).toThrow(
      'weights has 11,000,000 cells; at most 10,000,000 are allowed',
    );
  });

  test('a non-finite number is described in words, never as NaN or Infinity', () => {
    expect(() => numberVector([[1, Infinity]], 'scores')).toThrow('scores: item 2 is a number too large to represent; expected a number');
    // NaN is Arquero's missing value: blank under the one blank rule (core/table/cell.ts).
    expect(() => numberVector([[NaN, 1]], 'scores')).toThrow('scores: item 1 is blank; expected a number');
  });
});
