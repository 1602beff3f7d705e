/**
 * A DuckDB query's numeric result columns as Float64Arrays, read chunk by chunk from the result
 * vectors (no row objects): how the warehouse benchmark and notebook bring a per-customer summary
 * into JavaScript. BIGINT counts become numbers; NULL becomes NaN.
 */
import { DuckDBTypeId, type DuckDBConnection } from '@duckdb/node-api';

export async function numberColumns(
  connection: DuckDBConnection,
  sql: string,
  names: readonly string[],
): Promise<Record<string, Float64Array>> {
  const result = await connection.run(sql);
  const indices = names.map((name) => {
    for (let i = 0; i < result.columnCount; i++) if (result.columnName(i) === name) return i;
    throw new Error(`the query has no column "${name}"`);
  });
  const parts: Float64Array[][] = names.map(() => []);
  let rows = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const n = chunk.rowCount;
    indices.forEach((index, k) => {
      const vector = chunk.getColumnVector(index);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const value = vector.getItem(i);
        out[i] = value === null ? NaN : Number(value);
      }
      parts[k].push(out);
    });
    rows += n;
  }
  const columns: Record<string, Float64Array> = Object.create(null) as Record<string, Float64Array>;
  names.forEach((name, k) => {
    const all = new Float64Array(rows);
    let at = 0;
    for (const part of parts[k]) {
      all.set(part, at);
      at += part.length;
    }
    columns[name] = all;
  });
  return columns;
}

/**
 * Every column of a DuckDB query's result, read chunk by chunk: text (VARCHAR) columns as string
 * arrays, all others as Float64Arrays as `numberColumns` reads them (NULL → NaN; NULL text → '').
 */
export async function resultColumns(connection: DuckDBConnection, sql: string): Promise<Record<string, Float64Array | string[]>> {
  const result = await connection.run(sql);
  const count = result.columnCount;
  const isText = Array.from({ length: count }, (_, i) => result.columnTypeId(i) === DuckDBTypeId.VARCHAR);
  const numbers: Float64Array[][] = Array.from({ length: count }, () => []);
  const texts: string[][] = Array.from({ length: count }, () => []);
  let rows = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const n = chunk.rowCount;
    for (let c = 0; c < count; c++) {
      const vector = chunk.getColumnVector(c);
      if (isText[c]) {
        for (let i = 0; i < n; i++) texts[c].push(String(vector.getItem(i) ?? ''));
      } else {
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const value = vector.getItem(i);
          out[i] = value === null ? NaN : Number(value);
        }
        numbers[c].push(out);
      }
    }
    rows += n;
  }
  const columns: Record<string, Float64Array | string[]> = Object.create(null) as Record<string, Float64Array | string[]>;
  for (let c = 0; c < count; c++) {
    if (isText[c]) {
      columns[result.columnName(c)] = texts[c];
      continue;
    }
    const all = new Float64Array(rows);
    let at = 0;
    for (const part of numbers[c]) {
      all.set(part, at);
      at += part.length;
    }
    columns[result.columnName(c)] = all;
  }
  return columns;
}
