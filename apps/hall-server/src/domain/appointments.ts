import type { Appointment } from '@onestop/shared';
import { accept, reject, type Result } from './result';

// Appointments booked ahead (the utility's website or app) and checked in at the kiosk.

/** How early before its window an appointment can be checked in. */
export const CHECK_IN_EARLY_MS = 30 * 60_000;

export interface CheckInVerdict {
  /** Inside the window (or the early allowance): the ticket gets appointment priority. */
  onTime: boolean;
}

/**
 * Whether an appointment can be checked in now: a booked one from the early allowance before
 * its window to the end of its business day; after its window it still gets a ticket, an
 * ordinary one, because the customer is in the hall and must be served.
 */
export function checkIn(
  appointment: Appointment,
  businessDayOfWindow: string,
  today: string,
  now: number,
): Result<CheckInVerdict> {
  if (appointment.state !== 'booked' || businessDayOfWindow !== today) {
    return reject('appointment_not_found');
  }
  if (now < appointment.windowStart - CHECK_IN_EARLY_MS) return reject('appointment_too_early');
  return accept({ onTime: now <= appointment.windowEnd });
}

/** Of a customer's appointments today (by phone), the one to check in: the earliest still valid. */
export function pickAppointment(
  candidates: readonly Appointment[],
  now: number,
): Appointment | undefined {
  const open = candidates.filter((a) => a.state === 'booked');
  return (
    open.find((a) => now >= a.windowStart - CHECK_IN_EARLY_MS && now <= a.windowEnd) ??
    open.find((a) => now > a.windowEnd) ??
    open[0]
  );
}

export function checkedIn(appointment: Appointment, ticketId: string): Appointment {
  return { ...appointment, state: 'checked_in', ticketId };
}

export function cancelAppointment(appointment: Appointment): Result<Appointment> {
  if (appointment.state !== 'booked') return reject('invalid_transition', 'Not booked.');
  return accept({ ...appointment, state: 'cancelled' });
}
