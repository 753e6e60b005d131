import { describe, expect, it } from 'vitest';
import { connectClient, ok, send, startTestHall } from './test-support/hall-harness';
import { demoStaffOn, kioskComplaint } from './test-support/suite-hall';
import { groupOf } from './app/shift-log';

// Issue 15 item 10: the shift log was a raw audit dump (commands and JSON payloads) and showed
// a complainant's full phone number. Now each line has its time, who did it (name and role),
// what in words (zh and en), and customer data masked.

const FULL_PHONE = /(?<!\d)1\d{10}(?!\d)/;

describe('console:shift-log', () => {
  it('answers readable lines: time, who, what in words, no full phone number', async () => {
    const hall = await startTestHall();
    try {
      const url = hall.server.url;
      const kiosk = await connectClient(url, { deviceToken: 'demo-kiosk-1' });
      const opinion = await kioskComplaint(kiosk, '窗口排队太久,请回电 13911112222');
      const clerk = await demoStaffOn(url, 'demo-desk-3', '1003', 'ctr-3');
      const leader = await demoStaffOn(url, 'demo-console', '8001');
      ok(
        await send(leader.socket, 'override:counter-state', {
          counterId: 'ctr-3',
          state: 'paused',
          pauseReason: 'meeting',
          reason: '窗口人员参加班前会',
        }),
      );
      ok(
        await send(leader.socket, 'opinion:resolve', {
          opinionId: opinion.id,
          resolution: '已致电 13911112222 说明并致歉',
        }),
      );

      const answer = ok(await send(leader.socket, 'console:shift-log', { since: 0 }));
      expect(JSON.stringify(answer)).not.toMatch(FULL_PHONE);
      const pause = answer.entries.find((e) => e.command === 'override:counter-state');
      expect(pause).toMatchObject({
        group: 'override',
        who: { name: '王值班', role: 'duty_leader' },
        zh: '暂停 3 号窗口:会议',
        en: 'Paused counter 3: meeting',
        reason: '窗口人员参加班前会',
      });
      expect(pause!.at).toBeGreaterThan(0);
      const submitted = answer.entries.find((e) => e.command === 'opinion:submit');
      expect(submitted?.zh).toContain('收到投诉');
      expect(submitted?.zh).toContain('139****2222');
      expect(submitted).toMatchObject({ who: null, deviceName: expect.stringContaining('取号机') });
      const resolved = answer.entries.find((e) => e.command === 'opinion:resolve');
      expect(resolved?.zh).toMatch(/^处理意见 “窗口排队太久.*”:已致电 139\*\*\*\*2222 说明并致歉$/);
      for (const e of answer.entries) expect(e).not.toHaveProperty('payload');
      for (const s of [kiosk, clerk.socket, leader.socket]) s.disconnect();
    } finally {
      await hall.close();
    }
  }, 30_000);
});

describe('the kind of a shift-log line', () => {
  it.each([
    ['override:counter-state', 'override'],
    ['ticket:cancel', 'override'],
    ['ticket:reassign-owner', 'override'],
    ['hall:set-notice', 'override'],
    ['alert:acknowledge', 'alert'],
    ['alert:acknowledge-many', 'alert'],
    ['system:alert-expiry', 'alert'],
    ['opinion:resolve', 'opinion'],
    ['follow-up:close', 'followUp'],
    ['handover:acknowledge', 'handover'],
    ['admin:save-service', 'admin'],
    ['device:revoke', 'admin'],
    ['system:clock-jump', 'other'],
  ])('%s is a line of kind %s', (command, group) => {
    expect(groupOf(command)).toBe(group);
  });
});
