/**
 * Names are data: column, construct, segment and group names come from users, and `__proto__`,
 * `constructor` or `toString` are names like any other. A plain object keyed by them goes wrong
 * (`obj['__proto__'] = x` sets the prototype; `obj['toString']` is a function before anything is
 * stored), and so do Arquero's `table()` and `from()`, which assign columns into a plain object:
 * a column named `__proto__` silently disappears. Records keyed by user strings are therefore
 * null-prototype objects (or Maps), and tables with user column names are built here.
 */
import * as aq from 'arquero';
import { stated } from '../messages.ts';
import type { ColumnTable } from './column-table.ts';

/**
 * An empty record for user-string keys: no prototype, so every name is an ordinary key. It is
 * still a `Record` (`result.indices[name]`, `Object.keys`, JSON) for the public result shapes.
 *
 * @example const r = nameRecord<number>(); r['__proto__'] = 1; Object.keys(r); // => ['__proto__']
 */
export function nameRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * A record's own value for a key, or undefined: never an inherited member such as
 * `Object.prototype.toString`, whatever the record's prototype.
 *
 * @example ownValue({}, 'toString'); // => undefined
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record !== null && record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** `Object.fromEntries` makes own properties (also `__proto__`); Arquero's constructor keeps them. */
function build(names: readonly string[], columns: readonly ArrayLike<unknown>[]): ColumnTable {
  const data = Object.fromEntries(names.map((name, j) => [name, columns[j] as unknown[]]));
  return new aq.ColumnTable(data, [...names]) as ColumnTable;
}

/**
 * An Arquero table from column names and their values, for names that come from users.
 *
 * @param names distinct column names, in order
 * @param columns one array (or typed array) per name, all of the same length
 * @returns the table
 * @throws {InputError} when a name appears twice or the columns differ in length
 * @example tableFromColumns(['__proto__'], [[1, 2]]).array('__proto__'); // => [1, 2]
 */
export function tableFromColumns(names: readonly string[], columns: readonly ArrayLike<unknown>[]): ColumnTable {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw stated({ argument: 'columns', column: name }, `column "${name}" appears twice`);
    seen.add(name);
  }
  columns.forEach((column, j) => {
    if (column.length !== columns[0].length) {
      throw stated('columns', `column "${names[j]}" has ${column.length} values, column "${names[0]}" has ${columns[0].length}`);
    }
  });
  return build(names, columns);
}

/**
 * An Arquero table from row objects, like `aq.from` (the columns are the first row's own keys,
 * in order), for names that come from users. A row without one of them gives undefined there.
 *
 * @example tableFromRows([{ a: 1 }, { a: 2 }]).array('a'); // => [1, 2]
 */
export function tableFromRows(rows: readonly Record<string, unknown>[]): ColumnTable {
  const names = rows.length > 0 && rows[0] !== null && typeof rows[0] === 'object' ? Object.keys(rows[0]) : [];
  const columns = names.map((name) => {
    const column = new Array<unknown>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      column[i] = row !== null && typeof row === 'object' && Object.hasOwn(row, name) ? row[name] : undefined;
    }
    return column;
  });
  return build(names, columns);
}
