import type { Alert } from '@onestop/shared';
import { useEffect, useState } from 'react';
import { useOnline, useStaffView } from '../../common/desk';
import { useQuery } from '../../common/use-query';

// The devices' health (device:health), asked again every ten seconds while the console is
// online and at once when a device alert comes or goes (heartbeats themselves are no change
// the console is sent).

const EVERY_MS = 10_000;

const isDeviceAlert = (a: Alert) => a.kind === 'device_fault' || a.kind === 'device_offline';

/** A tick that moves every `everyMs` while `on`. */
export function useTick(on: boolean, everyMs = EVERY_MS): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setTick((n) => n + 1), everyMs);
    return () => clearInterval(timer);
  }, [on, everyMs]);
  return tick;
}

/** What makes a device query ask again: device alerts changing, and time passing. */
export function useDeviceKey(): string | null {
  const { hall } = useStaffView();
  const online = useOnline();
  const tick = useTick(online);
  const alertSeq = hall.alerts.filter(isDeviceAlert).reduce((n, a) => Math.max(n, a.changeSeq), 0);
  return online ? `${alertSeq}:${tick}` : null;
}

export function useDeviceHealth() {
  return useQuery('device:health', {}, useDeviceKey());
}
