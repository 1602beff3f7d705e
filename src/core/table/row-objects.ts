/**
 * A table's rows as objects, without compiling code. Arquero's `table.objects()` builds each row
 * through a function it compiles with `new Function`, which a Content-Security-Policy without
 * `unsafe-eval` refuses (the taskpane runs under one); this loop does the same work. Keys are
 * own properties even for names such as `__proto__` (defined, never assigned), and rows keep
 * Object.prototype, as `objects()` rows do.
 */
import { columnValues } from './column-values.ts';
import { isTable, type ColumnTable } from './input.ts';

/**
 * One object per row (in the table's order), with the given columns (default all).
 *
 * O(rows × columns).
 *
 * @param table an Arquero table (anything else with an `objects()` method is asked for its rows)
 * @param columns the columns to include (default all, in the table's order)
 * @returns an array of row objects
 * @example rowObjects(aq.table({ a: [1, 2], b: ['x', 'y'] })); // => [{ a: 1, b: 'x' }, { a: 2, b: 'y' }]
 */
export function rowObjects<T = Record<string, unknown>>(table: ColumnTable | { objects(): object[] }, columns?: readonly string[]): T[] {
  if (!isTable(table)) return (table as { objects(): object[] }).objects() as T[];
  return tableRows<T>(table, columns ?? table.columnNames());
}

function tableRows<T>(table: ColumnTable, columns: readonly string[]): T[] {
  const values = columns.map((name) => columnValues(table, name, 'table'));
  const n = table.numRows();
  const rows = new Array<T>(n);
  for (let i = 0; i < n; i++) {
    const row: Record<string, unknown> = {};
    for (let j = 0; j < columns.length; j++) {
      const name = columns[j];
      if (name === '__proto__') Object.defineProperty(row, name, { value: values[j][i], enumerable: true, writable: true, configurable: true });
      else row[name] = values[j][i];
    }
    rows[i] = row as T;
  }
  return rows;
}
