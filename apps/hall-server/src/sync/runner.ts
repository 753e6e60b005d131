import type { SyncBatch, SyncCursor, SyncRow } from '@onestop/shared';
import type { Db } from '../store/db';
import type { CenterClient } from './center-client';
import { START, TIMELINE_OFFSET } from './cursor';
import { mismatches, planReconcile } from './reconcile-plan';
import type { RunBounds, SyncReader } from './reader';
import type { SyncRepo } from './sync-repo';

// One sync run: ask the center where it stands, send every row changed since then in batches,
// then reconcile recent days (and a slice of older ones) by counts and checksums and re-send the
// table-days that differ. The center stores a batch's rows and cursors in one transaction, so a
// run that stops anywhere (network, crash, power cut) resumes exactly where the center is.

export interface RunHooks {
  /** After the center acknowledged a batch, before the hall records it (fault tests). */
  afterBatchStored?(batch: SyncBatch): void | Promise<void>;
}

export interface RunContext {
  db: Db;
  reader: SyncReader;
  repo: SyncRepo;
  client: CenterClient;
  runId: string;
  today: string;
  batchRows: number;
  recentDays: number;
  rotateDays: number;
  signal: AbortSignal;
  clock: () => number;
  /** Waits until nothing is being written, so reads see committed rows only. */
  settled: () => Promise<void>;
  /** Moves the hall's change sequence forward (a hall restored behind what the center holds). */
  advanceSeq: (to: number) => void;
  onPhase: (phase: 'handshake' | 'sending' | 'reconciling') => void;
  onProgress: (sent: number, total: number) => void;
  hooks?: RunHooks;
  log?: (msg: string, data?: Record<string, unknown>) => void;
}

export interface RunOutcome {
  sent: number;
  total: number;
  reconciled: number;
  mismatched: number;
  unresolved: { day: string; table: string }[];
}

export class RunAborted extends Error {
  constructor() {
    super('the run was stopped');
  }
}

export async function runSync(ctx: RunContext): Promise<RunOutcome> {
  const { reader } = ctx;
  let batchNo = 0;
  const nextBatchId = () => `${ctx.runId.replace(/[^A-Za-z0-9_-]/g, '')}-${++batchNo}`;
  const checkpoint = async () => {
    if (ctx.signal.aborted) throw new RunAborted();
    await ctx.settled();
    if (ctx.signal.aborted) throw new RunAborted();
  };

  ctx.onPhase('handshake');
  const center = await ctx.client.state();
  await checkpoint();
  let bounds = reader.bounds();
  const centerSeq = Math.max(
    0,
    ...reader.tables
      .filter((t) => t.kind === 'versioned')
      .map((t) => center.cursors[t.table]?.pos ?? 0),
  );
  if (centerSeq > bounds.seq) {
    // The center holds versions newer than this hall's sequence: it was restored behind them.
    // Without this, what it writes now would lose to the lost timeline's versions.
    ctx.log?.('the center is ahead of this hall; moving the change sequence forward', {
      centerSeq,
      hallSeq: bounds.seq,
    });
    ctx.advanceSeq(Math.max(centerSeq, bounds.seq + TIMELINE_OFFSET));
    bounds = reader.bounds();
  }

  const cursors = new Map<string, SyncCursor>(
    reader.tables.map((t) => [t.table, center.cursors[t.table] ?? START]),
  );
  const total = reader.tables.reduce(
    (n, t) => n + reader.pending(t, cursors.get(t.table)!, bounds),
    0,
  );
  let sent = 0;
  const touched = new Set<string>();
  ctx.onPhase('sending');
  ctx.onProgress(0, total);

  const remaining = [...reader.tables];
  while (remaining.length > 0) {
    await checkpoint();
    const rows: SyncRow[] = [];
    const batchCursors: Record<string, SyncCursor> = {};
    while (remaining.length > 0 && rows.length < ctx.batchRows) {
      const t = remaining[0]!;
      const want = ctx.batchRows - rows.length;
      const page = reader.page(t, cursors.get(t.table)!, bounds, want);
      rows.push(...page.rows);
      if (page.cursor) {
        batchCursors[t.table] = page.cursor;
        cursors.set(t.table, page.cursor);
      }
      if (page.rows.length < want) remaining.shift();
    }
    if (rows.length === 0) break;
    const batch: SyncBatch = { batchId: nextBatchId(), cursors: batchCursors, rows };
    await ctx.client.sendBatch(batch);
    await ctx.hooks?.afterBatchStored?.(batch);
    ctx.repo.saveCursors(batch.cursors, ctx.clock());
    for (const r of rows) touched.add(r.day);
    sent += rows.length;
    ctx.onProgress(sent, total);
  }

  ctx.onPhase('reconciling');
  const plan = planReconcile({
    today: ctx.today,
    recentDays: ctx.recentDays,
    touched,
    firstDay: reader.firstDay(),
    rotation: ctx.repo.fact('reconcile-rotation') || null,
    rotateDays: ctx.rotateDays,
  });
  const first = await reconcile(ctx, plan.days, bounds);
  for (const { day, table } of first) {
    const t = reader.tables.find((x) => x.table === table);
    if (!t) continue; // a table the center has and this hall does not: nothing to re-send
    await checkpoint();
    const rows = reader.rowsOfDay(t, day, bounds);
    for (let i = 0; i < rows.length; i += ctx.batchRows) {
      await ctx.client.sendBatch({
        batchId: nextBatchId(),
        cursors: {},
        rows: rows.slice(i, i + ctx.batchRows),
      });
    }
  }
  const unresolved =
    first.length === 0 ? [] : await reconcile(ctx, [...new Set(first.map((m) => m.day))], bounds);
  ctx.repo.setFact('reconcile-rotation', plan.rotation ?? '');
  if (first.length > 0)
    ctx.log?.('reconciliation re-sent table-days that differed', {
      mismatched: first,
      unresolved,
    });
  return {
    sent,
    total,
    reconciled: plan.days.length * reader.tables.length,
    mismatched: first.length,
    unresolved,
  };
}

const DAYS_PER_REQUEST = 60;

async function reconcile(ctx: RunContext, days: readonly string[], bounds: RunBounds) {
  const found: { day: string; table: string }[] = [];
  for (let i = 0; i < days.length; i += DAYS_PER_REQUEST) {
    if (ctx.signal.aborted) throw new RunAborted();
    await ctx.settled();
    const digests = ctx.reader.digests(days.slice(i, i + DAYS_PER_REQUEST), bounds);
    const request = {
      days: [...digests].map(([day, tables]) => ({
        day,
        tables: Object.fromEntries(tables),
      })),
    };
    const { results } = await ctx.client.reconcile(request);
    found.push(...mismatches(results));
  }
  return found;
}
