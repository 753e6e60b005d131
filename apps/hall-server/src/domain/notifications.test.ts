import {
  DEFAULT_TEMPLATES,
  NotificationSettings,
  templateProblem,
  type HallEvent,
  type Ticket,
} from '@onestop/shared';
import { describe, expect, it } from 'vitest';
import {
  afterAttempt,
  calledIn,
  mayText,
  planDelivery,
  quietUntil,
  renderTemplate,
  retryDelayMs,
  TEXT_MAX,
  tooLate,
  turnNear,
  withinRate,
} from './notifications';

const TZ = 'Asia/Shanghai';
/** 2026-11-24 at a local time in Shanghai (UTC+8, no DST). */
const at = (hhmm: string, day = 24) => {
  const [h, m] = hhmm.split(':').map(Number);
  return Date.UTC(2026, 10, day, h! - 8, m!);
};
const PHONE = '13800138000';
const OTHER = '13900139000';

describe('mayText', () => {
  const visit = { kind: 'ticket', id: 't1' };
  const standing = (phone: string, given: boolean, accountNo: string | null = null) => ({
    phone,
    accountNo,
    given,
    ticketId: null,
  });
  it.each([
    { case: 'no phone', phone: null, consents: [], subject: visit, expected: 'no_channel' },
    {
      case: 'no consent recorded',
      phone: PHONE,
      consents: [],
      subject: visit,
      expected: 'no_consent',
    },
    {
      case: 'standing consent given for the phone',
      phone: PHONE,
      consents: [standing(PHONE, true)],
      subject: { kind: 'case', id: 'c1' },
      expected: 'ok',
    },
    {
      case: 'consent given for another phone only',
      phone: PHONE,
      consents: [standing(OTHER, true, '1234567')],
      subject: visit,
      expected: 'no_consent',
    },
    {
      case: 'consent withdrawn (opt-out)',
      phone: PHONE,
      consents: [standing(PHONE, false)],
      subject: visit,
      expected: 'opted_out',
    },
    {
      case: 'the account opted out on another phone: opt-out wins',
      phone: PHONE,
      consents: [standing(PHONE, true, '1234567'), standing(OTHER, false, '1234567')],
      subject: visit,
      expected: 'opted_out',
    },
    {
      case: "a kiosk's consent, about its visit",
      phone: PHONE,
      consents: [{ ...standing(PHONE, true), ticketId: 't1' }],
      subject: visit,
      expected: 'ok',
    },
    {
      case: "a kiosk's consent, about another visit",
      phone: PHONE,
      consents: [{ ...standing(PHONE, true), ticketId: 't1' }],
      subject: { kind: 'ticket', id: 't2' },
      expected: 'no_consent',
    },
    {
      case: "a kiosk's consent, about a case",
      phone: PHONE,
      consents: [{ ...standing(PHONE, true), ticketId: 't1' }],
      subject: { kind: 'case', id: 't1' },
      expected: 'no_consent',
    },
  ])('$case → $expected', ({ phone, consents, subject, expected }) => {
    const r = mayText(phone, consents, subject);
    expect(r.ok ? 'ok' : r.why).toBe(expected);
  });
});

describe('withinRate', () => {
  it.each([
    { sent: 0, limit: 5, ok: true },
    { sent: 4, limit: 5, ok: true },
    { sent: 5, limit: 5, ok: false },
    { sent: 9, limit: 1, ok: false },
  ])('$sent in the last hour, limit $limit → $ok', ({ sent, limit, ok }) => {
    expect(withinRate(sent, limit)).toBe(ok);
  });
});

describe('quietUntil (the hall’s local time)', () => {
  const night = { start: '21:00', end: '08:00' };
  const lunch = { start: '12:00', end: '13:30' };
  it.each([
    { case: 'day time, quiet at night', now: at('10:00'), quiet: night, until: null },
    {
      case: 'evening, quiet till tomorrow',
      now: at('22:15'),
      quiet: night,
      until: at('08:00', 25),
    },
    { case: 'just at the start', now: at('21:00'), quiet: night, until: at('08:00', 25) },
    {
      case: 'after midnight, quiet till this morning',
      now: at('03:00'),
      quiet: night,
      until: at('08:00'),
    },
    { case: 'just at the end: not quiet', now: at('08:00'), quiet: night, until: null },
    { case: 'inside a same-day window', now: at('12:30'), quiet: lunch, until: at('13:30') },
    { case: 'outside a same-day window', now: at('14:00'), quiet: lunch, until: null },
    { case: 'no quiet hours', now: at('03:00'), quiet: null, until: null },
  ])('$case', ({ now, quiet, until }) => {
    expect(quietUntil(now, TZ, quiet)).toBe(until);
  });

  it('reads local time, not UTC: 10:00 in Shanghai is 02:00 UTC', () => {
    expect(quietUntil(at('10:00'), TZ, night)).toBe(null);
    expect(quietUntil(at('10:00'), 'UTC', night)).toBe(Date.UTC(2026, 10, 24, 8));
  });
});

describe('planDelivery', () => {
  const night = { start: '21:00', end: '08:00' };
  it.each([
    { purpose: 'turn_near', now: at('10:00'), state: 'queued', next: at('10:00') },
    { purpose: 'called', now: at('10:00'), state: 'queued', next: at('10:00') },
    { purpose: 'promise_changed', now: at('22:00'), state: 'held', next: at('08:00', 25) },
    { purpose: 'follow_up', now: at('06:00'), state: 'held', next: at('08:00') },
    // Told at 08:00 about last night's queue: too late to matter.
    { purpose: 'called', now: at('22:00'), state: 'suppressed', next: null },
    { purpose: 'turn_near', now: at('21:30'), state: 'suppressed', next: null },
  ] as const)('$purpose at $now → $state', ({ purpose, now, state, next }) => {
    expect(planDelivery(purpose, now, TZ, night)).toEqual({ state, nextAttemptAt: next });
  });

  it('too late: a call not sent within 5 minutes, a turn-near within 20; others keep', () => {
    expect(tooLate('called', 0, 5 * 60_000)).toBe(false);
    expect(tooLate('called', 0, 5 * 60_000 + 1)).toBe(true);
    expect(tooLate('turn_near', 0, 19 * 60_000)).toBe(false);
    expect(tooLate('promise_changed', 0, 48 * 3_600_000)).toBe(false);
  });
});

describe('backoff', () => {
  it.each([
    { attempts: 1, backoffSec: 30, ms: 30_000 },
    { attempts: 2, backoffSec: 30, ms: 60_000 },
    { attempts: 4, backoffSec: 30, ms: 240_000 },
    { attempts: 12, backoffSec: 30, ms: 3_600_000 },
    { attempts: 1, backoffSec: 3600, ms: 3_600_000 },
  ])('after attempt $attempts from $backoffSec s → $ms ms', ({ attempts, backoffSec, ms }) => {
    expect(retryDelayMs(attempts, backoffSec)).toBe(ms);
  });

  const retry = { maxAttempts: 3, backoffSec: 10 };
  it.each([
    { outcome: { kind: 'sent' }, attempts: 1, state: 'sent', next: null },
    { outcome: { kind: 'retry', error: '500' }, attempts: 1, state: 'queued', next: 1000 + 10_000 },
    { outcome: { kind: 'retry', error: '500' }, attempts: 2, state: 'queued', next: 1000 + 20_000 },
    { outcome: { kind: 'retry', error: '500' }, attempts: 3, state: 'failed', next: null },
    { outcome: { kind: 'refused', error: '400' }, attempts: 1, state: 'failed', next: null },
  ] as const)(
    '$outcome.kind on attempt $attempts → $state',
    ({ outcome, attempts, state, next }) => {
      const r = afterAttempt(outcome, attempts, retry, 1000);
      expect(r.state).toBe(state);
      expect(r.nextAttemptAt).toBe(next);
    },
  );
});

describe('templates', () => {
  it.each([
    { purpose: 'called', text: '请{number}号到{counter}号窗口', problem: null },
    { purpose: 'called', text: 'Hi {name}', problem: /unknown placeholder \{name\}/ },
    { purpose: 'turn_near', text: '{counter} is free', problem: /unknown placeholder/ },
    { purpose: 'promise_changed', text: 'case {caseNumber} by {newTime}: {reason}', problem: null },
    { purpose: 'called', text: '{number', problem: /unbalanced/ },
    { purpose: 'called', text: 'a}b', problem: /unbalanced/ },
    { purpose: 'called', text: '{{number}}', problem: /unknown placeholder|unbalanced/ },
    { purpose: 'called', text: 'line\nbreak', problem: /control/ },
    { purpose: 'called', text: 'line\u2028separator', problem: /separator/ },
    { purpose: 'called', text: 'bidi\u202Eexe', problem: /direction/ },
    { purpose: 'called', text: '{constructor}', problem: /unknown placeholder/ },
  ] as const)('$purpose: $text', ({ purpose, text, problem }) => {
    const found = templateProblem(purpose, text);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });

  it('the default templates and settings are valid', () => {
    for (const [purpose, t] of Object.entries(DEFAULT_TEMPLATES)) {
      expect(templateProblem(purpose as 'called', t.zh)).toBeNull();
      expect(templateProblem(purpose as 'called', t.en)).toBeNull();
    }
    expect(() =>
      NotificationSettings.parse({
        enabled: true,
        turnNearAhead: 2,
        quietHours: null,
        perCustomerPerHour: 3,
        retry: { maxAttempts: 3, backoffSec: 5 },
        templates: DEFAULT_TEMPLATES,
      }),
    ).not.toThrow();
  });

  it.each<{ template: string; vars: Record<string, string>; text: string }>([
    {
      template: '请{number}号到{counter}号窗口',
      vars: { number: 'A001', counter: '3' },
      text: '请A001号到3号窗口',
    },
    { template: '{number}/{counter}', vars: { number: 'A001' }, text: 'A001/' },
    // A value cannot smuggle a line break, an escape or another placeholder's expansion.
    { template: 'R: {reason}', vars: { reason: 'a\nb\u2028c\u001b[31m' }, text: 'R: a b c [31m' },
    { template: 'R: {reason}', vars: { reason: '{number}' }, text: 'R: {number}' },
    { template: '{reason}', vars: { reason: 'x'.repeat(500) }, text: 'x'.repeat(60) },
    { template: '{toString}', vars: {}, text: '' },
  ])('renders $template', ({ template, vars, text }) => {
    expect(renderTemplate(template, vars)).toBe(text);
  });

  it('a rendered text is bounded', () => {
    const template = '{reason}'.repeat(20);
    expect([...renderTemplate(template, { reason: '字'.repeat(60) })].length).toBe(TEXT_MAX);
  });
});

describe('turnNear', () => {
  const ticket = (id: string, phone: string | null = PHONE): Ticket =>
    ({ id, state: 'waiting', customer: { phone, accountNo: null, name: null } }) as Ticket;
  const withPhone = (t: Ticket) => t.customer.phone !== null;
  const order = ['a', 'b', 'c', 'd', 'e'].map((id) => ticket(id));

  it('tells each consenting ticket at or within N ahead, with how many are ahead', () => {
    const near = turnNear([order], 2, withPhone, () => false);
    expect(near.map((n) => [n.ticket.id, n.ahead])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
  });

  it('never twice: a ticket already told is left out', () => {
    const told = new Set(['a', 'b']);
    expect(turnNear([order], 2, withPhone, (id) => told.has(id)).map((n) => n.ticket.id)).toEqual([
      'c',
    ]);
  });

  it('only tickets that may be texted; each service its own order', () => {
    const other = [ticket('x', null), ticket('y')];
    expect(
      turnNear([order.slice(3), other], 1, withPhone, () => false).map((n) => n.ticket.id),
    ).toEqual(['d', 'e', 'y']);
  });
});

describe('calledIn', () => {
  it('a call, not its recalls', () => {
    const events: HallEvent[] = [
      { type: 'ticket.called', ticketId: 't1', counterId: 'c1', recall: 0 },
      { type: 'ticket.called', ticketId: 't2', counterId: 'c1', recall: 1 },
      { type: 'ticket.issued', ticketId: 't3' },
    ];
    expect(calledIn(events)).toEqual([{ ticketId: 't1', counterId: 'c1' }]);
  });
});
