import * as aq from 'arquero';
import { factorize } from '../../../src/core/table/factorize.ts';
import { columnValues, inputColumn } from '../../../src/core/table/column-values.ts';
import { seededRandom } from '../../../src/core/math/random.ts';

describe('factorize', () => {
  test('the JSDoc example', () => {
    const out = factorize(['b', 'a', 'b'], 'customer', 'customer');
    expect(Array.from(out.ids)).toEqual([0, 1, 0]);
    expect(out.keys).toEqual(['b', 'a']);
  });

  test('numeric keys through the typed hash agree with a Map, across rehashing (5,000 keys)', () => {
    const r = seededRandom(5);
    const values = Array.from({ length: 50_000 }, () => (r() < 0.5 ? Math.floor(r() * 5000) : Math.floor(r() * 5000) + 0.25));
    const out = factorize(values, 'c', 'customer');
    const map = new Map<number, number>();
    const ids = values.map((v) => {
      if (!map.has(v)) map.set(v, map.size);
      return map.get(v);
    });
    expect(Array.from(out.ids)).toEqual(ids);
    expect(out.keys).toEqual([...map.keys()]);
  });

  test('integer keys: direct addressing (compact range) and hashing (wide range) agree with a Map', () => {
    const r = seededRandom(6);
    for (const spread of [1000, 2 ** 30]) {
      const values = Int32Array.from({ length: 20_000 }, () => Math.floor(r() * spread) - spread / 2);
      const out = factorize(values, 'c', 'customer');
      const map = new Map<number, number>();
      const ids = Array.from(values, (v) => {
        if (!map.has(v)) map.set(v, map.size);
        return map.get(v);
      });
      expect(Array.from(out.ids)).toEqual(ids);
      expect(out.keys).toEqual([...map.keys()]);
    }
  });

  test('mixed keys fall back to a Map; 1 and "1" differ', () => {
    const out = factorize([1, '1', 1, 2], 'c', 'customer');
    expect(Array.from(out.ids)).toEqual([0, 1, 0, 2]);
    expect(out.keys).toEqual([1, '1', 2]);
  });

  test('blank keys are named by column and row', () => {
    expect(() => factorize([1, 2, NaN], 'id', 'customer')).toThrow('customer: column "id", row 3 is blank');
    expect(() => factorize(['a', undefined], 'id', 'customer')).toThrow('customer: column "id", row 2 is blank');
    expect(() => factorize([1, null], 'id', 'customer')).toThrow('customer: column "id", row 2 is blank');
    // The one blank rule (core/table/cell.ts): a key of spaces is blank too.
    expect(() => factorize(['a', ' \t'], 'id', 'customer')).toThrow('customer: column "id", row 2 is blank');
    expect(() => factorize([1, ''], 'id', 'customer')).toThrow('customer: column "id", row 2 is blank');
  });
});

describe('columnValues / inputColumn', () => {
  test('the JSDoc examples; filtered and ordered tables respect row order', () => {
    expect(Array.from(columnValues(aq.table({ x: [1, 2] }), 'x', 'x'))).toEqual([1, 2]);
    expect(inputColumn([{ x: 1 }, { x: 2 }], 'x', 'x')).toEqual([1, 2]);
    const t = aq.table({ x: [3, 1, 2] });
    expect(Array.from(columnValues(t.orderby('x'), 'x', 'x'))).toEqual([1, 2, 3]);
    expect(Array.from(columnValues(t.filter((d: { x: number }) => d.x > 1), 'x', 'x'))).toEqual([3, 2]);
  });

  test('missing columns and bad input are errors', () => {
    expect(() => inputColumn([{ a: 1 }], 'x', 'amount')).toThrow('amount: column "x" not found (columns: a)');
    expect(() => inputColumn('nope', 'x', 'transactions')).toThrow('transactions must be an Arquero table or an array of row objects');
    expect(() => columnValues(aq.table({ a: [1] }), 'x', 'amount')).toThrow('amount: column "x" not found (columns: a)');
  });
});
