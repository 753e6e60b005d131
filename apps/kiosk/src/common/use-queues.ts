import { useHall, useQuery, useThrottledKey, type HallConnection } from '@onestop/client';
import type { ServiceQueue } from '@onestop/shared';
import { useEffect, useState } from 'react';

const MIN_GAP_MS = 2000;
const REFRESH_MS = 15_000;

/**
 * The hall's queues as the server counts them (waiting, longest wait, estimate): asked again
 * after changes (at most every 2 s) and every 15 s, since waits grow without any change;
 * offline, the last answer stays.
 */
export function useQueues(connection: HallConnection): ServiceQueue[] | null {
  const seq = useHall(connection, (v) => v.hall?.seq ?? 0);
  const link = useHall(connection, (v) => v.link);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  const key = useThrottledKey(link === 'online' ? `${seq}/${tick}` : null, MIN_GAP_MS);
  const { data } = useQuery(connection, 'hall:queues', {}, key, { giveUpAfterMs: 5000 });
  return data?.queues ?? null;
}
