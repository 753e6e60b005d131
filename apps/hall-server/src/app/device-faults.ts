import type { Alert, DeviceFault } from '@onestop/shared';
import { newAlert } from '../domain/alerts';
import { isOpen, newFault } from '../domain/device-health';
import type { TxContext } from './context';

// A device fault's alert on the duty leader's console, opened and closed with the fault: a
// fault found by the device or reported by staff raises `device_fault` (subject: the device;
// note: the fault's kind until someone acknowledges it); a device gone off the network already
// has its `device_offline` alert from the sweep, which the fault takes as its own.

/** The note of an alert closed because its fault ended (`acknowledgedBy` null). */
export const RESOLVED_NOTE = 'resolved';

export function openFault(tx: TxContext, fault: DeviceFault, alertId?: string): DeviceFault {
  const id =
    alertId ??
    tx.write.alert({
      ...newAlert(tx.newId(), tx.now, { kind: 'device_fault', subjectId: fault.deviceId }),
      note: fault.kind,
    }).id;
  tx.store.deviceHealth.saveFault(fault, id);
  return fault;
}

/** A fault ended (cleared by the device, or marked fixed): its alert is closed if still open. */
export function endFault(tx: TxContext, fault: DeviceFault): DeviceFault {
  tx.store.deviceHealth.saveFault(fault);
  const alertId = tx.store.deviceHealth.alertOfFault(fault.id);
  const alert = alertId === null ? undefined : tx.store.alerts.byId(alertId);
  if (alert && alert.acknowledgedAt === null) {
    const closed: Alert = {
      ...alert,
      acknowledgedAt: tx.now,
      acknowledgedBy: fault.fixedBy,
      note: fault.fixedBy === null ? RESOLVED_NOTE : fault.fixNote,
    };
    tx.write.alert(closed);
  }
  return fault;
}

/** The sweep raised `device_offline`: an `offline` fault opens under it, unless one is open. */
export function openOfflineFault(tx: TxContext, deviceId: string, alertId: string): void {
  const open = tx.store.deviceHealth.openFaults(deviceId);
  if (open.some((f) => f.kind === 'offline' && isOpen(f))) return;
  if (!tx.store.devices.byId(deviceId)) return;
  openFault(tx, newFault(tx.newId(), deviceId, 'offline', tx.now), alertId);
}
