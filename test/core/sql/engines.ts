/**
 * Real engines for the SQL tests: DuckDB embedded, and a throw-away PostgreSQL server (initdb on a
 * temporary data directory, a unix socket in it, a free port; run as the `postgres` user when we
 * are root, since PostgreSQL refuses to run as root). Rows come back with counts as numbers and
 * dates as ISO strings, so that results of both engines compare with `toEqual`.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, types } from 'pg';
import type { LogRow } from './seeded-log.ts';

export type Row = Record<string, unknown>;

export interface Engine {
  name: string;
  query(sql: string): Promise<Row[]>;
  /** Creates `table` (a quoted name) with the quoted columns customer TEXT, date DATE, amount DOUBLE. */
  load(table: string, columns: [string, string, string], rows: LogRow[]): Promise<void>;
  close(): Promise<void>;
}

/** A value as both engines' results are compared: counts as numbers, dates as yyyy-mm-dd. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}

function plainRow(row: Row): Row {
  const out: Row = Object.create(null) as Row;
  for (const key of Object.keys(row)) out[key] = plain(row[key]);
  return out;
}

export async function openDuckDb(): Promise<Engine> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection: DuckDBConnection = await instance.connect();
  return {
    name: 'duckdb',
    async query(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) => plainRow(row as Row));
    },
    async load(table, [customer, date, amount], rows) {
      await connection.run(`CREATE TABLE ${table} (${customer} VARCHAR, ${date} DATE, ${amount} DOUBLE)`);
      const raw = table.slice(1, -1).replaceAll('""', '"');
      const appender = await connection.createAppender(raw);
      for (const row of rows) {
        if (row.customer === null) appender.appendNull();
        else appender.appendVarchar(row.customer);
        if (row.date === null) appender.appendNull();
        else appender.appendVarchar(row.date);
        if (row.amount === null) appender.appendNull();
        else appender.appendDouble(row.amount);
        appender.endRow();
      }
      appender.closeSync();
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** The newest PostgreSQL server binaries Debian installed, or an error naming the apt command. */
export function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      "PostgreSQL's server is not installed (no /usr/lib/postgresql/*/bin/initdb). Install it with:\n" +
        "  sudo sh -c 'apt-get update && apt-get install -y postgresql'\n(npm test -- sql does this itself)",
    );
  }
  return path.join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts a PostgreSQL server in a temporary directory; `close` stops it and removes the directory. */
export async function startPostgres(): Promise<Engine> {
  const bin = postgresBin();
  const dir = mkdtempSync(path.join(tmpdir(), 'cvk-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const run = (tool: string, args: string[]): void => {
    const command = path.join(bin, tool);
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
    else execFileSync(command, args, { stdio: 'pipe' });
  };
  const port = await freePort();
  let started = false;
  const stop = (): void => {
    if (started) run('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w']);
    started = false;
    rmSync(dir, { recursive: true, force: true });
  };
  let client: Client;
  try {
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(dir, uid, gid);
    }
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--locale=C', '--encoding=UTF8', '--no-sync']);
    const options = `-k ${dir} -p ${port} -c listen_addresses='' -c fsync=off`;
    run('pg_ctl', ['start', '-D', data, '-w', '-l', path.join(dir, 'server.log'), '-o', options]);
    started = true;
    client = new Client({
      host: dir,
      port,
      user: 'postgres',
      database: 'postgres',
      types: {
        getTypeParser: (oid: number, format?: 'text' | 'binary') => {
          if (oid === types.builtins.INT8) return (text: string) => Number(text);
          if (oid === types.builtins.DATE) return (text: string) => text;
          return types.getTypeParser(oid, format);
        },
      } as unknown as typeof types,
    });
    await client.connect();
  } catch (error) {
    stop();
    throw error;
  }
  return {
    name: 'postgres',
    async query(sql) {
      const result = await client.query(sql);
      return result.rows.map((row: Row) => plainRow(row));
    },
    async load(table, [customer, date, amount], rows) {
      await client.query(`CREATE TABLE ${table} (${customer} TEXT, ${date} DATE, ${amount} DOUBLE PRECISION)`);
      for (let from = 0; from < rows.length; from += 1000) {
        const batch = rows.slice(from, from + 1000);
        const values = batch.map((_, i) => `($${3 * i + 1}, $${3 * i + 2}::date, $${3 * i + 3}::double precision)`);
        await client.query(
          `INSERT INTO ${table} VALUES ${values.join(', ')}`,
          batch.flatMap((row) => [row.customer, row.date, row.amount]),
        );
      }
    },
    async close() {
      try {
        await client.end();
      } finally {
        stop();
      }
    },
  };
}
