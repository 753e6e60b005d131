import { resolve } from 'node:path';
import pino from 'pino';
import { demoStaff } from './app/seed';
import { startHallServer } from './server';
import { DemoCredentialsError } from './setup/demo-credentials';
import { DatabaseRefusal } from './store/startup-check';
import { syncOptionsFromEnv } from './sync/env';
import { allowedOriginsFromEnv } from './transport/origins';

// `npm start`: the hall server with the embedded demo hall. PORT and DATA_DIR let two halls
// run side by side; DEMO=0 starts a real hall (set up with `npm run setup`). DEMO is 0 or 1
// (unset: 1); anything else is refused (exit 2) rather than guessed at — DEMO=false must not
// seed the demo hall's well-known PINs. `--trust-clock` (or TRUST_CLOCK=1): a person says the
// wall clock is right after a jump (docs/security.md, "Faults").

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
// An unexpected error leaves the hall in a state nobody planned for: log it and exit non-zero,
// and the supervisor (deploy/onestop-hall.service) starts a fresh process, which checks its
// database again before serving. Exit 78 (a refused database, demo credentials in a real hall)
// is not restarted: it needs a person.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (err: unknown) => {
    logger.fatal({ err, event }, 'unexpected error; exiting for the supervisor to restart');
    process.exit(70);
  });
}
const demoSetting = process.env.DEMO ?? '1';
if (demoSetting !== '0' && demoSetting !== '1') {
  console.error(
    `DEMO must be 0 (a real hall, set up with npm run setup) or 1 (the demo hall; the default ` +
      `when unset), not ${JSON.stringify(demoSetting)}. The hall server did not start.`,
  );
  process.exit(2);
}
const trustSetting = process.env.TRUST_CLOCK ?? '0';
if (trustSetting !== '0' && trustSetting !== '1') {
  console.error(`TRUST_CLOCK must be 0 or 1, not ${JSON.stringify(trustSetting)}.`);
  process.exit(2);
}
const port = Number(process.env.PORT ?? 8080);
const dataDir = resolve(process.env.DATA_DIR ?? './data');
const demo = demoSetting === '1';
const trustClock = trustSetting === '1' || process.argv.includes('--trust-clock');
const sync = syncOptionsFromEnv(process.env, dataDir);

const server = await startHallServer({
  dataDir,
  port,
  host: process.env.HOST ?? '0.0.0.0',
  allowedOrigins: allowedOriginsFromEnv(process.env.ALLOWED_ORIGINS),
  // RATE_LIMITS=off: load scripts (bench, drills) that drive a whole hall through few devices.
  limits: process.env.RATE_LIMITS === 'off' ? false : undefined,
  demo,
  trustClock,
  logger,
  sync,
}).catch((err: unknown) => {
  // A refused database or demo credentials: the message is the way out, not a stack trace.
  if (err instanceof DatabaseRefusal) {
    console.error(err.message);
    process.exit(78);
  }
  if (!(err instanceof DemoCredentialsError)) throw err;
  console.error(err.message);
  process.exit(78); // like a refused database: a person must act, the supervisor must not retry
});
const base = `http://localhost:${server.port}`;
const lines = [
  `OneStop hall server listening on ${base} (data in ${dataDir})`,
  `  landing page   ${base}/`,
  `  OpenAPI        ${base}/api/v1/openapi.json`,
  `  upward sync    ${sync.centerUrl ?? 'no regional center (SYNC_URL)'}; backups in ${sync.backupDir}, nightly at ${sync.runAt}`,
  ...(server.demoHall
    ? [
        '  demo staff (staff no. / PIN):',
        ...demoStaff.map((s) => `    ${s.staffNo} / ${s.pin}  ${s.name} (${s.roles.join(', ')})`),
      ]
    : []),
];
console.log(lines.join('\n'));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    void server.close().then(() => process.exit(0));
  });
}
