import type { DeviceCheck, DeviceFault } from '@onestop/shared';
import {
  isOpen,
  judgeHeartbeat,
  judgeOpeningCheck,
  judgeReport,
  markFixed,
  newFault,
} from '../../domain/device-health';
import { accept, reject, type Result } from '../../domain/result';
import { endFault, openFault } from '../device-faults';
import { handler, type TxContext } from '../context';

// Device health (issue 19 item 2): heartbeats, the console's device panel, faults tracked to a
// fix, the opening check-list. Rules in domain/device-health.ts; alerts in app/device-faults.ts.

const HISTORY = 50;

function staffOf(tx: TxContext): Result<string> {
  return tx.actor.staff ? accept(tx.actor.staff.id) : reject('not_signed_in');
}

function liveDevice(tx: TxContext, deviceId: string) {
  const device = tx.store.devices.byId(deviceId);
  return device && device.revokedAt === null ? device : undefined;
}

export const deviceHandlers = {
  'device:heartbeat': handler<'device:heartbeat'>({
    run(tx, { report }) {
      // About the device that sends it, always: the payload names no device.
      const device = tx.actor.device;
      if (!device) return reject('not_paired');
      const repo = tx.store.deviceHealth;
      const judged = judgeHeartbeat({
        deviceId: device.id,
        kind: device.kind,
        report,
        latest: repo.health(device.id),
        open: repo.openFaults(device.id),
        changesLastMinute: repo.changesSince(device.id, tx.now - 60_000),
        now: tx.now,
      });
      if (!judged.ok) return judged;
      const outcome = judged.value;
      if (!outcome.recorded) return accept({ recorded: false });
      repo.saveHealth(outcome.health);
      if (outcome.change) repo.addChange(outcome.change);
      for (const kind of outcome.openKinds) {
        openFault(tx, newFault(tx.newId(), device.id, kind, tx.now));
      }
      for (const fault of outcome.clear) endFault(tx, { ...fault, clearedAt: tx.now });
      return accept({ recorded: true });
    },
  }),

  'device:health': handler<'device:health'>({
    run(tx) {
      return accept({
        health: tx.store.deviceHealth.allHealth(),
        openFaults: tx.store.deviceHealth.allOpenFaults(),
      });
    },
  }),

  'device:history': handler<'device:history'>({
    run(tx, { deviceId }) {
      if (!tx.store.devices.byId(deviceId)) return reject('not_found', 'no such device');
      const repo = tx.store.deviceHealth;
      return accept({
        health: repo.health(deviceId),
        faults: repo.faultsOfDevice(deviceId, HISTORY),
        changes: repo.latestChanges(deviceId, HISTORY),
        checks: repo.checksOfDevice(deviceId, 31),
      });
    },
  }),

  'device:report-fault': handler<'device:report-fault'>({
    run(tx, { deviceId, detail }) {
      const staff = staffOf(tx);
      if (!staff.ok) return staff;
      if (!liveDevice(tx, deviceId)) return reject('not_found', 'no such device');
      const repo = tx.store.deviceHealth;
      const judged = judgeReport({
        open: repo.openFaults(deviceId),
        reportedLastHour: repo.reportedSince(staff.value, tx.now - 3_600_000),
      });
      if (!judged.ok) return judged;
      // A failure already reported and still open: the same fault, no second alert.
      if (judged.value.existing) return accept({ fault: judged.value.existing });
      const fault = newFault(tx.newId(), deviceId, 'reported', tx.now, {
        staffId: staff.value,
        detail,
      });
      return accept({ fault: openFault(tx, fault) });
    },
  }),

  'device:mark-fixed': handler<'device:mark-fixed'>({
    run(tx, { faultId, note }) {
      const staff = staffOf(tx);
      if (!staff.ok) return staff;
      const fault = tx.store.deviceHealth.faultById(faultId);
      if (!fault) return reject('not_found', 'no such fault');
      const fixed = markFixed(fault, staff.value, note, tx.now);
      if (!fixed.ok) return fixed;
      return accept({ fault: endFault(tx, fixed.value) });
    },
  }),

  'device:opening-check': handler<'device:opening-check'>({
    run(tx, { deviceId, results, note }) {
      const staff = staffOf(tx);
      if (!staff.ok) return staff;
      const device = liveDevice(tx, deviceId);
      if (!device) return reject('not_found', 'no such device');
      const judged = judgeOpeningCheck(device.kind, results);
      if (!judged.ok) return judged;
      const check: DeviceCheck = {
        id: tx.newId(),
        deviceId,
        businessDay: tx.hall.businessDay,
        checkedAt: tx.now,
        checkedBy: staff.value,
        results,
        note: note ?? null,
      };
      tx.store.deviceHealth.saveCheck(check);
      // A failed item whose fault is still open (the check taken again) is that fault: a
      // repeated check opens no second fault nor alert for it.
      const open = tx.store.deviceHealth.openFaults(deviceId);
      const faults: DeviceFault[] = judged.value.failed.map((item) => {
        const detail = `opening check: ${item}`;
        const same = open.find((f) => f.kind === 'reported' && f.detail === detail && isOpen(f));
        return (
          same ??
          openFault(
            tx,
            newFault(tx.newId(), deviceId, 'reported', tx.now, { staffId: staff.value, detail }),
          )
        );
      });
      return accept({ check, faults });
    },
  }),

  'device:opening-checks': handler<'device:opening-checks'>({
    run(tx, { businessDay }) {
      const day = businessDay ?? tx.hall.businessDay;
      return accept({ businessDay: day, checks: tx.store.deviceHealth.checksOfDay(day) });
    },
  }),
};
