import type { Server as HttpServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino, { type Logger } from 'pino';
import { raiseClockJumpAlert, startAlertSweep, type AlertSweep } from './app/alert-sweep';
import { startQuizSweep, type QuizSweep } from './app/quiz-sweep';
import { startRemedySweep, type RemedySweep } from './app/remedy-sweep';
import { watchCounterLinks } from './app/counter-links';
import { createHall, type Hall } from './app/hall';
import { endExpiredSessions } from './app/sessions';
import { CLOCK_JUMP_THRESHOLD_MS, createHallClock, type HallClock } from './app/hall-clock';
import { createHealthMonitor, healthOf, type HealthMonitor } from './app/health';
import { demoDevices, demoStaff } from './app/demo-hall';
import { demoSeed, seedHall, defaultConfig, type SeedOptions } from './app/seed';
import { startCheckpointer } from './store/db';
import { walSync } from './store/wal-sync';
import {
  lastWriteAt,
  markRunState,
  openCheckedDatabase,
  readClockState,
  saveClockState,
} from './store/startup-check';
import { demoDeviceIds, refuseDemoCredentials } from './setup/demo-credentials';
import { createStore } from './store/store';
import { openIdCardKeyring } from './app/id-card-key';
import { createHttpServer } from './transport/http-server';
import { landingPage } from './transport/landing-page';
import { createOriginCheck } from './transport/origins';
import { createLimiter, type RateLimitsOption } from './transport/rate-limits';
import { attachSocketServer, type HallIo, type Presence } from './transport/socket-server';
import { demoScreenLinks, webAppsUnder } from './transport/web-apps';
import { nextBusinessDayStart } from './domain/business-day';
import { startSync, type SyncOptions, type SyncService } from './sync/sync-service';
import { createGateway, type GatewayChoice } from './app/gateways';
import { startNotificationOutbox, type NotificationOutbox } from './app/notification-outbox';

export const VERSION = '0.1.0';
const SWEEP_INTERVAL_MS = 1000;
/** Where the web apps are built: the same three levels up from this file and from the bundle. */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const webApps = webAppsUnder(repoRoot);

export interface HallServerOptions {
  dataDir: string;
  port?: number;
  host?: string;
  /** Seed the embedded demo hall on first start. */
  demo?: boolean;
  /** For a real hall's first start (no demo): the seed to write. */
  seed?: SeedOptions;
  clock?: () => number;
  /**
   * Real elapsed milliseconds, to tell a wall-clock jump (app/hall-clock.ts). Default
   * `performance.now` without an injected `clock`; none with one (virtual time, never checked).
   */
  monotonic?: () => number;
  /**
   * A person says the wall clock is right (`--trust-clock` / `TRUST_CLOCK=1`): a wall-clock
   * jump remembered from the last run is forgotten. Without it a restarted hall trusts its wall
   * clock again only once the clock has come back (docs/security.md, "Faults").
   */
  trustClock?: boolean;
  /** `/api/v1/health`'s disk threshold; `freeBytes` injectable where a full disk cannot be made. */
  health?: { minFreeBytes?: number; freeBytes?: (dir: string) => number };
  logger?: Logger;
  /** Nightly backups and the upward sync to the regional center; absent: neither. */
  sync?: SyncOptions;
  /** Web origins besides the hall's own allowed to call it (env `ALLOWED_ORIGINS`). */
  allowedOrigins?: string[];
  /**
   * Names the hall is reached by besides its IP addresses, localhost and this machine's name
   * (env `HALL_NAMES`): a request sent to any other name is refused (DNS rebinding).
   */
  hallNames?: string[];
  /** Rate limits (transport/rate-limits.ts); `false` turns them off for load scripts. */
  limits?: RateLimitsOption;
  /** Customer notifications' gateway (default: the log) and how often the outbox looks. */
  notify?: GatewayChoice & { pollMs?: number };
  /** ONESTOP_ID_CARD_KEY (checked); absent: `<dataDir>/id-card.key` (app/id-card-key.ts). */
  idCardSecret?: Buffer | null;
}

export interface HallServer {
  hall: Hall;
  /** Raises the duty leader's alerts every 30 s; `runOnce()` for tests. */
  alerts: AlertSweep;
  /** Reminds of and expires remedy grants waiting for the duty leader; `runOnce()` for tests. */
  remedySweep: RemedySweep;
  /** Scores quiz attempts left open past their limit or their day (app/quiz-sweep.ts). */
  quizSweep: QuizSweep;
  /** The nightly backup and upward sync (status, `runNow()`). */
  sync: SyncService;
  /** Sends queued customer notifications through the gateway (`runOnce()` for tests). */
  notifications: NotificationOutbox;
  /** What `/api/v1/health` reports: database, disk, clock. */
  health: HealthMonitor;
  clock: HallClock;
  /** The hall still holds the demo's well-known device tokens (start-up lines, landing page). */
  demoHall: boolean;
  io: HallIo;
  presence: Presence;
  httpServer: HttpServer;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Wires the hall: SQLite store → hall (rules + commands) → socket.io + HTTP API + web apps. */
export async function startHallServer(options: HallServerOptions): Promise<HallServer> {
  const logger = options.logger ?? pino({ level: 'info' }); // main.ts passes the configured one
  const dbFile = join(options.dataDir, 'hall.sqlite');
  const wall = options.clock ?? Date.now;
  // Refuses a missing, empty, damaged or older database, or a lost WAL (store/startup-check.ts).
  const checked = openCheckedDatabase(dbFile, {
    backupDir: options.sync?.backupDir ?? join(options.dataDir, 'backups'),
    logger,
    mustHoldHall: !options.seed && !options.demo,
  });
  const db = checked.db;
  if (checked.recoveredUncleanStop)
    logger.warn('the last run was not stopped cleanly; SQLite replayed its WAL, nothing lost');
  let onClockJump = (): void => undefined; // raises the alert once the hall exists
  // A wall clock that leapt ahead in the last run and still does (it is at least as far past
  // the hall time recorded as it was then, less the threshold) is not believed after a
  // restart: the hall goes on from its recorded time, untrusted, and says so again.
  const monotonic = options.monotonic ?? (options.clock ? null : () => performance.now());
  const saved = readClockState(db);
  const recorded = Math.max(saved.hallTime, lastWriteAt(db) ?? 0);
  const stillLeapt =
    !saved.trusted &&
    saved.offsetMs > CLOCK_JUMP_THRESHOLD_MS &&
    wall() - recorded >= saved.offsetMs - CLOCK_JUMP_THRESHOLD_MS;
  const saveClock = (): void => {
    try {
      const hallTime = hallClock.now();
      const state = hallClock.state();
      saveClockState(db, { trusted: state.trusted, hallTime, offsetMs: state.offsetMs });
    } catch (err) {
      logger.error({ err }, 'could not record the hall clock (full disk?)');
    }
  };
  const hallClock = createHallClock({
    wall,
    monotonic,
    floor: lastWriteAt(db),
    untrustedFrom: monotonic && stillLeapt && !options.trustClock ? recorded : undefined,
    onJump(jump) {
      logger.error(jump, 'the wall clock jumped; the hall keeps its own time');
      try {
        saveClockState(db, { trusted: false, hallTime: jump.at, offsetMs: jump.wallAt - jump.at });
      } catch (err) {
        logger.error({ err }, 'could not record the clock jump (full disk?)');
      }
      onClockJump();
    },
  });
  const clock = hallClock.now;
  const checkpointer = startCheckpointer(db, {}, (err) =>
    logger.error({ err }, 'WAL checkpoint failed (durability does not depend on it)'),
  );
  const idCardKey = openIdCardKeyring({
    dataDir: options.dataDir,
    secret: options.idCardSecret,
    warn: (message) => logger.warn(message),
  });
  const store = createStore(db, { idCardKey });
  const seed = options.seed ?? (options.demo ? demoSeed(clock()) : undefined);
  if (seed) {
    if (await seedHall(store, seed)) logger.info({ hall: seed.config.nameEn }, 'hall seeded');
  } else if (!store.hall.isInitialised()) {
    throw new Error(
      'this hall has no data yet: set it up with npm run setup (DEMO=1: the demo hall)',
    );
  }
  if (options.demo === false) {
    // A real hall never starts with the demo hall's well-known tokens and PINs.
    try {
      await refuseDemoCredentials(store, options.dataDir);
    } catch (err) {
      checkpointer.stop();
      db.close();
      throw err;
    }
  }
  markRunState(db, 'running', clock());
  if (hallClock.state().trusted) saveClock(); // untrusted: onJump records it
  const durable = walSync(db, dbFile);
  const hall = createHall({ store, clock, logger, durable });
  onClockJump = () => raiseClockJumpAlert(hall);
  hall.ensureBusinessDay(clock());
  const idCards = () => {
    const underOtherKey = store.identity.idCardsUnderOtherKey(idCardKey.current()?.id ?? null);
    return { keySource: idCardKey.source(), underOtherKey, problem: idCardKey.problem() };
  };
  {
    // Registrations the hall can no longer match: said loudly at start (and by health, and on
    // the admin's customer list), never a crash — identification by ID card finds nobody.
    const cards = idCards();
    if (cards.problem) logger.error(`${cards.problem}; identification by ID card finds nobody`);
    if (cards.underOtherKey > 0)
      logger.error(
        { underOtherKey: cards.underOtherKey, keySource: cards.keySource },
        cards.keySource === 'none'
          ? `${cards.underOtherKey} customers have an ID card registered, but the hall has no ID card key (${idCardKey.file ?? 'ONESTOP_ID_CARD_KEY'} ${cards.problem ? 'cannot be used' : 'is missing'}): ` +
              'put back the key file from where it was kept, or register the cards again (docs/customer-identification.md, "Privacy")'
          : `${cards.underOtherKey} customers have an ID card registered under another ID card key: ` +
              'they are not found until registered again (docs/customer-identification.md, "Privacy")',
      );
  }
  const health = createHealthMonitor({
    db,
    file: dbFile,
    now: clock,
    clock: hallClock.state,
    quickCheck: checked.quickCheck,
    logger,
    ...options.health,
  });

  const hallSummary = () => {
    try {
      const { seq, businessDay } = store.hall.state();
      return { seq, businessDay, version: VERSION, idCards: idCards() };
    } catch {
      return { seq: null, businessDay: null, version: VERSION }; // health says why
    }
  };
  const config = store.hall.state().config;
  // The demo's tokens and PINs are shown only while the hall still holds them: a hall set up
  // with `npm run setup` and started with the default DEMO=1 shows none.
  const demoHall = options.demo === true && demoDeviceIds(store).length > 0;
  const landing = landingPage({
    hallName: `${config.nameZh} · ${config.nameEn}`,
    apps: webApps,
    demo: demoHall ? { staff: demoStaff, devices: demoDevices, links: demoScreenLinks } : null,
  });

  const origins = createOriginCheck(options.allowedOrigins, options.hallNames);
  const limiter = createLimiter(options.limits);
  const app = await createHttpServer({
    hall,
    version: VERSION,
    webApps,
    landing,
    origins,
    limiter,
    logger,
    health: () => healthOf(health.report(), hallSummary()),
    dataDir: options.dataDir,
  });
  const httpServer = app.server;
  const counterLinks = watchCounterLinks(hall);
  const alerts = startAlertSweep(hall);
  const remedySweep = startRemedySweep(hall);
  const quizSweep = startQuizSweep(hall);
  const sync = startSync(hall, options.sync ?? null, logger);
  const notifications = startNotificationOutbox(hall, createGateway(options.notify, logger), {
    logger,
    pollMs: options.notify?.pollMs,
  });
  const { io, presence } = attachSocketServer(
    httpServer,
    hall,
    {
      deviceOnline(deviceId) {
        store.presence.up(deviceId, clock());
        counterLinks.deviceOnline(deviceId);
        alerts.offlineSince.delete(deviceId);
      },
      deviceOffline(deviceId) {
        store.presence.down(deviceId, clock());
        counterLinks.deviceOffline(deviceId);
        alerts.offlineSince.set(deviceId, clock());
      },
    },
    {
      originAllowed: origins.allowed,
      hostAllowed: origins.hostAllowed,
      allowedOrigins: origins.allowedOrigins,
      limiter,
    },
  );

  // Publish the day change at local midnight even when no command arrives to trigger it.
  let timer: NodeJS.Timeout | undefined;
  const armRollover = () => {
    const wait = Math.min(
      nextBusinessDayStart(clock(), store.hall.state().config.timeZone) - clock() + 1000,
      3_600_000,
    );
    timer = setTimeout(
      () => {
        hall.ensureBusinessDay(clock());
        armRollover();
      },
      Math.max(wait, 1000),
    );
    timer.unref();
  };
  armRollover();
  // Unanswered evaluations become "not rated" at their deadline even in a quiet hall.
  // …and staff sessions past their idle or absolute limit end, their desks leaving the staff room.
  const sweeper = setInterval(() => {
    hall.sweep();
    endExpiredSessions(hall);
  }, SWEEP_INTERVAL_MS);
  sweeper.unref();

  await app.listen({ port: options.port ?? 0, host: options.host ?? '0.0.0.0' });
  const address = httpServer.address();
  // A TCP port, never a pipe: the hall listens on host and port.
  if (address === null || typeof address === 'string') throw new Error('not listening on a port');
  const { port } = address;
  return {
    hall,
    demoHall,
    alerts,
    remedySweep,
    quizSweep,
    sync,
    notifications,
    health,
    clock: hallClock,
    io,
    presence,
    httpServer,
    port,
    url: `http://127.0.0.1:${port}`,
    async close() {
      clearTimeout(timer);
      clearInterval(sweeper);
      await sync.stop();
      await notifications.stop(); // the sends in flight are recorded before the database closes
      // io.close() ends every socket, then closes the HTTP server, which waits for every open
      // connection; a browser's idle pre-opened connection would hold it up to a minute. Once
      // the server stops listening, the connections left are cut.
      const ioClosed = io.close();
      while (httpServer.listening) await new Promise((r) => setTimeout(r, 5));
      httpServer.closeAllConnections();
      await ioClosed;
      counterLinks.close(); // after io.close(): its disconnects must not start grace timers
      alerts.stop();
      remedySweep.stop();
      quizSweep.stop();
      await hall.settled();
      httpServer.closeAllConnections();
      health.stop();
      saveClock();
      try {
        markRunState(db, 'clean', clock());
      } catch (err) {
        logger.error({ err }, 'could not mark the database cleanly stopped (full disk?)');
      }
      checkpointer.stop();
      durable.close();
      db.close();
    },
  };
}

export { defaultConfig };
