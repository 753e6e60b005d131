import { useQuery as useHallQuery, type QueryState } from '@onestop/client';
import type { CommandName, CommandOutput, CommandPayload } from '@onestop/shared';
import { useDesk } from './desk';

export type { QueryState } from '@onestop/client';

/**
 * The one query hook (@onestop/client's useQuery) on this desk's connection: asks again
 * whenever `key` changes; null asks nothing and keeps the last answer (offline: stale).
 */
export function useQuery<K extends CommandName>(
  name: K,
  payload: CommandPayload<K> | null,
  key: string | null,
): QueryState<CommandOutput<K>> {
  return useHallQuery(useDesk().connection, name, payload, key);
}
