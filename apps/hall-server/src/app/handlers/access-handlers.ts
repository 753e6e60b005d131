import type { Device, StaffSession } from '@onestop/shared';
import { accept, reject } from '../../domain/result';
import { handler } from '../context';
import { mayLeave } from './handover-handlers';
import {
  hashPinNever,
  lockoutMs,
  newPairingCode,
  newToken,
  tokenHash,
  verifyPin,
} from '../secrets';

const PAIRING_CODE_TTL_MS = 15 * 60_000;

export const accessHandlers = {
  'device:issue-pairing-code': handler<'device:issue-pairing-code'>({
    run(tx, args) {
      if (args.counterId !== null && !tx.store.counters.byId(args.counterId)) {
        return reject('not_found', `Counter ${args.counterId}.`);
      }
      if (args.kind === 'pad' && args.counterId === null) {
        return reject('invalid_payload', 'An evaluation pad is bound to one counter.');
      }
      const code = newPairingCode();
      const expiresAt = tx.now + PAIRING_CODE_TTL_MS;
      tx.store.devices.savePairingCode({
        code,
        name: args.name,
        kind: args.kind,
        counterId: args.counterId,
        expiresAt,
        usedAt: null,
        issuedBy: tx.actor.staff?.id ?? null,
      });
      return accept({ code, expiresAt });
    },
  }),

  'device:pair': handler<'device:pair'>({
    run(tx, args) {
      const code = tx.store.devices.pairingCode(args.pairingCode);
      if (!code || code.usedAt !== null || code.expiresAt <= tx.now)
        return reject('pairing_code_invalid');
      tx.store.devices.markPairingCodeUsed(code.code, tx.now);
      const deviceToken = newToken();
      const device = tx.write.newDevice(
        {
          id: tx.newId(),
          name: code.name,
          kind: code.kind,
          counterId: code.counterId,
          pairedAt: tx.now,
          revokedAt: null,
          lastSeenAt: tx.now,
          changeSeq: 0,
        },
        tokenHash(deviceToken),
      );
      return accept({
        deviceId: device.id,
        deviceToken,
        name: device.name,
        kind: device.kind,
        counterId: device.counterId,
      });
    },
  }),

  'device:revoke': handler<'device:revoke'>({
    run(tx, args) {
      const device = tx.store.devices.byId(args.deviceId);
      if (!device) return reject('not_found', `Device ${args.deviceId}.`);
      if (device.revokedAt !== null)
        return reject('invalid_transition', 'The device is revoked already.');
      for (const s of tx.store.devices.openSessions().filter((s) => s.deviceId === device.id)) {
        tx.write.session({ ...s, endedAt: tx.now });
      }
      const revoked: Device = tx.write.device({ ...device, revokedAt: tx.now });
      tx.write.event({ type: 'device.revoked', deviceId: device.id });
      return accept({ device: revoked });
    },
  }),

  'staff:sign-in': handler<'staff:sign-in', { staffId: string }>({
    async prepare(ctx, args) {
      const cred = ctx.store.staff.credentials(args.staffNo);
      if (!cred) {
        await hashPinNever(args.pin); // same cost as a real check: no timing hint that the number is unknown
        return reject('bad_credentials');
      }
      if (cred.lockedUntil !== null && cred.lockedUntil > ctx.now) {
        return reject(
          'sign_in_throttled',
          `Try again in ${Math.ceil((cred.lockedUntil - ctx.now) / 1000)} s.`,
        );
      }
      if (!(await verifyPin(args.pin, cred.pinHash))) {
        const failures = cred.failedSignIns + 1;
        const lock = lockoutMs(failures);
        ctx.store.staff.setSignInFailures(
          cred.staff.id,
          failures,
          lock > 0 ? ctx.now + lock : null,
        );
        return reject('bad_credentials');
      }
      if (!cred.staff.active) return reject('staff_inactive');
      if (cred.failedSignIns > 0) ctx.store.staff.setSignInFailures(cred.staff.id, 0, null);
      return accept({ staffId: cred.staff.id });
    },
    run(tx, _args, { staffId }) {
      const device = tx.actor.device;
      const staff = tx.store.staff.byId(staffId);
      if (!device || !staff) return reject('not_paired');
      const onThisDesk = tx.store.devices.openSessions().filter((s) => s.deviceId === device.id);
      if (onThisDesk.some((s) => s.staffId !== staffId)) return reject('desk_in_use');
      // The same person signing in again (a reloaded screen) replaces their old session here.
      for (const s of onThisDesk) tx.write.session({ ...s, endedAt: tx.now });
      const sessionToken = newToken();
      const counter = tx.store.counters.byStaff(staffId);
      const session: StaffSession = tx.write.newSession(
        {
          id: tx.newId(),
          staffId,
          deviceId: device.id,
          counterId: counter?.id ?? null,
          startedAt: tx.now,
          endedAt: null,
          changeSeq: 0,
        },
        tokenHash(sessionToken),
      );
      return accept({ sessionToken, staff, session });
    },
  }),

  'staff:sign-out': handler<'staff:sign-out'>({
    run(tx) {
      const { session, staff } = tx.actor;
      if (!session || !staff) return reject('not_signed_in');
      const free = mayLeave(tx, staff.id); // open items need an acknowledged handover first
      if (!free.ok) return free;
      const counter = tx.store.counters.byStaff(staff.id);
      if (counter)
        tx.write.counter({
          ...counter,
          staffId: null,
          state: 'closed',
          pauseReason: null,
          updatedAt: tx.now,
        });
      return accept({
        session: tx.write.session({ ...session, endedAt: tx.now, counterId: null }),
      });
    },
  }),
};
