import { z } from 'zod';
import { BusinessDay } from './common';
import { HallConfig } from './config';
import { Appointment, Opinion } from './front';
import { DisplayLayout } from './display';
import { Counter, Device, Service, Staff, StaffSession } from './hall';
import { Ticket } from './tickets';
import { Notification } from './notifications';
import { RemedyGrant, RemedyKind } from './remedies';
import { Alert, Case, CaseType, Evaluation, FollowUp, Handover, SupportTask } from './work';

/** What a device needs to draw the hall: the current business day's state. */
export const Snapshot = z.object({
  seq: z.number().int().nonnegative(),
  businessDay: BusinessDay,
  config: HallConfig,
  services: z.array(Service),
  counters: z.array(Counter),
  staff: z.array(Staff),
  tickets: z.array(Ticket),
  devices: z.array(Device),
  sessions: z.array(StaffSession),
  /** Staff only (empty for customer-facing devices): today's appointments. */
  appointments: z.array(Appointment),
  /** Staff only (empty for customer-facing devices): open opinions and today's. */
  opinions: z.array(Opinion),
  /** Today's and any still pending; a pad sees only its own counter's, other devices none. */
  evaluations: z.array(Evaluation),
  /** Staff only: unacknowledged alerts and today's. */
  alerts: z.array(Alert),
  /** Staff only: the hall's case types. */
  caseTypes: z.array(CaseType),
  /** Staff only: open cases and those closed today. */
  cases: z.array(Case),
  /** Staff only: open or accepted support tasks and those closed today. */
  tasks: z.array(SupportTask),
  /** Staff only: open follow-ups and those closed today. */
  followUps: z.array(FollowUp),
  /** Staff only: pending handovers and today's. */
  handovers: z.array(Handover),
  /** Staff only: today's customer notifications and any not yet settled, the phone masked. */
  notifications: z.array(Notification).default([]),
  /** Staff only: the hall's remedy catalogue (issue 18). */
  remedyKinds: z.array(RemedyKind).default([]),
  /** Staff only: pending remedy grants and today's. */
  remedyGrants: z.array(RemedyGrant).default([]),
  /** Every display's chosen layout (a display without one shows the default). */
  displayLayouts: z.array(DisplayLayout).default([]),
});
export type Snapshot = z.infer<typeof Snapshot>;
