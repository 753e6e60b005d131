import type { Db } from './db';
import { createCountersRepo } from './counters-repo';
import { createDevicesRepo } from './devices-repo';
import {
  createAppointmentsRepo,
  createCustomersRepo,
  createHallKeysRepo,
  createOpinionsRepo,
} from './front-repo';
import { createHallRepo } from './hall-repo';
import { createLogRepo } from './log-repo';
import { createPresence } from './presence';
import { createServicesRepo } from './services-repo';
import { createStaffRepo } from './staff-repo';
import { createSyncRepo } from '../sync/sync-repo';
import { createTicketsRepo } from './tickets-repo';
import { createAlertsRepo } from './alerts-repo';
import { createCasesRepo } from './cases-repo';
import { createCaseTypesRepo } from './case-types-repo';
import { createEvaluationsRepo } from './evaluations-repo';
import { createFollowUpsRepo } from './follow-ups-repo';
import { createHandoversRepo } from './handovers-repo';
import { createNotificationsRepo } from './notifications-repo';
import { createRemediesRepo } from './remedies-repo';
import { createKnowledgeRepo } from './knowledge-repo';
import { createSpotChecksRepo } from './spot-checks-repo';
import { createDisplayLayoutsRepo } from './display-layouts-repo';
import { createTasksRepo } from './tasks-repo';
import { createDeviceHealthRepo } from './device-health-repo';
import { createIdentityRepo } from './identity-repo';
import { noIdCardKey, type IdCardKeyring } from '../app/id-card-key';

/** One repository per aggregate over one better-sqlite3 connection (the hall's only writer). */
export function createStore(db: Db, options: { idCardKey?: IdCardKeyring } = {}) {
  return {
    db,
    /** The key ID numbers are matched under: outside the database (app/id-card-key.ts). */
    idCardKey: options.idCardKey ?? noIdCardKey,
    hall: createHallRepo(db),
    services: createServicesRepo(db),
    counters: createCountersRepo(db),
    staff: createStaffRepo(db),
    devices: createDevicesRepo(db),
    tickets: createTicketsRepo(db),
    log: createLogRepo(db),
    customers: createCustomersRepo(db),
    appointments: createAppointmentsRepo(db),
    opinions: createOpinionsRepo(db),
    keys: createHallKeysRepo(db),
    caseTypes: createCaseTypesRepo(db),
    evaluations: createEvaluationsRepo(db),
    alerts: createAlertsRepo(db),
    cases: createCasesRepo(db),
    tasks: createTasksRepo(db),
    followUps: createFollowUpsRepo(db),
    handovers: createHandoversRepo(db),
    notifications: createNotificationsRepo(db),
    remedies: createRemediesRepo(db),
    knowledge: createKnowledgeRepo(db),
    spotChecks: createSpotChecksRepo(db),
    displayLayouts: createDisplayLayoutsRepo(db),
    deviceHealth: createDeviceHealthRepo(db),
    identity: createIdentityRepo(db),
    sync: createSyncRepo(db),
    /** Connected devices, in memory only. */
    presence: createPresence(),
  };
}
export type Store = ReturnType<typeof createStore>;
