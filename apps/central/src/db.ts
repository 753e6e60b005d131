import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

// The center's PostgreSQL, one interface over two engines: PGlite (real PostgreSQL compiled to
// WebAssembly, in-process, in a data directory: `npm run central` needs no server) and a
// PostgreSQL server by connection URL (production: COPY for bulk ingest, a connection pool).
// The same SQL runs on both.

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** A statement's affected row count (INSERT … ON CONFLICT: inserted + updated). */
  run(sql: string, params?: unknown[]): Promise<number>;
}

export interface Transaction extends Queryable {
  /** `COPY … FROM STDIN` with text-format lines (PostgreSQL server only). */
  copyFrom?(sql: string, lines: Iterable<string>): Promise<void>;
}

export interface CentralDb extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  readonly schema: string;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A PostgreSQL server; absent: embedded PGlite. */
  url?: string;
  /** PGlite's data directory; absent: in memory (tests). */
  dataDir?: string;
  /** Schema to work in (created if missing); `public` by default. */
  schema?: string;
  /** Pool size for a server. */
  poolSize?: number;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function openCentralDb(options: OpenOptions = {}): Promise<CentralDb> {
  const schema = options.schema ?? 'public';
  return options.url
    ? openPostgres(options.url, schema, options.poolSize)
    : openPglite(options.dataDir, schema);
}

async function openPglite(dataDir: string | undefined, schema: string): Promise<CentralDb> {
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  await db.exec(
    `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}; SET search_path TO ${quoteIdent(schema)}`,
  );
  const on = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      return (await q.query<T>(sql, params)).rows;
    },
    async run(sql: string, params?: unknown[]) {
      return (await q.query(sql, params)).affectedRows ?? 0;
    },
  });
  return {
    engine: 'pglite',
    schema,
    ...on(db),
    async exec(sql) {
      await db.exec(sql);
    },
    transaction: (fn) => db.transaction((tx) => fn(on(tx))),
    close: () => db.close(),
  };
}

async function openPostgres(url: string, schema: string, poolSize = 4): Promise<CentralDb> {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  try {
    await setup.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  } finally {
    await setup.end();
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    options: `-c search_path=${quoteIdent(schema)}`,
  });
  const on = (c: pg.Pool | pg.PoolClient): Transaction => ({
    async query<T>(sql: string, params?: unknown[]) {
      return (await c.query(sql, params)).rows as T[];
    },
    async run(sql: string, params?: unknown[]) {
      return (await c.query(sql, params)).rowCount ?? 0;
    },
  });
  return {
    engine: 'postgres',
    schema,
    ...on(pool),
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          ...on(client),
          async copyFrom(sql, lines) {
            await pipeline(Readable.from(lines), client.query(copyFrom(sql)));
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
