import { useHall, type HallConnection } from '@onestop/client';
import type { ServiceQueue } from '@onestop/shared';
import { useEffect, useRef, useState } from 'react';

const MIN_GAP_MS = 2000;
const REFRESH_MS = 15_000;

/**
 * The hall's queues as the server counts them (waiting, longest wait, estimate): asked again
 * after changes (at most every 2 s) and every 15 s, since waits grow without any change.
 */
export function useQueues(connection: HallConnection): ServiceQueue[] | null {
  const [queues, setQueues] = useState<ServiceQueue[] | null>(null);
  const seq = useHall(connection, (v) => v.hall?.seq ?? 0);
  const link = useHall(connection, (v) => v.link);
  const [tick, setTick] = useState(0);
  const last = useRef(0);

  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (link !== 'online') return;
    let stale = false;
    const timer = setTimeout(
      () => {
        last.current = Date.now();
        void connection.send('hall:queues', {}, { giveUpAfterMs: 5000 }).then((ack) => {
          if (!stale && ack.ok) setQueues(ack.data.queues);
        });
      },
      Math.max(0, last.current + MIN_GAP_MS - Date.now()),
    );
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [seq, link, tick, connection]);

  return queues;
}
