import { attributeScores } from '../../../src/core/value/attribute-scores.ts';

describe('attributeScores', () => {
  test('JSDoc example: [9, "6"] → Float64Array [9, 6]', () => {
    const scores = attributeScores([9, '6'], 'ours');
    expect(scores).toBeInstanceOf(Float64Array);
    expect(Array.from(scores)).toEqual([9, 6]);
  });

  test('blank, text, empty and non-array are errors naming the argument', () => {
    expect(() => attributeScores([9, ''], 'ours')).toThrow('ours: attribute 2 is blank');
    expect(() => attributeScores(['x'], 'ours')).toThrow('ours: attribute 1 is not a number ("x")');
    expect(() => attributeScores([], 'ours')).toThrow('ours must contain at least one attribute');
    expect(() => attributeScores(null as never, 'ours')).toThrow('ours must be an array of attribute scores');
  });
});
