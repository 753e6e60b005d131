import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectClient,
  ok,
  sendRaw,
  startTestHall,
  type HallClient,
  type TestHall,
} from '../test-support/hall-harness';
import { demoStaffOn } from '../test-support/suite-hall';

// NUL and right-to-left-override characters in names and notes: refused with invalid_payload
// naming the field, and nothing is stored.

const NUL = 'a\u0000b';
const RLO = '王\u202Efdp.exe';
/** Looks like 王小明 on every screen, yet is another name. */
const ZWSP = '王\u200B小明';
const LINE_SEPARATOR = '很好\u2028=cmd|calc';
let hall: TestHall;
let admin: HallClient;
let guide: HallClient;
let kiosk: HallClient;
let db: Database.Database;

const count = (table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeAll(async () => {
  hall = await startTestHall();
  const url = hall.server.url;
  admin = (await demoStaffOn(url, 'demo-console', '9000')).socket;
  guide = (await demoStaffOn(url, 'demo-guide', '7001')).socket;
  kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
  db = new Database(`${hall.dataDir}/hall.sqlite`, { readonly: true });
});

afterAll(async () => {
  db.close();
  for (const s of [admin, guide, kiosk]) s.close();
  await hall.close();
});

const id = () => `text-${Math.random().toString(36).slice(2, 12)}`;

describe('control and bidi characters in free text', () => {
  it.each([
    [
      'a staff name with NUL',
      'staff',
      () => admin,
      'admin:save-staff',
      {
        staff: { id: 'stf-nul', staffNo: '4401', name: NUL, roles: ['clerk'] },
        pin: '482913',
      },
      'staff.name',
    ],
    [
      'a staff name with RLO',
      'staff',
      () => admin,
      'admin:save-staff',
      {
        staff: { id: 'stf-rlo', staffNo: '4402', name: RLO, roles: ['clerk'] },
        pin: '482913',
      },
      'staff.name',
    ],
    [
      'a staff name with a zero-width space',
      'staff',
      () => admin,
      'admin:save-staff',
      {
        staff: { id: 'stf-zwsp', staffNo: '4403', name: ZWSP, roles: ['clerk'] },
        pin: '482913',
      },
      'staff.name',
    ],
    [
      'an opinion with a line separator',
      'opinions',
      () => kiosk,
      'opinion:submit',
      {
        category: 'suggestion',
        text: LINE_SEPARATOR,
      },
      'text',
    ],
    [
      'an opinion with RLO',
      'opinions',
      () => kiosk,
      'opinion:submit',
      {
        category: 'suggestion',
        text: `很好${RLO}`,
      },
      'text',
    ],
    [
      'an opinion with NUL',
      'opinions',
      () => kiosk,
      'opinion:submit',
      {
        category: 'suggestion',
        text: `很好很好${NUL}`,
      },
      'text',
    ],
    [
      'a ticket note with NUL',
      'tickets',
      () => guide,
      'ticket:issue',
      {
        serviceId: 'svc-billing',
        note: NUL,
      },
      'note',
    ],
    [
      'a ticket note with RLO',
      'tickets',
      () => guide,
      'ticket:issue',
      {
        serviceId: 'svc-billing',
        note: RLO,
      },
      'note',
    ],
    [
      "a customer's name with RLO",
      'tickets',
      () => guide,
      'ticket:issue',
      {
        serviceId: 'svc-billing',
        customer: { name: RLO },
      },
      'customer.name',
    ],
    [
      'a case step with RLO',
      'case_types',
      () => admin,
      'admin:save-case-type',
      {
        caseType: {
          id: 'ct-rlo',
          nameZh: '测试',
          nameEn: 'Test',
          limitDays: 3,
          steps: [{ nameZh: RLO, nameEn: 'Acceptance', limitDays: 0 }],
        },
      },
      'caseType.steps.0.nameZh',
    ],
    [
      'a device name with an escape sequence',
      'devices',
      () => admin,
      'admin:rename-device',
      {
        deviceId: 'dev-kiosk-1',
        name: '\u001b[2J取号机',
      },
      'name',
    ],
  ])(
    '%s is refused and nothing is stored',
    async (_what, table, socket, command, payload, field) => {
      const before = count(table);
      const ack = await sendRaw(socket(), command, { commandId: id(), ...payload });
      expect(ack.ok).toBe(false);
      if (ack.ok) return;
      expect(ack.code).toBe('invalid_payload');
      expect(ack.message).toContain(`${field}:`);
      expect(count(table)).toBe(before);
    },
  );

  it('a multi-line ticket note keeps its newline', async () => {
    const ack = await sendRaw(guide, 'ticket:issue', {
      commandId: id(),
      serviceId: 'svc-billing',
      note: '第一行\n第二行',
    });
    const issued = ok(ack as never) as { ticket: { note: string | null } };
    expect(issued.ticket.note).toBe('第一行\n第二行');
  });
});
