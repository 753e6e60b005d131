import { beforeAll, describe, expect, it } from 'vitest';
import { nextChange, ok, send, type HallClient } from './test-support/hall-harness';
import { suiteHall } from './test-support/suite-hall';

// The admin's case types (`admin:save-case-type`): a new type reaches the desks at once and
// is used for the next case; invalid ones are refused with their field; the case types of
// open cases are not rewritten.

const hall = suiteHall();
let admin: HallClient;
let desk: HallClient;
beforeAll(async () => {
  admin = (await hall.staffOn('demo-backoffice', '9000')).socket;
  desk = (await hall.staffOn('demo-desk-3', '1003', 'ctr-3')).socket;
});

const meterCheck = {
  id: 'ct-meter-check',
  nameZh: '计量装置校验',
  nameEn: 'Meter check',
  serviceId: 'svc-fault',
  limitDays: 5,
  steps: [
    { nameZh: '受理', nameEn: 'Acceptance', limitDays: 0 },
    { nameZh: '现场校验', nameEn: 'On-site check', limitDays: 3 },
    { nameZh: '答复客户', nameEn: 'Answer', limitDays: 2 },
  ],
};

describe('admin:save-case-type', () => {
  it('creates a case type that every desk sees at once and a clerk can open a case of', async () => {
    const seen = nextChange(desk, (c) => (c.records.caseTypes ?? []).length > 0);
    const saved = ok(await send(admin, 'admin:save-case-type', { caseType: meterCheck }));
    expect(saved.caseType).toMatchObject({ ...meterCheck, active: true, sortOrder: 0 });
    expect((await seen).records.caseTypes).toContainEqual(
      expect.objectContaining({ id: 'ct-meter-check', limitDays: 5 }),
    );

    const kiosk = await hall.device('demo-kiosk-1');
    const ticket = ok(await send(kiosk, 'ticket:issue', { serviceId: 'svc-account' })).ticket;
    kiosk.disconnect();
    ok(await send(desk, 'ticket:call', { ticketId: ticket.id }));
    ok(await send(desk, 'ticket:start', { ticketId: ticket.id }));
    const opened = ok(
      await send(desk, 'case:open', {
        ticketId: ticket.id,
        caseTypeId: 'ct-meter-check',
        summary: '客户反映电能表走字偏快',
      }),
    ).case;
    expect(opened.steps.map((s) => s.nameZh)).toEqual(['受理', '现场校验', '答复客户']);

    // Changing the type later leaves the open case's steps as they were.
    ok(
      await send(admin, 'admin:save-case-type', {
        caseType: { ...meterCheck, steps: [meterCheck.steps[0]!] },
      }),
    );
    expect(hall.server.hall.store.cases.byId(opened.id)?.steps).toHaveLength(3);
  });

  it.each([
    [
      'steps longer than the limit',
      { ...meterCheck, limitDays: 2 },
      'invalid_payload',
      /steps: .*5 days.*2-day/,
    ],
    ['no steps', { ...meterCheck, steps: [] }, 'invalid_payload', /caseType\.steps/],
    ['an unknown service', { ...meterCheck, serviceId: 'svc-none' }, 'not_found', /svc-none/],
    ['a bad id', { ...meterCheck, id: 'Meter Check' }, 'invalid_payload', /caseType\.id/],
  ])('refuses %s, naming what is wrong', async (_what, caseType, code, message) => {
    const ack = await send(admin, 'admin:save-case-type', { caseType } as never);
    expect(ack).toMatchObject({ ok: false, code });
    expect(!ack.ok && ack.message).toMatch(message);
  });

  it('is for the admin only', async () => {
    const ack = await send(desk, 'admin:save-case-type', { caseType: meterCheck });
    expect(ack).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
