import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { addHall, fileDirectory, readConfig } from './config';
import { openCentralDb } from './db';
import { startCentral } from './server';

// `npm run central`: the regional center. Embedded PGlite in CENTRAL_DATA_DIR by default; a
// PostgreSQL server with CENTRAL_DATABASE_URL (CENTRAL_SCHEMA to use a schema other than public).
// HTTPS with CENTRAL_TLS_CERT and CENTRAL_TLS_KEY (PEM files), or behind a TLS proxy.
//
//   npm run central                                  # serve on CENTRAL_PORT (8090)
//   npm run central -- add-hall <hall id> [name]     # register a hall; prints its key

const dataDir = resolve(process.env.CENTRAL_DATA_DIR ?? './data-central');
const configFile = process.env.CENTRAL_CONFIG ?? join(dataDir, 'central.json');
const [command, ...args] = process.argv.slice(2);

if (command === 'add-hall') {
  const [hallId, ...name] = args;
  if (!hallId) {
    console.error('usage: npm run central -- add-hall <hall id> [name]');
    process.exit(2);
  }
  const key = addHall(configFile, hallId, name.join(' ') || undefined);
  console.log(
    [
      `Hall "${hallId}" registered in ${configFile}. Start that hall with:`,
      `  SYNC_URL=${process.env.CENTRAL_TLS_CERT ? 'https' : 'http'}://<this center's address>:${process.env.CENTRAL_PORT ?? 8090} SYNC_HALL_KEY=${key} npm start`,
    ].join('\n'),
  );
  process.exit(0);
} else if (command !== undefined && command !== 'serve') {
  console.error(`unknown command "${command}"; use add-hall or nothing`);
  process.exit(2);
}

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const url = process.env.CENTRAL_DATABASE_URL;
const db = await openCentralDb(
  url
    ? { url, schema: process.env.CENTRAL_SCHEMA }
    : { dataDir: join(dataDir, 'pgdata'), schema: process.env.CENTRAL_SCHEMA },
);
const config = readConfig(configFile);
const certFile = process.env.CENTRAL_TLS_CERT;
const keyFile = process.env.CENTRAL_TLS_KEY;
if (Boolean(certFile) !== Boolean(keyFile)) {
  console.error('CENTRAL_TLS_CERT and CENTRAL_TLS_KEY go together (PEM files)');
  process.exit(2);
}
const tls =
  certFile && keyFile ? { cert: readFileSync(certFile), key: readFileSync(keyFile) } : undefined;
const scheme = tls ? 'https' : 'http';
const central = await startCentral({
  db,
  halls: fileDirectory(configFile),
  logger,
  port: Number(process.env.CENTRAL_PORT ?? 8090),
  host: process.env.CENTRAL_HOST ?? '0.0.0.0',
  tls,
});
console.log(
  [
    `OneStop regional center listening on ${scheme}://localhost:${central.port} (${url ? 'PostgreSQL server' : `PGlite in ${join(dataDir, 'pgdata')}`})`,
    `  halls registered: ${Object.keys(config.halls).length} (npm run central -- add-hall <hall id>)`,
    `  summary: curl -H 'authorization: Bearer ${config.officeToken}' '${scheme}://localhost:${central.port}/v1/summary?from=2026-11-01&to=2026-11-30'`,
  ].join('\n'),
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void central
      .close()
      .then(() => db.close())
      .then(() => process.exit(0));
  });
}
