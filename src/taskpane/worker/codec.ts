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
  columns: ArrayLike<unknown>[];
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

/** Copies `value` into structured-clone-safe data; tables, null-prototype records and nested values included. */
export function encode(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function') throw new TypeError('a function cannot be sent to or from the analysis worker');
    return value;
  }
  if (isColumnTable(value)) return { [TAG]: 'table', ...tableColumns(value) } satisfies EncodedTable;
  if (ArrayBuffer.isView(value) || value instanceof Date || value instanceof RegExp) return value;
  if (Array.isArray(value)) return value.map(encode);
  if (value instanceof Map) return { [TAG]: 'map', entries: [...value].map(([k, v]) => [encode(k), encode(v)]) };
  if (value instanceof Set) return { [TAG]: 'set', values: [...value].map(encode) };
  if (value instanceof Error) return { [TAG]: 'error', error: encodeError(value) };
  const nullProto = Object.getPrototypeOf(value) === null;
  const entries = Object.keys(value).map((key) => [key, encode((value as Record<string, unknown>)[key])]);
  return { [TAG]: nullProto ? 'record' : 'object', entries };
}

/** Rebuilds what `encode` produced. */
export function decode(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value) || value instanceof Date || value instanceof RegExp) return value;
  if (Array.isArray(value)) return value.map(decode);
  const tagged = value as Record<string, unknown>;
  switch (tagged[TAG]) {
    case 'table': {
      const { names, columns } = value as EncodedTable;
      return tableFromColumns(names, columns);
    }
    case 'map':
      return new Map((tagged.entries as [unknown, unknown][]).map(([k, v]) => [decode(k), decode(v)]));
    case 'set':
      return new Set((tagged.values as unknown[]).map(decode));
    case 'error':
      return decodeError(tagged.error as EncodedError);
    case 'record':
    case 'object': {
      const out: Record<string, unknown> = tagged[TAG] === 'record' ? Object.create(null) : {};
      // defineProperty: `__proto__` stays an own key, never the prototype.
      for (const [key, v] of tagged.entries as [string, unknown][]) {
        Object.defineProperty(out, key, { value: decode(v), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    default:
      throw new TypeError('the analysis worker sent a value it did not encode');
  }
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
