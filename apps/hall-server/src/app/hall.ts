import {
  commands,
  errorMessages,
  isCommandName,
  type Ack,
  type CommandArgs,
  type CommandName,
  type ErrorCode,
  type HallChange,
} from '@onestop/shared';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { authorize } from '../domain/permissions';
import type { Rejection, Result } from '../domain/result';
import type { StoredResult } from '../store/log-repo';
import type { Store } from '../store/store';
import { resolveActor, type Credentials } from './actor';
import { writeAudit, type AuditEntry } from './audit';
import { payloadHash } from './command-ids';
import { Writes, type Actor, type Handler, type TxContext } from './context';
import { createGroupCommit } from './group-commit';
import { changeOf, mergeChanges } from './hall-changes';
import { handlers } from './handlers';
import { commandFault } from './health';
import { recordUnanswered } from './handlers/evaluation-handlers';
import { audienceOf } from './handlers/query-handlers';
import { isRecord } from './is-record';
import { notifyQueueChanges } from './notification-hooks';
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

/** Commands whose results are for the person who asked only: never kept nor replayed by id. */
const UNKEPT = new Set<string>([
  'staff:sign-in',
  'customer:reveal-contact',
  'customer:identify',
  'admin:register-id-card',
]);

/**
 * A device's routine report, not somebody's act: it is no staff activity (a desk's heartbeat
 * does not keep an idle clerk signed in), its result is neither kept nor replayed (a repeated
 * report is harmless), and it is audited only when it changed a record (opened or cleared a
 * fault): every 30 s from every device would otherwise bury the audit and the shift log.
 */
const ROUTINE = new Set<string>(['device:heartbeat']);

/** Each command's input schema and handler, typed by its name (parsed input is its handler's). */
const inputs: {
  [K in CommandName]: { input: z.ZodType<CommandArgs<K> & { commandId?: string | undefined }> };
} = commands;
const table: { [K in CommandName]: Handler<K, unknown> } = handlers;

/** What a refusal is recorded with: known before (or without) a valid payload. */
interface Asked extends Omit<AuditEntry, 'result' | 'seq'> {
  isQuery: boolean;
  source?: string | undefined;
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

  const commit = createGroupCommit(store, { durable: options.durable, log });
  const { settled, afterCommit } = commit;

  function refuse(ctx: Asked, code: ErrorCode, detail?: string): Executed {
    if (!ctx.actor?.device) {
      // Nobody can be held to it, and row by row it would fill the disk: counted, not stored.
      refusedAnonymous.count(ctx.name, code, ctx.now, ctx.source);
    } else if (!ctx.isQuery) {
      try {
        writeAudit(store, { ...ctx, result: code });
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
    const now = clock();
    const isQuery = isCommandName(name) && commands[name].kind === 'query';
    const rawId = isRecord(payload) ? payload.commandId : undefined;
    const ctx: Asked = {
      name,
      actor: null,
      commandId: typeof rawId === 'string' ? rawId.slice(0, 64) : null,
      payload,
      now,
      isQuery,
      source: credentials.address,
    };
    // Who is asking is known before the payload is read, so that a paired device's bad input
    // is attributed to it; the refusal codes keep their order (command, payload, device, role).
    // A command is activity; a routine report is not.
    const who = resolveActor(store, credentials, now, !isQuery && !ROUTINE.has(name));
    if (who.ok) ctx.actor = who.value;
    if (!isCommandName(name)) return refuse(ctx, 'unknown_command', name.slice(0, 60));
    return executeCommand(name, who, ctx);
  }

  async function executeCommand<K extends CommandName>(
    name: K,
    who: Result<Actor>,
    ctx: Asked,
  ): Promise<Executed> {
    const { isQuery } = ctx;
    let now = ctx.now;
    const parsed = inputs[name].input.safeParse(ctx.payload === undefined ? {} : ctx.payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return refuse(
        ctx,
        'invalid_payload',
        issue ? `${issue.path.join('.') || '(payload)'}: ${issue.message}` : undefined,
      );
    }
    const args = parsed.data;
    ctx.args = args;
    if (!who.ok) return refuse(ctx, who.code, who.detail);
    const allowed = authorize(name, {
      deviceKind: who.value.device?.kind ?? null,
      roles: who.value.roles,
      signedIn: who.value.staff !== null,
    });
    if (!allowed.ok) return refuse(ctx, allowed.code, allowed.detail);

    const h = table[name];
    // A command id belongs to the device that sent it. Queries change nothing, so they are
    // answered afresh; anonymous commands (device:pair, whose result is a device token) are
    // neither kept nor replayed: a lost pairing ack is mended with a new pairing code.
    const deviceId = who.value.device?.id ?? null;
    // Nor are results given only to whoever asked: a live session token (a retry signs in anew),
    // a customer's whole number (a retry is checked and audited anew, so another staff member
    // at the same desk replaying the id is refused), an identity token (nor is the hash of an
    // ID number kept: a payload hash of one could be matched by trying every number).
    const kept =
      !isQuery &&
      deviceId !== null &&
      args.commandId !== undefined &&
      !UNKEPT.has(name) &&
      !ROUTINE.has(name)
        ? { deviceId, commandId: args.commandId }
        : null;
    const hash = kept ? payloadHash(name, args) : '';
    const replay = () => (kept ? store.log.findResult(kept.deviceId, kept.commandId) : undefined);
    const earlier = replay();
    if (earlier) return replayed(earlier, name, hash, ctx);

    let prepared: unknown = undefined;
    if (h.prepare) {
      const p = await h.prepare({ store, actor: who.value, now }, args);
      if (!p.ok) return refuse(ctx, p.code, p.detail);
      prepared = p.value;
      now = clock();
      ctx.now = now;
      const meanwhile = replay(); // the same command may have been retried while we awaited
      if (meanwhile) return replayed(meanwhile, name, hash, ctx);
    }

    const committed = isQuery ? null : commit.join();
    ensureBusinessDay(now);
    sweep(now);
    const hall = store.hall.state();
    const write = new Writes(store, hall.seq + 1);
    try {
      const data = store.db.transaction(() => {
        const tx: TxContext = { store, actor: who.value, now, hall, newId, write };
        const result = h.run(tx, args, prepared);
        if (!result.ok) throw new Refusal(result);
        if (isQuery) return result.value;
        notifyQueueChanges(tx); // turn near, called: in this transaction
        const seq = write.isEmpty ? null : write.seq;
        if (seq !== null) store.hall.setSeq(seq);
        if (kept) {
          store.log.saveResult({
            ...kept,
            command: name,
            payloadHash: hash,
            result: result.value,
            at: now,
          });
        }
        if (seq !== null || !ROUTINE.has(name)) writeAudit(store, { ...ctx, result: 'ok', seq });
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
    ctx: Asked,
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
        const tx: TxContext = { store, actor, now, hall, newId, write };
        const result = run(tx);
        if (!result.ok) throw new Refusal(result);
        notifyQueueChanges(tx);
        if (write.isEmpty) return result.value;
        store.hall.setSeq(write.seq);
        writeAudit(store, {
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
    committing: commit.committing,
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

export type Hall = ReturnType<typeof createHall>;
