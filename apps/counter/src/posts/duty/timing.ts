import type { Alert, Device, Snapshot, Ticket } from '@onestop/shared';
import type { TFunction } from 'i18next';
import { formatDuration, type Lang } from '@onestop/ui';

// What the live hall reads off the snapshot: how a running time stands against its target,
// what each counter has done today, and which devices were reported off the network.

export type Level = 'ok' | 'warn' | 'bad';

/** Green below 80 % of the target, amber up to it, red past it. */
export function levelOf(elapsedSec: number, targetSec: number): Level {
  if (targetSec <= 0) return 'ok';
  const ratio = elapsedSec / targetSec;
  return ratio >= 1 ? 'bad' : ratio >= 0.8 ? 'warn' : 'ok';
}

export const secondsSince = (from: number, now: number) => Math.max(0, (now - from) / 1000);

export function servedToday(hall: Snapshot, counterId: string): number {
  return hall.tickets.filter(
    (t) => t.counterId === counterId && t.state === 'done' && t.businessDay === hall.businessDay,
  ).length;
}

export function waitingFor(hall: Snapshot, serviceId: string): Ticket[] {
  return hall.tickets
    .filter((t) => t.state === 'waiting' && t.serviceId === serviceId)
    .sort((a, b) => a.queuedAt - b.queuedAt);
}

/**
 * Until `hall:presence` first answers (use-presence.ts), a device is taken as off the network
 * when the hall raised `device_offline` for it and it has not signed anyone in since.
 */
export function offlineSince(hall: Snapshot, device: Device): number | null {
  const reported = hall.alerts
    .filter((a: Alert) => a.kind === 'device_offline' && a.subjectId === device.id)
    .reduce<number | null>((latest, a) => Math.max(latest ?? 0, a.createdAt), null);
  if (reported === null) return null;
  const back = hall.sessions.some((s) => s.deviceId === device.id && s.startedAt > reported);
  return back ? null : reported;
}

/** How long ago, as people say it: `2 天前` past a day, else `1小时5分前` / `1 h 5 min ago`. */
export function ago(ms: number, lang: Lang, t: TFunction): string {
  const sec = Math.max(0, ms / 1000);
  const days = Math.floor(sec / 86_400);
  if (days >= 1) return t('console.hall.daysAgo', { count: days });
  return t('console.hall.ago', { time: formatDuration(Math.max(60, sec), lang) });
}
