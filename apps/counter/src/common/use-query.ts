import type { CommandName, CommandOutput, CommandPayload, ErrorCode } from '@onestop/shared';
import { useEffect, useState } from 'react';
import { useDesk } from './desk';

export interface QueryState<T> {
  data: T | null;
  /** True while a fresh answer is on its way (the last one, if any, stays on screen). */
  loading: boolean;
  error: ErrorCode | null;
  /** When `data` was answered; older than the hall's link means stale. */
  at: number | null;
}

/**
 * Asks the server a query again whenever `key` changes; null asks nothing and keeps the last
 * answer (offline: shown as stale).
 */
export function useQuery<K extends CommandName>(
  name: K,
  payload: CommandPayload<K> | null,
  key: string | null,
): QueryState<CommandOutput<K>> {
  const { connection } = useDesk();
  const [state, setState] = useState<QueryState<CommandOutput<K>>>({
    data: null,
    loading: false,
    error: null,
    at: null,
  });
  useEffect(() => {
    if (key === null || payload === null) return; // offline: the last answer stays
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    void connection.send(name, payload, { giveUpAfterMs: 10_000 }).then((ack) => {
      if (!live) return;
      setState((s) =>
        ack.ok
          ? { data: ack.data, loading: false, error: null, at: Date.now() }
          : { ...s, loading: false, error: ack.code },
      );
    });
    return () => {
      live = false;
    };
    // The key stands for the payload: callers build it from what the payload depends on.
  }, [connection, name, key]);
  return state;
}
