import { randomBytes } from 'node:crypto';
import { openCentralDb, quoteIdent, type CentralDb } from '../db';
import { newSecret, type HallDirectory } from '../config';
import { startCentral } from '../server';

// A real center for tests: PGlite always; the PostgreSQL server too when DATABASE_URL is set,
// each run in a schema of its own that is dropped afterwards.

export interface Backend {
  name: 'pglite' | 'postgres';
  url?: string;
}

export const backends: Backend[] = [
  { name: 'pglite' },
  ...(process.env.DATABASE_URL
    ? [{ name: 'postgres' as const, url: process.env.DATABASE_URL }]
    : []),
];

export const OFFICE_TOKEN = 'office-token-for-tests-0123456789';

export function uniqueSchema(): string {
  return `onestop_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export async function openTestDb(
  backend: Backend,
  options: { dataDir?: string; schema?: string } = {},
): Promise<CentralDb> {
  return openCentralDb(
    backend.url
      ? { url: backend.url, schema: options.schema ?? uniqueSchema(), poolSize: 2 }
      : { dataDir: options.dataDir },
  );
}

export async function dropTestDb(db: CentralDb): Promise<void> {
  if (db.engine === 'postgres')
    await db.exec(`DROP SCHEMA IF EXISTS ${quoteIdent(db.schema)} CASCADE`);
  await db.close();
}

export interface TestCenter {
  readonly db: CentralDb;
  readonly url: string;
  /** Registers a hall; returns its key. */
  register(hallId: string): string;
  /** Stops the service and its database and starts both again on the same port and data. */
  restart(): Promise<void>;
  /** Stops serving (the port refuses connections) until `resume()`. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestCenter(
  backend: Backend,
  options: { dataDir?: string; clock?: () => number } = {},
): Promise<TestCenter> {
  const keys = new Map<string, string>();
  const halls: HallDirectory = {
    keyOf: (id) => keys.get(id) ?? null,
    officeToken: () => OFFICE_TOKEN,
  };
  const schema = uniqueSchema();
  let db = await openTestDb(backend, { dataDir: options.dataDir, schema });
  const serve = async (port = 0) =>
    startCentral({ db, halls, port, host: '127.0.0.1', clock: options.clock });
  let central: Awaited<ReturnType<typeof serve>> | null = await serve();
  const port = central.port;
  return {
    get db() {
      return db;
    },
    url: `http://127.0.0.1:${port}`,
    register(hallId) {
      const key = newSecret();
      keys.set(hallId, key);
      return key;
    },
    async restart() {
      await central?.close();
      central = null;
      if (backend.name === 'pglite' && !options.dataDir)
        throw new Error('restarting an in-memory PGlite center would lose its data');
      await db.close();
      db = await openTestDb(backend, { dataDir: options.dataDir, schema });
      central = await serve(port);
    },
    async pause() {
      await central?.close();
      central = null;
    },
    async resume() {
      central ??= await serve(port);
    },
    async close() {
      await central?.close();
      await dropTestDb(db);
    },
  };
}
