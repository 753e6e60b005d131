import { describe, expect, it } from 'vitest';
import { HEARTBEAT_RULES, REPORT_RULES } from '../domain/device-health';
import { connectClient, ok, send, sendRaw, type HallClient } from '../test-support/hall-harness';
import { demoStaffOn, suiteHall } from '../test-support/suite-hall';
import { deviceReport as report } from '../test-support/device-report';

// Device health (issue 19 item 2), black-box and attacked: a kiosk's printer out of paper
// raises a device_fault alert and healthy again clears it; a device speaks only for itself,
// odd and oversized reports are refused and change nothing, a kiosk cannot mark a fault fixed,
// and a device flooding heartbeats is bounded.

const suite = suiteHall();
const store = () => suite.server.hall.store;

const faultAlerts = (deviceId: string) =>
  store()
    .alerts.current(0)
    .filter((a) => a.kind === 'device_fault' && a.subjectId === deviceId);

async function kiosk(): Promise<HallClient> {
  return connectClient(suite.server.url, { deviceToken: 'demo-kiosk-1' });
}

describe('a kiosk whose printer runs out of paper', () => {
  it('raises a device_fault alert, and clears it when the printer is fine again', async () => {
    const k = await kiosk();
    ok(await send(k, 'device:heartbeat', { report: report() }));
    expect(faultAlerts('dev-kiosk-1').filter((a) => a.acknowledgedAt === null)).toEqual([]);

    expect(
      ok(await send(k, 'device:heartbeat', { report: report({ printer: 'paper_out' }) })),
    ).toEqual({ recorded: true });
    const open = faultAlerts('dev-kiosk-1').filter((a) => a.acknowledgedAt === null);
    expect(open).toHaveLength(1);
    expect(open[0]!.note).toBe('printer_paper_out');
    const leader = await demoStaffOn(suite.server.url, 'demo-console', '8001');
    const panel = ok(await send(leader.socket, 'device:health', {}));
    expect(panel.openFaults).toMatchObject([
      { deviceId: 'dev-kiosk-1', kind: 'printer_paper_out' },
    ]);
    expect(panel.health.find((h) => h.deviceId === 'dev-kiosk-1')).toMatchObject({
      printer: 'paper_out',
    });

    ok(await send(k, 'device:heartbeat', { report: report({ printer: 'ok' }) }));
    const after = faultAlerts('dev-kiosk-1').find((a) => a.id === open[0]!.id);
    expect(after).toMatchObject({ acknowledgedBy: null, note: 'resolved' });
    expect(ok(await send(leader.socket, 'device:health', {})).openFaults).toEqual([]);
    const history = ok(await send(leader.socket, 'device:history', { deviceId: 'dev-kiosk-1' }));
    expect(history.faults[0]).toMatchObject({ kind: 'printer_paper_out' });
    expect(history.faults[0]!.clearedAt).not.toBeNull();
    expect(history.changes.map((c) => c.printer)).toEqual(['ok', 'paper_out', 'ok']);
    k.disconnect();
    leader.socket.disconnect();
  });
});

describe('faults tracked to a fix', () => {
  it('staff report a failure by hand; the duty leader marks it fixed with a note, once', async () => {
    const guide = await demoStaffOn(suite.server.url, 'demo-guide', '7001');
    const { fault } = ok(
      await send(guide.socket, 'device:report-fault', {
        deviceId: 'dev-display-1',
        detail: '屏幕花屏',
      }),
    );
    expect(fault).toMatchObject({ kind: 'reported', reportedBy: 'stf-guide' });
    expect(
      await send(guide.socket, 'device:mark-fixed', { faultId: fault.id, note: 'ok' }),
    ).toMatchObject({ ok: false, code: 'forbidden' });

    const leader = await demoStaffOn(suite.server.url, 'demo-console', '8001');
    const fixed = ok(
      await send(leader.socket, 'device:mark-fixed', { faultId: fault.id, note: '重插了视频线' }),
    );
    expect(fixed.fault).toMatchObject({ fixNote: '重插了视频线' });
    expect(fixed.fault.fixedBy).not.toBeNull();
    expect(
      await send(leader.socket, 'device:mark-fixed', { faultId: fault.id, note: 'again' }),
    ).toMatchObject({ ok: false, code: 'invalid_transition' });
    const alert = faultAlerts('dev-display-1').at(-1);
    expect(alert?.acknowledgedAt).not.toBeNull();
    guide.socket.disconnect();
    leader.socket.disconnect();
  });

  it('a failed opening check item becomes a fault; the day’s checks list it', async () => {
    const guide = await demoStaffOn(suite.server.url, 'demo-guide', '7001');
    const done = ok(
      await send(guide.socket, 'device:opening-check', {
        deviceId: 'dev-kiosk-1',
        results: [
          { item: 'test_slip', passed: false },
          { item: 'touch', passed: true },
        ],
      }),
    );
    expect(done.faults).toMatchObject([{ kind: 'reported', detail: 'opening check: test_slip' }]);
    const day = ok(await send(guide.socket, 'device:opening-checks', {}));
    expect(day.checks.map((c) => c.deviceId)).toEqual(['dev-kiosk-1']);
    expect(
      await send(guide.socket, 'device:opening-check', {
        deviceId: 'dev-kiosk-1',
        results: [{ item: 'test_announcement', passed: true }],
      }),
    ).toMatchObject({ ok: false, code: 'invalid_payload' });
    guide.socket.disconnect();
  });
});

describe('a device gone off the network', () => {
  it('its device_offline alert opens an offline fault; its next heartbeat clears both', async () => {
    const alerts = suite.server.alerts;
    alerts.offlineSince.set('dev-pad-2', Date.now() - 10 * 60_000);
    alerts.runOnce();
    alerts.offlineSince.delete('dev-pad-2');
    const offline = store()
      .alerts.current(0)
      .find((a) => a.kind === 'device_offline' && a.subjectId === 'dev-pad-2');
    expect(offline?.acknowledgedAt).toBeNull();
    expect(store().deviceHealth.openFaults('dev-pad-2')).toMatchObject([{ kind: 'offline' }]);
    // No second alert for the same fault.
    expect(faultAlerts('dev-pad-2')).toEqual([]);

    const pad = await connectClient(suite.server.url, { deviceToken: 'demo-pad-2' });
    const flat = report({
      printer: undefined,
      screen: { width: 800, height: 480, orientation: 'landscape' },
    });
    ok(await send(pad, 'device:heartbeat', { report: flat }));
    expect(store().deviceHealth.openFaults('dev-pad-2')).toEqual([]);
    expect(store().alerts.byId(offline!.id)).toMatchObject({
      acknowledgedBy: null,
      note: 'resolved',
    });
    pad.disconnect();

    // Gone again the same day: a new outage, told again with a fault of its own.
    alerts.offlineSince.set('dev-pad-2', Date.now() - 10 * 60_000);
    alerts.runOnce();
    alerts.runOnce(); // once only while it stays gone
    alerts.offlineSince.delete('dev-pad-2');
    const again = store()
      .alerts.current(0)
      .filter((a) => a.kind === 'device_offline' && a.subjectId === 'dev-pad-2');
    expect(again).toHaveLength(2);
    expect(store().deviceHealth.openFaults('dev-pad-2')).toMatchObject([{ kind: 'offline' }]);
  });
});

describe('attacks', () => {
  it('a device cannot report for another device: the payload names none', async () => {
    const k = await kiosk();
    const ack = await sendRaw(k, 'device:heartbeat', {
      commandId: 'hb-other-device-1',
      deviceId: 'dev-display-1',
      report: report({ printer: 'paper_out' }),
    });
    expect(ack).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(store().deviceHealth.health('dev-display-1')).toBeNull();
    k.disconnect();
  });

  it.each([
    ['a negative width', { screen: { width: -1, height: 10, orientation: 'portrait' } }],
    ['a huge height', { screen: { width: 10, height: 1e9, orientation: 'portrait' } }],
    ['a fractional width', { screen: { width: 10.5, height: 10, orientation: 'portrait' } }],
    ['an unknown orientation', { screen: { width: 10, height: 10, orientation: 'upside' } }],
    ['an unknown printer state', { printer: 'on_fire' }],
    ['an unknown audio state', { audio: 'loud' }],
    ['a version with markup', { version: '<script>alert(1)</script>' }],
    ['an oversized version', { version: '1'.repeat(10_000) }],
    ['an extra field', { cpu: 99 }],
  ])('%s is refused and changes nothing', async (_, over) => {
    const display = await connectClient(suite.server.url, { deviceToken: 'demo-display-1' });
    const ack = await sendRaw(display, 'device:heartbeat', {
      commandId: `hb-odd-${Math.random().toString(36).slice(2)}`,
      report: { ...report(), ...over },
    });
    expect(ack).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(store().deviceHealth.health('dev-display-1')).toBeNull();
    display.disconnect();
  });

  it('an oversized payload is refused: over the socket limit, the link is dropped', async () => {
    const display = await connectClient(suite.server.url, { deviceToken: 'demo-display-1' });
    const big = await sendRaw(display, 'device:heartbeat', {
      commandId: 'hb-oversized-1',
      report: { ...report(), version: '1'.repeat(60_000) },
    });
    expect(big).toMatchObject({ ok: false, code: 'invalid_payload' });
    const dropped = new Promise<string>((resolve) => display.once('disconnect', resolve));
    void sendRaw(display, 'device:heartbeat', {
      commandId: 'hb-oversized-2',
      report: report(),
      padding: 'x'.repeat(2_000_000),
    });
    expect(await dropped).toBeTruthy();
    expect(store().deviceHealth.health('dev-display-1')).toBeNull();
  });

  it('a kiosk cannot mark a fault fixed, report one, or read the panel', async () => {
    const k = await kiosk();
    const guide = await demoStaffOn(suite.server.url, 'demo-guide', '7001');
    const { fault } = ok(
      await send(guide.socket, 'device:report-fault', { deviceId: 'dev-kiosk-1', detail: '卡纸' }),
    );
    for (const [name, payload] of [
      ['device:mark-fixed', { faultId: fault.id, note: 'fixed it' }],
      ['device:report-fault', { deviceId: 'dev-display-1', detail: 'broken' }],
      ['device:health', {}],
      [
        'device:opening-check',
        { deviceId: 'dev-kiosk-1', results: [{ item: 'touch', passed: true }] },
      ],
    ] as const) {
      expect(
        await sendRaw(k, name, { commandId: `k-${name.slice(7)}-${fault.id}`, ...payload }),
      ).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(store().deviceHealth.faultById(fault.id)?.fixedAt).toBeNull();
    k.disconnect();
    guide.socket.disconnect();
  });

  it('a heartbeat flood is not recorded, and a flood of changes is refused', async () => {
    const pad = await connectClient(suite.server.url, { deviceToken: 'demo-pad-1' });
    const flat = report({
      printer: undefined,
      screen: { width: 800, height: 480, orientation: 'landscape' },
    });
    const acks = await Promise.all(
      Array.from({ length: 40 }, () => send(pad, 'device:heartbeat', { report: flat })),
    );
    const recorded = acks.filter((a) => a.ok && a.data.recorded).length;
    expect(recorded).toBe(1);

    const changes = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        send(pad, 'device:heartbeat', { report: { ...flat, version: `0.0.${i}` } }),
      ),
    );
    const refused = changes.filter((a) => !a.ok && a.code === 'rate_limited').length;
    expect(refused).toBeGreaterThan(0);
    const rows = store()
      .db.prepare("SELECT COUNT(*) AS n FROM device_health_changes WHERE device_id = 'dev-pad-1'")
      .get() as { n: number };
    expect(rows.n).toBeLessThanOrEqual(HEARTBEAT_RULES.changesPerMinute);
    pad.disconnect();
  });
});

describe('hand-reported faults cannot flood the console', () => {
  it('a second report of a device while one is open returns it and raises no alert', async () => {
    const guide = await demoStaffOn(suite.server.url, 'demo-guide', '7001');
    const alertsBefore = faultAlerts('dev-pad-1').length;
    const first = ok(
      await send(guide.socket, 'device:report-fault', { deviceId: 'dev-pad-1', detail: '黑屏' }),
    ).fault;
    for (let i = 0; i < 5; i++) {
      const again = ok(
        await send(guide.socket, 'device:report-fault', {
          deviceId: 'dev-pad-1',
          detail: `黑屏 ${i}`,
        }),
      );
      expect(again.fault.id).toBe(first.id);
    }
    expect(faultAlerts('dev-pad-1')).toHaveLength(alertsBefore + 1);
    expect(
      store()
        .deviceHealth.openFaults('dev-pad-1')
        .filter((f) => f.kind === 'reported'),
    ).toHaveLength(1);
    guide.socket.disconnect();
  });

  it('an opening check taken again returns the failed item’s open fault, no second alert', async () => {
    const leader = await demoStaffOn(suite.server.url, 'demo-console', '8001');
    const check = () =>
      send(leader.socket, 'device:opening-check', {
        deviceId: 'dev-pad-2',
        results: [{ item: 'touch', passed: false }],
      });
    const first = ok(await check()).faults;
    const alertsAfterFirst = faultAlerts('dev-pad-2').length;
    const again = ok(await check()).faults;
    expect(again.map((f) => f.id)).toEqual(first.map((f) => f.id));
    expect(faultAlerts('dev-pad-2')).toHaveLength(alertsAfterFirst);
    leader.socket.disconnect();
  });

  it('a staff member reporting many devices is bounded per hour', async () => {
    const clerk = await demoStaffOn(suite.server.url, 'demo-desk-1', '1001', 'ctr-1');
    const devices = store()
      .devices.all()
      .filter((d) => d.revokedAt === null)
      .map((d) => d.id);
    const alertsBefore = store()
      .alerts.current(0)
      .filter((a) => a.kind === 'device_fault').length;
    const acks = [];
    for (let round = 0; acks.length < REPORT_RULES.perStaffPerHour + 5; round++) {
      // Each round fixes nothing: the leader's fix would let a report open again; instead
      // many devices are named, and past the bound the reports are refused.
      for (const deviceId of devices) {
        acks.push(
          await send(clerk.socket, 'device:report-fault', { deviceId, detail: `r${round}` }),
        );
      }
      const leader = await demoStaffOn(suite.server.url, 'demo-console', '8001');
      for (const f of store().deviceHealth.allOpenFaults()) {
        if (f.kind === 'reported') {
          ok(await send(leader.socket, 'device:mark-fixed', { faultId: f.id, note: 'checked' }));
        }
      }
      leader.socket.disconnect();
    }
    // Refused by the staff member's bound (not the device's request rate).
    expect(
      acks.some((a) => !a.ok && a.code === 'rate_limited' && /faults reported/.test(a.message)),
    ).toBe(true);
    const opened =
      store()
        .alerts.current(0)
        .filter((a) => a.kind === 'device_fault').length - alertsBefore;
    expect(opened).toBeLessThanOrEqual(REPORT_RULES.perStaffPerHour);
    clerk.socket.disconnect();
  });
});
