import type { CommandName, CommandOutput, CommandPayload, ErrorCode } from '@onestop/shared';
import { useEffect, useRef, useState } from 'react';
import type { HallConnection } from './hall-connection';

// The one way a screen asks the hall server something and keeps loading / error / data: the
// counter's desks (through their desk's connection) and the kiosk's devices alike.

export interface QueryState<T> {
  data: T | null;
  /** True while a fresh answer is on its way (the last one, if any, stays on screen). */
  loading: boolean;
  error: ErrorCode | null;
  /** When `data` was answered; older than the hall's link means stale. */
  at: number | null;
}

export interface QueryOptions {
  /** Give up (error `offline`) after this long without an answer. */
  giveUpAfterMs?: number;
  /** Wait this long after the key changes before asking (typing: ask once it settles). */
  delayMs?: number;
  /**
   * Show nothing of an earlier key's answer once the key changes (a customer's details must
   * not stay on screen under the next customer's entry). By default the last answer stays
   * while the next is on its way.
   */
  fresh?: boolean;
}

export const noAnswer: QueryState<never> = { data: null, loading: false, error: null, at: null };

/** The state after an answer: the data and its time, or the refusal beside the last data. */
export function answered<T>(
  state: QueryState<T>,
  ack: { ok: true; data: T } | { ok: false; code: ErrorCode },
  at: number,
): QueryState<T> {
  return ack.ok
    ? { data: ack.data, loading: false, error: null, at }
    : { ...state, loading: false, error: ack.code };
}

/**
 * Asks the server a query again whenever `key` changes; a null key (or payload) asks nothing
 * and keeps the last answer (offline: shown as stale). An answer to an older key is dropped.
 */
export function useQuery<K extends CommandName>(
  connection: HallConnection,
  name: K,
  payload: CommandPayload<K> | null,
  key: string | null,
  { giveUpAfterMs = 10_000, delayMs = 0, fresh = false }: QueryOptions = {},
): QueryState<CommandOutput<K>> {
  const [state, setState] = useState<QueryState<CommandOutput<K>>>(noAnswer);
  useEffect(() => {
    if (fresh) setState(noAnswer);
    if (key === null || payload === null) return; // offline: the last answer stays
    let live = true;
    const timer = setTimeout(() => {
      setState((s) => ({ ...s, loading: true }));
      void connection.send(name, payload, { giveUpAfterMs }).then((ack) => {
        if (live) setState((s) => answered(s, ack, Date.now()));
      });
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The key stands for the payload: callers build it from what the payload depends on.
  }, [connection, name, key, giveUpAfterMs, delayMs, fresh]);
  return state;
}

/**
 * `key`, changed at most once every `gapMs`: a query keyed by it is asked at most that often
 * however fast the key changes (the hall's seq moves with every command). The first key is
 * taken at once; a later one waits out the rest of the gap, and only the newest is taken.
 */
export function useThrottledKey(key: string | null, gapMs: number): string | null {
  const [taken, setTaken] = useState(key);
  const last = useRef(0);
  useEffect(() => {
    if (key === taken) return;
    const timer = setTimeout(
      () => {
        last.current = Date.now();
        setTaken(key);
      },
      key === null ? 0 : Math.max(0, last.current + gapMs - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [key, taken, gapMs]);
  return taken;
}
