import type { RecordKindInfo } from '../record-kind';
import { displayLayouts } from './display';
import { appointments, customers, opinions } from './front';
import { counters, devices, services, staff, staffSessions, syncStatus } from './hall';
import { auditLog } from './log';
import { notifications } from './notifications';
import { remedyGrants, remedyKinds } from './remedies';
import { ticketTransitions, tickets } from './tickets';
import { alerts, caseTypes, cases, evaluations, followUps, handovers, tasks } from './work';

// Every record kind of the hall, each declared once in this folder. A new kind is declared in
// one of these files and listed here (docs/architecture.md, "Adding a record kind"); a test
// (records.test.ts) holds this list and the database's versioned and append-only tables equal.

export * from './display';
export * from './front';
export * from './hall';
export * from './log';
export * from './notifications';
export * from './remedies';
export * from './tickets';
export * from './work';

/** In the order the nightly sync sends them up (the ones it sends). */
export const RECORD_KINDS: readonly RecordKindInfo[] = [
  tickets,
  ticketTransitions,
  evaluations,
  alerts,
  opinions,
  appointments,
  cases,
  tasks,
  followUps,
  handovers,
  notifications,
  remedyGrants,
  staffSessions,
  auditLog,
  services,
  counters,
  staff,
  devices,
  customers,
  caseTypes,
  remedyKinds,
  displayLayouts,
  syncStatus,
];
