import type { Snapshot, StaffRole } from '@onestop/shared';

// The console's tabs: which a person has (by role), which opens first, and what waits behind
// each.

export type ConsoleTab =
  | 'hall'
  | 'alerts'
  | 'tickets'
  | 'opinions'
  | 'remedies'
  | 'spotChecks'
  | 'devices'
  | 'shift'
  | 'sync'
  | 'reports'
  | 'admin';

const LEADER_TABS: readonly ConsoleTab[] = [
  'hall',
  'alerts',
  'tickets',
  'opinions',
  'remedies',
  'spotChecks',
  'devices',
  'shift',
  'sync',
  'reports',
];
const ADMIN_TABS: readonly ConsoleTab[] = ['admin', 'hall', 'devices', 'shift', 'sync', 'reports'];

export function tabsFor(roles: readonly StaffRole[]): ConsoleTab[] {
  const admin = roles.includes('admin');
  if (roles.includes('duty_leader')) return [...LEADER_TABS, ...(admin ? ['admin' as const] : [])];
  return admin ? [...ADMIN_TABS] : [];
}

/** The tab the address asks for (`#alerts`), if this person has it; else their first. */
export function initialTab(tabs: readonly ConsoleTab[], hash: string): ConsoleTab {
  return tabs.find((tab) => `#${tab}` === hash) ?? tabs[0]!;
}

/** What waits behind a tab: open alerts (urgent), waiting tickets, open opinions and follow-ups. */
export function tabCounts(
  hall: Snapshot,
): Partial<Record<ConsoleTab, { n: number; urgent: boolean }>> {
  const openAlerts = hall.alerts.filter((a) => a.acknowledgedAt === null).length;
  const openOpinions =
    hall.opinions.filter((o) => o.state !== 'closed').length +
    hall.followUps.filter((f) => f.state === 'open').length;
  const waiting = hall.tickets.filter((x) => x.state === 'waiting').length;
  const pendingRemedies = (hall.remedyGrants ?? []).filter((g) => g.state === 'pending').length;
  return {
    alerts: { n: openAlerts, urgent: openAlerts > 0 },
    tickets: { n: waiting, urgent: false },
    opinions: { n: openOpinions, urgent: false },
    // Grants above a clerk's limit wait for the duty leader, each with its time running out.
    remedies: { n: pendingRemedies, urgent: pendingRemedies > 0 },
  };
}
