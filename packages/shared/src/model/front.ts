import { z } from 'zod';
import { AccountNo, Customer, EpochMs, Id, Phone } from './common';

// The hall-facing posts' records: the customer list, appointments, opinions.

/** Why a customer takes the green channel (爱心/绿色通道). */
export const PriorityReason = z.enum(['elderly', 'disabled', 'pregnant']);
export type PriorityReason = z.infer<typeof PriorityReason>;

/** A customer on the hall's list, recognised at the kiosk by account number. */
export const CustomerRecord = z.object({
  accountNo: AccountNo,
  name: z.string().min(1).max(40),
  phone: Phone.nullable(),
  vip: z.boolean(),
  /**
   * The VIP's account manager (大客户经理): a clerk who serves them at their counter when it is
   * open (docs/vip-account-managers.md). Null: none named.
   */
  accountManagerStaffId: Id.nullable(),
  changeSeq: z.number().int().nonnegative(),
});
export type CustomerRecord = z.infer<typeof CustomerRecord>;

export const AppointmentState = z.enum(['booked', 'checked_in', 'cancelled', 'expired']);
export type AppointmentState = z.infer<typeof AppointmentState>;

/** A visit booked ahead through the utility's website or app, checked in at the kiosk. */
export const Appointment = z.object({
  id: Id,
  code: z.string().regex(/^\d{6}$/),
  serviceId: Id,
  customer: Customer,
  windowStart: EpochMs,
  windowEnd: EpochMs,
  state: AppointmentState,
  ticketId: Id.nullable(),
  createdAt: EpochMs,
  changeSeq: z.number().int().nonnegative(),
});
export type Appointment = z.infer<typeof Appointment>;

export const OpinionCategory = z.enum(['complaint', 'suggestion', 'praise', 'correction']);
export type OpinionCategory = z.infer<typeof OpinionCategory>;
export const OpinionState = z.enum(['open', 'in_progress', 'closed']);
export type OpinionState = z.infer<typeof OpinionState>;

/** A customer's opinion from the supervision box (监督箱) or the guide desk, tracked to closure. */
export const Opinion = z.object({
  id: Id,
  category: OpinionCategory,
  text: z.string(),
  contact: z.string().nullable(),
  ticketId: Id.nullable(),
  source: z.enum(['kiosk', 'guide', 'duty_leader']),
  /** The staff member it concerns, if any (from the desk, or the ticket's first handler). */
  staffId: Id.nullable(),
  /** Who works on it (a clerk or the duty leader), once assigned. */
  handlerStaffId: Id.nullable(),
  /** The customer's phone or account number, for spotting repeated opinions (重复诉求). */
  customerKey: z.string().nullable(),
  /** Another opinion from the same customer in the 30 days before. */
  repeated: z.boolean(),
  state: OpinionState,
  createdAt: EpochMs,
  closedAt: EpochMs.nullable(),
  resolution: z.string().nullable(),
  changeSeq: z.number().int().nonnegative(),
});
export type Opinion = z.infer<typeof Opinion>;
