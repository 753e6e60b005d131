import { demoStaff } from './app/demo-hall';
import { EXIT_CONFIG, hallConfigOrExit } from './config/process-config';
import { createHallLogger } from './logging/hall-logger';
import { errorText } from './logging/error-text';
import { startHallServer } from './server';
import { DemoCredentialsError } from './setup/demo-credentials';
import { DatabaseRefusal } from './store/startup-check';

// `npm start`: the hall server. Its settings come from the hall configuration file and the
// environment, checked before anything starts (config/, docs/deploy.md "Configuration");
// `--check-config` checks them and exits. DEMO=0 starts a real hall (set up with `npm run
// setup`); DEMO is 0 or 1, anything else is refused — DEMO=false must not seed the demo hall's
// well-known PINs. `--trust-clock`: a person says the wall clock is right after a jump.

/** A person must act (configuration, database, demo credentials): the supervisor must not retry. */
const EXIT_NEEDS_A_PERSON = EXIT_CONFIG;
/** An unexpected error: the supervisor starts a fresh process, which checks its database. */
const EXIT_UNEXPECTED = 70;

const argv = process.argv.slice(2);
const config = hallConfigOrExit(argv);
if (argv.includes('--check-config')) {
  const from = config.configFile ? `${config.configFile} and the environment` : 'the environment';
  console.log(`The hall configuration from ${from} is valid.`);
  process.exit(0);
}

let hallLog: ReturnType<typeof createHallLogger>;
try {
  hallLog = createHallLogger(config.log);
} catch (err) {
  // A log directory that cannot be made or written is a setting to mend, not a crash to retry.
  console.error(
    `The log directory ${config.log.dir} cannot be written (log.dir, LOG_DIR): ${errorText(err)}`,
  );
  process.exit(EXIT_NEEDS_A_PERSON);
}
const { logger, close: closeLog } = hallLog;
// An unexpected error leaves the hall in a state nobody planned for: log it and exit non-zero,
// and the supervisor (systemd unit or Windows service, docs/deploy.md) starts a fresh process.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (err: unknown) => {
    logger.fatal({ err, event }, 'unexpected error; exiting for the supervisor to restart');
    process.exit(EXIT_UNEXPECTED);
  });
}

const { dataDir, sync } = config;
const server = await startHallServer({
  idCardSecret: config.idCardSecret,
  dataDir,
  port: config.port,
  host: config.host,
  allowedOrigins: config.allowedOrigins,
  hallNames: config.hallNames,
  limits: config.rateLimits ? undefined : false,
  demo: config.demo,
  trustClock: config.trustClock,
  notify: config.notify,
  logger,
  sync: {
    centerUrl: sync.url,
    hallKey: sync.hallKey,
    runAt: sync.at,
    batchRows: sync.batchRows,
    recentDays: sync.reconcileDays,
    backupDir: config.backup.dir,
    backupKeepDays: config.backup.keepDays,
  },
}).catch((err: unknown) => {
  // A refused database or demo credentials: the message is the way out, not a stack trace.
  if (!(err instanceof DatabaseRefusal) && !(err instanceof DemoCredentialsError)) throw err;
  logger.error(err.message);
  console.error(err.message);
  process.exit(EXIT_NEEDS_A_PERSON);
});
// Ready to stop cleanly before anyone is told the hall listens: a supervisor or a script that
// sends SIGTERM as soon as it reads "listening on" must not meet the default action (an exit
// that leaves run_state 'running', refused at the next start once its WAL is gone).
let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  void server
    .close()
    .then(closeLog)
    .then(() => process.exit(0));
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(signal));
// The Windows service wrapper (node-windows) forks this process: it asks it to stop with a
// 'shutdown' message, and a wrapper that is gone (stopped by the service manager) must not leave
// the hall running without a supervisor.
if (process.send) {
  process.on('message', (message) => {
    if (message === 'shutdown') stop('shutdown');
  });
  process.on('disconnect', () => stop('disconnect'));
}

const base = `http://localhost:${server.port}`;
const lines = [
  `OneStop hall server listening on ${base} (data in ${dataDir})`,
  `  landing page   ${base}/`,
  `  OpenAPI        ${base}/api/v1/openapi.json`,
  `  upward sync    ${sync.url ?? 'no regional center (SYNC_URL)'}; backups in ${config.backup.dir}, nightly at ${sync.at}`,
  `  notifications  ${config.notify.gateway === 'webhook' ? `signed webhook to ${config.notify.webhookUrl}` : 'log gateway (no SMS platform configured)'}`,
  `  configuration  ${config.configFile ?? 'no file; environment and defaults'}`,
  `  log files      ${config.log.dir}`,
  ...(server.demoHall
    ? [
        '  demo staff (staff no. / PIN):',
        ...demoStaff.map((s) => `    ${s.staffNo} / ${s.pin}  ${s.name} (${s.roles.join(', ')})`),
      ]
    : []),
];
console.log(lines.join('\n'));
logger.info({ port: server.port, dataDir, configFile: config.configFile }, 'hall server started');
