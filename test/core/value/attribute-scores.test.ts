import { attributeScores } from '../../../src/core/value/attribute-scores.ts';
import { errorOf } from '../error-of.ts';

describe('attributeScores', () => {
  test('JSDoc example: [9, "6"] → Float64Array [9, 6]', () => {
    const scores = attributeScores([9, '6'], 'ours');
    expect(scores).toBeInstanceOf(Float64Array);
    expect(Array.from(scores)).toEqual([9, 6]);
  });

  test('blank, text, empty and non-array are errors naming the argument', () => {
    const blank = errorOf(() => attributeScores([9, ''], 'ours'));
    expect(blank.message).toBe('ours: item 2 is blank');
    expect(blank.location).toEqual({ argument: 'ours', item: 2 });
    expect(blank.code).toBe('na');
    const text = errorOf(() => attributeScores(['x'], 'ours'));
    expect(text.message).toBe('ours: item 1 is not a number (got "x")');
    expect(text.location).toEqual({ argument: 'ours', item: 1 });
    expect(() => attributeScores([], 'ours')).toThrow('ours must contain at least one attribute');
    expect(() => attributeScores(null as never, 'ours')).toThrow('ours must be an array of attribute scores');
  });
});
