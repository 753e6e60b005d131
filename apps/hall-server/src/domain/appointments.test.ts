import type { Appointment } from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import { CHECK_IN_EARLY_MS, cancelAppointment, checkIn, pickAppointment } from './appointments';

const MIN = 60_000;
const start = Date.UTC(2026, 10, 24, 2, 0); // 10:00 in Shanghai
const appointment = (over: Partial<Appointment> = {}): Appointment => ({
  id: 'apt-1',
  code: '123456',
  serviceId: 'svc-connection',
  customer: { phone: '13800000000', accountNo: null, name: null },
  windowStart: start,
  windowEnd: start + 30 * MIN,
  state: 'booked',
  ticketId: null,
  createdAt: start - 86_400_000,
  changeSeq: 1,
  ...over,
});

describe('checking in an appointment', () => {
  it.each([
    { label: 'an hour early', now: start - 60 * MIN, expected: 'appointment_too_early' },
    { label: 'just inside the early allowance', now: start - CHECK_IN_EARLY_MS, expected: true },
    { label: 'at the start of the window', now: start, expected: true },
    { label: 'at the end of the window', now: start + 30 * MIN, expected: true },
    { label: 'late, same day', now: start + 31 * MIN, expected: false },
  ])('$label → $expected', ({ now, expected }) => {
    const r = checkIn(appointment(), '2026-11-24', '2026-11-24', now);
    if (typeof expected === 'string') expect(r).toMatchObject({ ok: false, code: expected });
    else expect(r).toEqual({ ok: true, value: { onTime: expected } });
  });

  it.each([
    { label: 'checked in already', over: { state: 'checked_in' as const } },
    { label: 'cancelled', over: { state: 'cancelled' as const } },
    { label: 'expired', over: { state: 'expired' as const } },
  ])('refuses one that is $label', ({ over }) => {
    expect(checkIn(appointment(over), '2026-11-24', '2026-11-24', start)).toMatchObject({
      ok: false,
      code: 'appointment_not_found',
    });
  });

  it('refuses an appointment for another day', () => {
    expect(checkIn(appointment(), '2026-11-25', '2026-11-24', start)).toMatchObject({
      ok: false,
      code: 'appointment_not_found',
    });
  });
});

describe('picking one of a phone number’s appointments', () => {
  const early = appointment({
    id: 'early',
    windowStart: start - 120 * MIN,
    windowEnd: start - 90 * MIN,
  });
  const now = appointment({ id: 'now' });
  const later = appointment({
    id: 'later',
    windowStart: start + 240 * MIN,
    windowEnd: start + 270 * MIN,
  });
  it.each([
    { label: 'the one whose window is open', list: [early, now, later], expected: 'now' },
    { label: 'a missed one before a later one', list: [early, later], expected: 'early' },
    { label: 'the only one, even if early', list: [later], expected: 'later' },
    {
      label: 'none when none is booked',
      list: [appointment({ state: 'cancelled' })],
      expected: undefined,
    },
  ])('$label', ({ list, expected }) => {
    expect(pickAppointment(list, start)?.id).toBe(expected);
  });
});

describe('cancelling', () => {
  it('cancels a booked appointment and refuses any other', () => {
    expect(cancelAppointment(appointment())).toMatchObject({
      ok: true,
      value: { state: 'cancelled' },
    });
    expect(cancelAppointment(appointment({ state: 'checked_in' }))).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
  });
});
