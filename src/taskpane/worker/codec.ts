/**
 * Values crossing the worker boundary. Structured cloning copies plain data but not Arquero
 * tables (class instances lose their methods), not null-prototype records (they come back with
 * Object.prototype, so `record['toString']` would find a function) and not the core's InputError
 * (it arrives as a bare Error). `encode` turns those into tagged plain data, `decode` rebuilds them.
 * Tables with user column names are rebuilt through `tableFromColumns` (`__proto__` is a name).
 */
import * as aq from 'arquero';
import { InputError, locatedError, type InputErrorCode, type InputErrorLocation } from '../../core/errors.ts';
import { stated } from '../../core/messages.ts';
import { columnValues } from '../../core/table/column-values.ts';
import { tableFromColumns } from '../../core/table/named-columns.ts';

type ColumnTable = ReturnType<typeof aq.table>;

/** The tag key: a name no result uses. */
export const TAG = '__cvkEncoded';

export interface EncodedTable {
  [TAG]: 'table';
  names: string[];
  columns: (ArrayLike<unknown> | EncodedDictionary | DetachedText)[];
}

/** An error as plain data: InputError keeps its code, its location and its problem. */
export interface EncodedError {
  name: string;
  message: string;
  code?: InputErrorCode;
  argument?: string;
  location?: InputErrorLocation;
  problem?: string;
}

export function isColumnTable(value: unknown): value is ColumnTable {
  return value instanceof aq.ColumnTable;
}

/**
 * A table's columns as arrays: the column data itself when the table is neither filtered nor
 * ordered (Arquero's `array()` copies into a preallocated array, which past ~100,000 rows is one of
 * V8's slow dictionary-mode arrays, slow to clone and to read).
 */
export function tableColumns(table: ColumnTable): { names: string[]; columns: ArrayLike<unknown>[] } {
  const names = table.columnNames();
  return { names, columns: names.map((name) => columnValues(table, name, 'table')) };
}

/**
 * A column of numbers only (no blank) as a Float64Array: a typed array crosses to the other
 * thread as one block of memory, while a plain array is cloned value by value, which for a
 * 100,000-customer result took tens of milliseconds of the pane's main thread. Other columns
 * go as `packedArray` sends them.
 */
export function packedColumn(column: ArrayLike<unknown>): ArrayLike<unknown> | EncodedDictionary {
  if (!Array.isArray(column)) return column;
  for (let i = 0; i < column.length; i++) if (typeof column[i] !== 'number') return packedArray(column) ?? column;
  return Float64Array.from(column as number[]);
}

/** Text repeated over many rows (segments, classes), sent as its distinct values and one code per row. */
export interface EncodedDictionary {
  [TAG]: 'dictionary';
  values: (string | null)[];
  codes: Uint8Array | Uint16Array | Uint32Array;
}

/** Arrays shorter than this go as they are. */
const PACK_MIN_LENGTH = 1024;

/**
 * A long array of text (or blanks) with few distinct values as a dictionary: a handful of
 * strings and a typed array of codes instead of one cloned string per row. It comes back as
 * the same plain array. Null when the array is short, holds anything else, or is mostly distinct.
 */
export function packedArray(array: readonly unknown[]): EncodedDictionary | null {
  if (array.length < PACK_MIN_LENGTH) return null;
  const limit = array.length >> 4;
  const index = new Map<string | null, number>();
  const values: (string | null)[] = [];
  const codes = new Uint32Array(array.length);
  for (let i = 0; i < array.length; i++) {
    const v = array[i];
    if (v !== null && typeof v !== 'string') return null;
    let code = index.get(v);
    if (code === undefined) {
      if (values.length >= limit) return null;
      code = values.length;
      index.set(v, code);
      values.push(v);
    }
    codes[i] = code;
  }
  const narrow = values.length <= 256 ? Uint8Array.from(codes) : values.length <= 65_536 ? Uint16Array.from(codes) : codes;
  return { [TAG]: 'dictionary', values, codes: narrow };
}

function unpackedArray({ values, codes }: EncodedDictionary): (string | null)[] {
  const out: (string | null)[] = [];
  for (let i = 0; i < codes.length; i++) out.push(values[codes[i]]);
  return out;
}

function isDictionary(value: unknown): value is EncodedDictionary {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)[TAG] === 'dictionary';
}

/**
 * Copies `value` into structured-clone-safe data; tables, null-prototype records and nested values included.
 * An array met twice (a column shared by two result tables) is encoded once, so that the clone
 * sends it once too.
 */
export function encode(value: unknown, seen: Map<object, unknown> = new Map(), detached?: unknown[][]): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function') throw new TypeError('a function cannot be sent to or from the analysis worker');
    return value;
  }
  if (isColumnTable(value)) {
    const { names, columns } = tableColumns(value);
    const column = (c: ArrayLike<unknown>) => {
      const packed = packedColumn(c);
      return packed === c && detached ? (detachedText(c as unknown[], detached) ?? c) : packed;
    };
    return { [TAG]: 'table', names, columns: columns.map((c) => once(seen, sameColumn(seen, c), () => column(c))) } satisfies EncodedTable;
  }
  if (ArrayBuffer.isView(value) || value instanceof Date || value instanceof RegExp) return value;
  if (Array.isArray(value)) return once(seen, value, () => packedArray(value) ?? (detached && detachedText(value, detached)) ?? value.map((v) => encode(v, seen, detached)));
  if (value instanceof Map) return { [TAG]: 'map', entries: [...value].map(([k, v]) => [encode(k, seen, detached), encode(v, seen, detached)]) };
  if (value instanceof Set) return { [TAG]: 'set', values: [...value].map((v) => encode(v, seen, detached)) };
  if (value instanceof Error) return { [TAG]: 'error', error: encodeError(value) };
  const nullProto = Object.getPrototypeOf(value) === null;
  const entries = Object.keys(value).map((key) => [key, encode((value as Record<string, unknown>)[key], seen, detached)]);
  return { [TAG]: nullProto ? 'record' : 'object', entries };
}

/**
 * A column already met with the same values (the customer ids of a summary and of the scores
 * built from it are often two arrays with one content), else the column itself.
 */
function sameColumn(seen: Map<object, unknown>, column: ArrayLike<unknown>): object {
  if (!Array.isArray(column) || column.length < PACK_MIN_LENGTH) return column;
  for (const key of seen.keys()) {
    if (!Array.isArray(key) || key.length !== column.length || key === column) continue;
    let same = true;
    for (let i = 0; i < column.length && same; i++) same = Object.is(key[i], column[i]);
    if (same) return key;
  }
  return column;
}

/** A long array of mostly distinct text (customer ids) sent apart, in parts, by reference. */
export interface DetachedText {
  [TAG]: 'detached';
  index: number;
}

/** Text arrays at least this long go apart (see `detachedText`). */
export const DETACH_MIN_LENGTH = 16_384;

/**
 * A long array of text (or blanks) moved to `detached`, to be sent in parts of its own: cloning
 * 100,000 strings in the result's one message made one long task of its arrival in the pane;
 * in parts each arrives in a task of its own. Null for anything else.
 */
function detachedText(array: readonly unknown[], detached: unknown[][]): DetachedText | null {
  if (array.length < DETACH_MIN_LENGTH) return null;
  for (let i = 0; i < array.length; i++) if (array[i] !== null && typeof array[i] !== 'string') return null;
  detached.push(array as unknown[]);
  return { [TAG]: 'detached', index: detached.length - 1 };
}

function isDetached(value: unknown): value is DetachedText {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)[TAG] === 'detached';
}

function once<T>(seen: Map<object, unknown>, key: object, make: () => T): T {
  if (seen.has(key)) return seen.get(key) as T;
  const made = make();
  seen.set(key, made);
  return made;
}

/** Rebuilds what `encode` produced; `detached`: the arrays it sent apart, by index. */
export function decode(value: unknown, detached: readonly unknown[][] = []): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value) || value instanceof Date || value instanceof RegExp) return value;
  if (Array.isArray(value)) return value.map((v) => decode(v, detached));
  const tagged = value as Record<string, unknown>;
  switch (tagged[TAG]) {
    case 'table': {
      const { names, columns } = value as EncodedTable;
      return tableFromColumns(names, columns.map((column) => (isDictionary(column) ? unpackedArray(column) : isDetached(column) ? detachedArray(detached, column) : column)));
    }
    case 'dictionary':
      return unpackedArray(value as EncodedDictionary);
    case 'detached':
      return detachedArray(detached, value as DetachedText);
    case 'map':
      return new Map((tagged.entries as [unknown, unknown][]).map(([k, v]) => [decode(k, detached), decode(v, detached)]));
    case 'set':
      return new Set((tagged.values as unknown[]).map((v) => decode(v, detached)));
    case 'error':
      return decodeError(tagged.error as EncodedError);
    case 'record':
    case 'object': {
      const out: Record<string, unknown> = tagged[TAG] === 'record' ? Object.create(null) : {};
      // defineProperty: `__proto__` stays an own key, never the prototype.
      for (const [key, v] of tagged.entries as [string, unknown][]) {
        Object.defineProperty(out, key, { value: decode(v, detached), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    default:
      throw new TypeError('the analysis worker sent a value it did not encode');
  }
}

function detachedArray(detached: readonly unknown[][], { index }: DetachedText): unknown[] {
  const array = detached[index];
  if (!array) throw new TypeError('the analysis worker sent a result without all of its parts');
  return array;
}

export function encodeError(error: unknown): EncodedError {
  if (error instanceof InputError || (error instanceof Error && error.name === 'InputError')) {
    const e = error as InputError;
    return { name: 'InputError', message: e.message, code: e.code, argument: e.argument, location: { ...e.location }, problem: e.problem };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

export function decodeError(error: EncodedError): Error {
  if (error.name === 'InputError') {
    // The same error on this side: its location as data, so the pane can still restate it elsewhere.
    const location = { ...error.location, argument: error.argument };
    return error.problem === undefined ? stated(location, error.message, error.code) : locatedError(location, error.problem, error.code);
  }
  const out = new Error(error.message);
  out.name = error.name;
  return out;
}
