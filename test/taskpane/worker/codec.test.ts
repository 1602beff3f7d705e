/**
 * An InputError crossing the worker boundary arrives whole: message, code and location as data,
 * so the pane can still move it to its own rows with `relocated` (it never reads the text).
 *
 * What crosses the worker boundary in bulk goes as blocks, not value by value (issue 13: the
 * 100,000-customer results took over 100 ms of the pane's main thread to arrive): numeric table
 * columns as Float64Arrays, long text with few distinct values as a dictionary, a column shared by
 * two tables once. All come back equal to what was sent.
 */
import * as aq from 'arquero';
import { decode, encode, packedArray, TAG } from '../../../src/taskpane/worker/codec.ts';
import { relocated } from '../../../src/core/errors.ts';
import { notANumber, stated } from '../../../src/core/messages.ts';
import { errorOf } from '../../core/error-of.ts';

const roundTrip = (value: unknown) => decode(structuredClone(encode(value)));

test('long text with few distinct values travels as a dictionary and comes back as the same plain array', () => {
  const names = ['Champions', 'Lost', null, '__proto__', 'constructor'];
  const column = Array.from({ length: 5000 }, (_, i) => names[(i * 7) % names.length]);
  const packed = packedArray(column)!;
  expect(packed[TAG]).toBe('dictionary');
  expect(packed.values).toHaveLength(5);
  expect(packed.codes).toBeInstanceOf(Uint8Array);
  const back = roundTrip({ segment: column }) as { segment: unknown[] };
  expect(Array.isArray(back.segment)).toBe(true);
  expect(back.segment).toEqual(column);
});

test('short arrays, mostly distinct text and anything but text go as they are', () => {
  expect(packedArray(['a', 'b', 'a'])).toBeNull();
  expect(packedArray(Array.from({ length: 5000 }, (_, i) => `C${i}`))).toBeNull();
  expect(packedArray(Array.from({ length: 5000 }, (_, i) => (i % 2 ? 'x' : 1)))).toBeNull();
  const distinct = Array.from({ length: 5000 }, (_, i) => `C${i}`);
  expect(roundTrip(distinct)).toEqual(distinct);
});

test('a table: numbers as Float64Array, text as it was, blanks kept; equal values back', () => {
  const n = 3000;
  const table = aq.table({
    customer: Array.from({ length: n }, (_, i) => `C${i}`),
    x: Array.from({ length: n }, (_, i) => i / 7),
    blank: Array.from({ length: n }, (_, i) => (i % 3 ? i : null)),
    segment: Array.from({ length: n }, (_, i) => (i % 2 ? 'A' : 'B')),
  });
  const encoded = encode(table) as { columns: unknown[] };
  expect(encoded.columns[1]).toBeInstanceOf(Float64Array);
  expect(Array.isArray(encoded.columns[2])).toBe(true);
  const back = roundTrip(table) as typeof table;
  for (const name of table.columnNames()) expect(Array.from(back.array(name) as ArrayLike<unknown>)).toEqual(Array.from(table.array(name) as ArrayLike<unknown>));
});

test('a column shared by two tables is encoded once (the clone then sends it once)', () => {
  const segment = Array.from({ length: 2000 }, (_, i) => (i % 3 ? 'A' : 'B'));
  const scores = aq.table({ segment });
  const customers = aq.table({ segment, other: segment.map((s) => `${s}!`) });
  const encoded = encode({ scores, customers }) as { entries: [string, { columns: unknown[] }][] };
  const [first, second] = encoded.entries.map(([, t]) => t.columns[0]);
  expect(first).toBe(second);
  const back = roundTrip({ scores, customers }) as { scores: typeof scores; customers: typeof customers };
  expect(back.customers.array('segment')).toEqual(segment);
  expect(back.scores.array('segment')).toEqual(segment);
});

test('two columns with the same values (two arrays) go once as well', () => {
  const ids = Array.from({ length: 3000 }, (_, i) => `C${i}`);
  const summary = aq.table({ customer: ids });
  const scores = aq.table({ customer: [...ids], value: ids.map((_, i) => i) });
  const encoded = encode({ summary, scores }) as { entries: [string, { columns: unknown[] }][] };
  expect(encoded.entries[0][1].columns[0]).toBe(encoded.entries[1][1].columns[0]);
  const different = aq.table({ customer: ids.map((id, i) => (i === 2999 ? 'other' : id)) });
  const apart = encode({ summary, different }) as { entries: [string, { columns: unknown[] }][] };
  expect(apart.entries[0][1].columns[0]).not.toBe(apart.entries[1][1].columns[0]);
  const back = roundTrip({ summary, scores }) as { summary: typeof summary; scores: typeof scores };
  expect(back.scores.array('customer')).toEqual(ids);
});

test('long mostly-distinct text goes apart, to be sent in parts, and comes back in place', () => {
  const ids = Array.from({ length: 40_000 }, (_, i) => (i === 7 ? null : `C${i}`));
  const table = aq.table({ customer: ids, value: ids.map((_, i) => i) });
  const detached: unknown[][] = [];
  const encoded = encode({ table, ids, few: ['a', 'b'] }, new Map(), detached);
  expect(detached).toHaveLength(1); // the table's column and the array are one array: sent once
  expect(detached[0]).toBe(ids);
  // As the worker sends it: the parts, each a message, then the result.
  const arrived: unknown[][] = [[]];
  for (let offset = 0; offset < ids.length; offset += 16_384) arrived[0].push(...structuredClone(ids.slice(offset, offset + 16_384)));
  const back = decode(structuredClone(encoded), arrived) as { table: typeof table; ids: unknown[]; few: string[] };
  expect(back.table.array('customer')).toEqual(ids);
  expect(back.ids).toEqual(ids);
  expect(back.few).toEqual(['a', 'b']);
  expect(() => decode(structuredClone(encoded))).toThrow('the analysis worker sent a result without all of its parts');
});

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
