import {
  commands,
  errorMessages,
  isCommandName,
  maskCustomer,
  type Ack,
  type CommandName,
  type ErrorCode,
  type HallChange,
  type Records,
} from '@onestop/shared';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { authorize } from '../domain/permissions';
import type { Rejection, Result } from '../domain/result';
import type { StoredResult } from '../store/log-repo';
import type { Store } from '../store/store';
import { resolveActor, type Credentials } from './actor';
import { forgetCallOrder } from './call-order';
import { payloadHash } from './command-ids';
import { Writes, type Actor, type Handler, type TxContext } from './context';
import { handlers } from './handlers';
import { commandFault } from './health';
import { recordUnanswered } from './handlers/evaluation-handlers';
import { audienceOf, forgetSnapshots, withClerks } from './handlers/query-handlers';
import { projectResult } from './projection';
import { createRefusedAnonymousCounter } from './refused-anonymous';
import { rollover } from './rollover';

export interface HallOptions {
  store: Store;
  /** Injectable so the simulator can run a day time-compressed and tests can cross midnight. */
  clock?: () => number;
  newId?: () => string;
  logger?: Logger;
  /**
   * Resolves once what was committed before the call is on disk (store/wal-sync.ts). Absent:
   * COMMIT itself syncs (synchronous=FULL).
   */
  durable?: () => Promise<void>;
}

export type ChangeListener = (change: HallChange) => void;

/** A command's outcome plus who asked, for the transport to adjust the connection. */
export interface Executed {
  ack: Ack<unknown>;
  actor: Actor | null;
}

class Refusal extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.code);
  }
}

const SECRET_KEYS = new Set(['pin', 'pairingCode', 'deviceToken', 'sessionToken']);
/** Commands whose results are for the person who asked only: never kept nor replayed by id. */
const UNKEPT = new Set<string>(['staff:sign-in', 'customer:reveal-contact']);

/** What the audit log keeps of a payload: secrets out, customer data masked, bounded size. */
/** The most of a command's `reason` one audit row keeps. */
export const AUDIT_REASON_MAX = 500;

export function auditSummary(payload: unknown): string {
  const text = JSON.stringify(payload, (key, value: unknown) => {
    if (SECRET_KEYS.has(key)) return '***';
    if (key === 'customer' && value && typeof value === 'object') {
      const c = value as Record<string, unknown>;
      const strings = (v: unknown) => (typeof v === 'string' ? v : null);
      return maskCustomer({
        phone: strings(c.phone),
        accountNo: strings(c.accountNo),
        name: strings(c.name),
      });
    }
    return value;
  });
  return (text ?? 'null').slice(0, 2000);
}

function failure(code: ErrorCode, detail?: string): Ack<never> {
  const base = errorMessages[code].en;
  return { ok: false, code, message: detail ? `${base} ${detail}` : base };
}

export function createHall(options: HallOptions) {
  const { store } = options;
  const readClock = options.clock ?? Date.now;
  /** Whole milliseconds: the store keeps times as integers. */
  const clock = () => Math.floor(readClock());
  const newId = options.newId ?? randomUUID;
  const log = options.logger;
  const listeners = new Set<ChangeListener>();
  const refusedAnonymous = createRefusedAnonymousCounter();

  // Changes go out right after the acting device's ack, in commit order: the clerk who pressed
  // the button hears back first, and the fan-out to every screen never delays an ack.
  const outbox: HallChange[] = [];
  function publish(change: HallChange): void {
    outbox.push(change);
    if (outbox.length === 1) setImmediate(flush);
  }
  function flush(): void {
    const changes = outbox.splice(0);
    // A change committed in the turn the server closed: nobody is left to tell, and the
    // listeners would read a closed database ("The database connection is not open").
    if (changes.length === 0 || !store.db.open) return;
    // One message per turn however many commands it committed: the fan-out to every screen
    // costs a write per socket per turn, not per command.
    const change = changes.length === 1 ? changes[0]! : mergeChanges(changes);
    for (const listener of listeners) listener(change);
  }

  // Group commit: the commands that arrive in one turn of the event loop share one SQLite
  // transaction (each in its own savepoint) and one fsync. No ack leaves before the commit,
  // so an acknowledged command is as durable as with a commit each; under load the hall
  // pays for one fsync per batch instead of one per command.
  let batch: { committed: Promise<void> } | null = null;
  /** The last batch committed whose WAL sync is still running (with `durable`). */
  let unsynced: Promise<void> | null = null;

  function joinBatch(): Promise<void> {
    if (batch) return batch.committed;
    store.db.exec('BEGIN IMMEDIATE');
    let settle!: (err?: unknown) => void;
    const committed = new Promise<void>((resolve, reject) => {
      settle = (err) => (err ? reject(err) : resolve());
    });
    committed.catch(() => undefined); // every waiter handles it; none may go unhandled
    batch = { committed };
    setImmediate(() => {
      batch = null;
      try {
        store.db.exec('COMMIT');
      } catch (err) {
        if (store.db.inTransaction) store.db.exec('ROLLBACK');
        forgetSnapshots(store); // a snapshot may have been built from what was rolled back
        forgetCallOrder(store);
        log?.error({ err }, 'group commit failed; nothing in it was acknowledged');
        settle(err);
        return;
      }
      if (!options.durable) return settle();
      // The next batch may begin while this one's WAL is synced off the event loop.
      unsynced = committed;
      options.durable().then(
        () => settle(),
        (err: unknown) => {
          log?.error({ err }, 'syncing the WAL failed; nothing in the batch was acknowledged');
          settle(err);
        },
      );
      const done = () => {
        if (unsynced === committed) unsynced = null;
      };
      committed.then(done, done);
    });
    return committed;
  }

  /** Resolves once everything written so far is committed (queries wait for it). */
  function settled(): Promise<void> {
    const pending = batch?.committed ?? unsynced;
    return pending ? pending.catch(() => undefined) : Promise.resolve();
  }

  /**
   * Runs `fn` once what is being written now is committed (and on disk); at once when nothing
   * is. A system write outside a batch is committed already, and synced first with `durable`.
   */
  function afterCommit(fn: () => void): void {
    if (batch) void batch.committed.then(fn, () => undefined);
    else if (options.durable) void options.durable().then(fn, () => undefined);
    else fn();
  }

  function audit(entry: {
    name: string;
    actor: Actor | null;
    commandId: string | null;
    payload: unknown;
    /** The validated arguments, when the payload got that far: `reason` is read from these. */
    args?: unknown;
    result: string;
    seq?: number | null;
    now: number;
  }): void {
    // Never from the raw payload (a refused one may carry 60 KB); capped all the same.
    const reason = (entry.args as { reason?: unknown } | null | undefined)?.reason;
    store.log.audit({
      at: entry.now,
      deviceId: entry.actor?.device?.id ?? null,
      staffId: entry.actor?.staff?.id ?? null,
      command: entry.name,
      commandId: entry.commandId,
      payload: auditSummary(entry.payload),
      result: entry.result,
      reason: typeof reason === 'string' ? reason.slice(0, AUDIT_REASON_MAX) : null,
      seq: entry.seq ?? null,
    });
  }

  function refuse(
    ctx: {
      name: string;
      actor: Actor | null;
      commandId: string | null;
      payload: unknown;
      args?: unknown;
      now: number;
      isQuery: boolean;
      source?: string | undefined;
    },
    code: ErrorCode,
    detail?: string,
  ): Executed {
    if (!ctx.actor?.device) {
      // Nobody can be held to it, and row by row it would fill the disk: counted, not stored.
      refusedAnonymous.count(ctx.name, code, ctx.now, ctx.source);
    } else if (!ctx.isQuery) {
      try {
        audit({ ...ctx, result: code });
      } catch (err) {
        // The refusal still reaches the device; a failed audit write must not take the hall down.
        log?.error({ err, command: ctx.name }, 'audit of a refusal failed');
      }
    }
    return { ack: failure(code, detail), actor: ctx.actor };
  }

  function ensureBusinessDay(now: number): void {
    const change = rollover(store, now);
    if (change) afterCommit(() => publish(change));
  }

  /**
   * Pads' questions past their time-out are recorded as "not rated": before every command (so
   * a late answer meets a closed question) and on the server's timer.
   */
  function sweep(now = clock()): void {
    if (store.evaluations.anyDue(now)) runSystem('evaluation-timeout', recordUnanswered);
  }

  async function execute(
    name: string,
    payload: unknown,
    credentials: Credentials,
  ): Promise<Executed> {
    let now = clock();
    const isQuery = isCommandName(name) && commands[name].kind === 'query';
    const rawId = (payload as { commandId?: unknown } | null)?.commandId;
    const ctx = {
      name,
      actor: null as Actor | null,
      commandId: typeof rawId === 'string' ? rawId.slice(0, 64) : null,
      payload,
      args: undefined as unknown,
      now,
      isQuery,
      source: credentials.address,
    };
    // Who is asking is known before the payload is read, so that a paired device's bad input
    // is attributed to it; the refusal codes keep their order (command, payload, device, role).
    const who = resolveActor(store, credentials, now, !isQuery); // a command is activity
    if (who.ok) ctx.actor = who.value;
    if (!isCommandName(name)) return refuse(ctx, 'unknown_command', name.slice(0, 60));
    const def = commands[name];
    const parsed = def.input.safeParse(payload === undefined ? {} : payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return refuse(
        ctx,
        'invalid_payload',
        issue ? `${issue.path.join('.') || '(payload)'}: ${issue.message}` : undefined,
      );
    }
    const args = parsed.data as { commandId?: string };
    ctx.args = args;
    if (!who.ok) return refuse(ctx, who.code, who.detail);
    const allowed = authorize(name, {
      deviceKind: who.value.device?.kind ?? null,
      roles: who.value.roles,
      signedIn: who.value.staff !== null,
    });
    if (!allowed.ok) return refuse(ctx, allowed.code, allowed.detail);

    const h = handlers[name] as Handler<CommandName, unknown>;
    // A command id belongs to the device that sent it. Queries change nothing, so they are
    // answered afresh; anonymous commands (device:pair, whose result is a device token) are
    // neither kept nor replayed: a lost pairing ack is mended with a new pairing code.
    const deviceId = who.value.device?.id ?? null;
    // Nor are results given only to whoever asked: a live session token (a retry signs in anew),
    // a customer's whole number (a retry is checked and audited anew, so another staff member
    // at the same desk replaying the id is refused).
    const kept = !isQuery && deviceId !== null && args.commandId !== undefined && !UNKEPT.has(name);
    const hash = kept ? payloadHash(name, args as Record<string, unknown>) : '';
    const replay = () => (kept ? store.log.findResult(deviceId!, args.commandId!) : undefined);
    const earlier = replay();
    if (earlier) return replayed(earlier, name, hash, ctx);

    let prepared: unknown = undefined;
    if (h.prepare) {
      const p = await h.prepare({ store, actor: who.value, now }, args as never);
      if (!p.ok) return refuse(ctx, p.code, p.detail);
      prepared = p.value;
      now = clock();
      ctx.now = now;
      const meanwhile = replay(); // the same command may have been retried while we awaited
      if (meanwhile) return replayed(meanwhile, name, hash, ctx);
    }

    const committed = isQuery ? null : joinBatch();
    ensureBusinessDay(now);
    sweep(now);
    const hall = store.hall.state();
    const write = new Writes(store, hall.seq + 1);
    try {
      const data = store.db.transaction(() => {
        const result = h.run(
          { store, actor: who.value, now, hall, newId, write },
          args as never,
          prepared,
        );
        if (!result.ok) throw new Refusal(result);
        if (isQuery) return result.value;
        const seq = write.isEmpty ? null : write.seq;
        if (seq !== null) store.hall.setSeq(seq);
        if (kept) {
          store.log.saveResult({
            deviceId: deviceId!,
            commandId: args.commandId!,
            command: name,
            payloadHash: hash,
            result: result.value,
            at: now,
          });
        }
        audit({ ...ctx, result: 'ok', seq });
        return result.value;
      })();
      // No ack before the commit; a query's answer waits for what it may have read.
      await (committed ?? settled());
      if (!isQuery && !write.isEmpty) publish(changeOf(store, write, now));
      return {
        ack: { ok: true, data: projectResult(data, audienceOf(who.value)) },
        actor: who.value,
      };
    } catch (err) {
      if (err instanceof Refusal) return refuse(ctx, err.rejection.code, err.rejection.detail);
      log?.error({ err, command: name }, 'command failed');
      return refuse(ctx, commandFault(store.db, err, now)); // storage_full, database_fault
    }
  }

  /** The first result again; it may still be in the batch being committed, so wait for it. */
  async function replayed(
    earlier: StoredResult,
    name: string,
    hash: string,
    ctx: Parameters<typeof refuse>[0],
  ): Promise<Executed> {
    // Rows kept before migration 005 have no hash: the command name alone decides for them.
    const same = earlier.command === name && (earlier.payloadHash ?? hash) === hash;
    if (!same) return refuse(ctx, 'command_id_conflict');
    await settled();
    const data = ctx.actor ? projectResult(earlier.result, audienceOf(ctx.actor)) : earlier.result;
    return { ack: { ok: true, data }, actor: ctx.actor };
  }

  /**
   * A change the server makes by itself (a counter whose link was lost, a sweep on a timer):
   * one transaction, audited as `system:<action>` with no device or staff, published like any
   * command's change. Returns what `run` returned, or null when it refused or wrote nothing.
   */
  function runSystem<T>(action: string, run: (tx: TxContext) => Result<T>): T | null {
    const now = clock();
    ensureBusinessDay(now);
    const hall = store.hall.state();
    const write = new Writes(store, hall.seq + 1);
    const actor: Actor = { device: null, session: null, staff: null, roles: [] };
    try {
      const value = store.db.transaction(() => {
        const result = run({ store, actor, now, hall, newId, write });
        if (!result.ok) throw new Refusal(result);
        if (write.isEmpty) return result.value;
        store.hall.setSeq(write.seq);
        audit({
          name: `system:${action}`,
          actor: null,
          commandId: null,
          payload: null,
          result: 'ok',
          seq: write.seq,
          now,
        });
        return result.value;
      })();
      if (!write.isEmpty) {
        const change = changeOf(store, write, now);
        afterCommit(() => publish(change));
      }
      return value;
    } catch (err) {
      if (!(err instanceof Refusal)) log?.error({ err, action }, 'system action failed');
      return null;
    }
  }

  return {
    store,
    clock,
    execute,
    runSystem,
    settled,
    /** A batch is open: its COMMIT is due at the end of this event-loop turn. */
    committing: () => batch !== null,
    ensureBusinessDay,
    sweep,
    onChange(listener: ChangeListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** For server-side actions that are not a device's command (a dropped counter's ticket). */
    publish,
    /** Refusals of requests without a valid device, counted since start (never audited). */
    refusedAnonymous: () => refusedAnonymous.snapshot(),
  };
}

/** Consecutive changes as one: records concatenated in order (later versions last). */
export function mergeChanges(changes: readonly HallChange[]): HallChange {
  const first = changes[0]!;
  const last = changes[changes.length - 1]!;
  const records: Record<string, unknown[]> = {};
  let config: Records['config'];
  for (const c of changes) {
    for (const [kind, list] of Object.entries(c.records)) {
      if (kind === 'config') config = list as Records['config'];
      else if (Array.isArray(list)) (records[kind] ??= []).push(...list);
    }
  }
  return {
    seq: last.seq,
    fromSeq: first.fromSeq ?? first.seq,
    at: last.at,
    events: changes.flatMap((c) => c.events),
    records: { ...(records as Records), ...(config ? { config } : {}) },
  };
}

function changeOf(store: Store, write: Writes, now: number): HallChange {
  const records: Records = {};
  for (const [key, list] of Object.entries(write.records)) {
    if (Array.isArray(list) && list.length > 0) Object.assign(records, { [key]: list });
  }
  if (write.records.config) records.config = write.records.config;
  // A counter travels with its clerk so that its pad can show the clerk's staff number.
  return { seq: write.seq, at: now, events: write.events, records: withClerks(store, records) };
}

export type Hall = ReturnType<typeof createHall>;
