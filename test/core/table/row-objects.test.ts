/**
 * rowObjects: the rows Arquero's `objects()` gives, without compiling code (the pane's CSP
 * refuses `new Function`), names such as `__proto__` included.
 */
import * as aq from 'arquero';
import { rowObjects } from '../../../src/core/table/row-objects.ts';
import { tableFromColumns } from '../../../src/core/table/named-columns.ts';

test('the same rows as Arquero objects(), also for ordered and filtered tables', () => {
  const table = aq.table({ a: [3, 1, 2], b: ['x', 'y', 'z'], c: new Float64Array([0.5, 1.5, 2.5]) });
  expect(rowObjects(table)).toEqual(table.objects());
  const ordered = table.orderby('a');
  expect(rowObjects(ordered)).toEqual(ordered.objects());
  expect(rowObjects(table, ['b'])).toEqual([{ b: 'x' }, { b: 'y' }, { b: 'z' }]);
});

test('names are data: __proto__, constructor and toString are own keys', () => {
  const table = tableFromColumns(['__proto__', 'constructor', 'toString'], [[1, 2], ['a', 'b'], [true, false]]);
  const rows = rowObjects(table);
  expect(rows).toHaveLength(2);
  expect(Object.keys(rows[1])).toEqual(['__proto__', 'constructor', 'toString']);
  expect(Object.getOwnPropertyDescriptor(rows[1], '__proto__')?.value).toBe(2);
  expect(Object.getPrototypeOf(rows[1])).toBe(Object.prototype);
  expect(rows[0].toString).toBe(true);
});

test('compiles no code', () => {
  const table = aq.table({ a: [1, 2] });
  const original = globalThis.Function;
  globalThis.Function = new Proxy(original, {
    apply: () => {
      throw new EvalError('no code generation');
    },
  });
  try {
    expect(rowObjects(table)).toEqual([{ a: 1 }, { a: 2 }]);
  } finally {
    globalThis.Function = original;
  }
});

test('anything else with objects() is asked for its rows', () => {
  expect(rowObjects({ objects: () => [{ a: 1 }] })).toEqual([{ a: 1 }]);
});
