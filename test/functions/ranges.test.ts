import { isBlank, numberMatrix, numberVector, optionalNumber, requiredNumber } from '../../src/functions/ranges.ts';

describe('numberMatrix', () => {
  test('keeps numbers, turns blanks (null, undefined, "") into missing answers; 0 stays a number', () => {
    expect(numberMatrix([[1, null], ['', 0], [undefined, 7]], 'scores')).toEqual([[1, null], [null, 0], [null, 7]]);
  });

  test('a single cell passed as a scalar is a 1 x 1 range', () => {
    expect(numberMatrix(5, 'scores')).toEqual([[5]]);
  });

  test('text, logical values and errors are named by row and column', () => {
    expect(() => numberMatrix([[1, 2], [3, 'x']], 'scores')).toThrow('scores: row 2, column 2 is text ("x"); expected a number');
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
    expect(() => numberVector([[1, 'a']], 'weights')).toThrow('weights: item 2 is text ("a"); expected a number');
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
    expect(() => requiredNumber('ten', 'margin')).toThrow('margin is text ("ten"); expected a number');
    expect(() => requiredNumber(Infinity, 'margin')).toThrow('margin is not a finite number (Infinity); expected a number');
  });

  test('isBlank', () => {
    expect([null, undefined, '', 0, ' '].map(isBlank)).toEqual([true, true, true, false, false]);
  });
});
