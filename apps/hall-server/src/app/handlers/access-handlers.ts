import type { Device, StaffSession } from '@onestop/shared';
import { accept, reject } from '../../domain/result';
import { handler, type TxContext } from '../context';
import { leaveCounterOf } from './clerk';
import { mayLeave } from './handover-handlers';
import { isExpired } from '../sessions';
import { takeAll, throttlesOf } from '../throttles';
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
      // Six digits fall to a burst: every guess takes a try from its address's budget and the
      // hall's, before it is compared with any code. A refused command's budget is not refunded.
      const t = throttlesOf(tx.store);
      const gate = takeAll(
        [
          { budget: t.pairingPerAddress, key: tx.actor.address ?? 'unknown' },
          { budget: t.pairingHallWide, key: 'hall' },
        ],
        tx.now,
      );
      if (!gate.ok) return reject('pairing_throttled', waitText(gate.retryAfterMs));
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
      // Everything up to the first await is synchronous: a burst sent at once is counted one
      // attempt after another, each before its PIN is checked.
      const t = throttlesOf(ctx.store);
      const gate = takeAll(
        [
          { budget: t.signInPerDevice, key: ctx.actor.device?.id },
          { budget: t.signInPerAddress, key: ctx.actor.address },
        ],
        ctx.now,
      );
      if (!gate.ok) return reject('sign_in_throttled', waitText(gate.retryAfterMs));
      // The lock is per (typed staff number, desk), known number or not: a desk guessing locks
      // only itself, and a locked known number answers like an unknown one.
      const staffNo = args.staffNo;
      const desk = ctx.actor.device?.id ?? `address:${ctx.actor.address ?? 'unknown'}`;
      const guessing = ctx.store.staff.signInFailures(staffNo, desk) > 0;
      const attempt = ctx.store.staff.countSignInAttempt(staffNo, desk, ctx.now, lockoutMs);
      if (!attempt.admitted)
        return reject('sign_in_throttled', waitText(attempt.lockedUntil - ctx.now));
      // The hall-wide ceiling per number counts PIN checks; it refuses only desks already failing.
      const ceiling = t.signInPerStaffNo.take(staffNo, ctx.now);
      if (!ceiling.ok && guessing)
        return reject('sign_in_throttled', waitText(ceiling.retryAfterMs));
      const cred = ctx.store.staff.credentials(staffNo);
      // An unknown number and an inactive member cost a real check and answer as a wrong PIN:
      // `staff_inactive` after a right PIN would confirm the PIN.
      if (!cred || !cred.staff.active) {
        await hashPinNever(args.pin);
        return reject('bad_credentials');
      }
      if (!(await verifyPin(args.pin, cred.pinHash))) return reject('bad_credentials');
      ctx.store.staff.clearSignInFailures(staffNo, desk);
      gate.giveBack(); // a right PIN does not count against the desk or its address
      if (ceiling.ok) t.signInPerStaffNo.giveBack(staffNo);
      return accept({ staffId: cred.staff.id });
    },
    run(tx, _args, { staffId }) {
      const device = tx.actor.device;
      const staff = tx.store.staff.byId(staffId);
      if (!device || !staff) return reject('not_paired');
      const onThisDesk = tx.store.devices
        .openSessionsActivity()
        .filter((a) => a.session.deviceId === device.id);
      const inUse = (a: (typeof onThisDesk)[number]) =>
        a.session.staffId !== staffId && !isExpired(a, tx.hall.config, tx.now);
      // The holder: the earliest live session of someone else (a step-in comes after it).
      const holder = onThisDesk
        .filter(inUse)
        .sort((a, b) => a.session.startedAt - b.session.startedAt)[0];
      // Step-in (issue 15 item 11): on a desk bound to no counter (the console), a duty leader
      // or admin steps in on another; the holder stays signed in (they have not signed off, and
      // have the desk back when the one who stepped in steps out). A counter's desk keeps one.
      const leads = (id: string) =>
        tx.store.staff.byId(id)?.roles.some((r) => r === 'duty_leader' || r === 'admin') ?? false;
      const stepIn =
        holder && device.counterId === null && leads(staffId) && leads(holder.session.staffId);
      if (holder && !stepIn) return reject('desk_in_use', heldBy(tx, holder.session));
      if (holder) {
        const was = tx.store.staff.byId(holder.session.staffId);
        tx.write.event({
          type: 'override.applied',
          action: 'step-in',
          reason: `${staff.name} stepped in for ${was?.name ?? holder.session.staffId} on ${device.name}`,
          byStaffId: staffId,
          staffId: holder.session.staffId,
          counterId: null,
          ticketId: null,
        });
      }
      // The same person signing in again (a reloaded screen) replaces their old session here,
      // and a session past its limits gives the desk up. A step-in keeps the desk's first live
      // session, unless it is the signer's own (taking the desk back): at most two are open.
      const first = onThisDesk
        .filter((a) => !isExpired(a, tx.hall.config, tx.now))
        .sort((a, b) => a.session.startedAt - b.session.startedAt)[0];
      const keep = stepIn && first && first.session.staffId !== staffId ? first.session.id : null;
      for (const { session: s } of onThisDesk)
        if (s.id !== keep) tx.write.session({ ...s, endedAt: tx.now });
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
    run(tx, { reason }) {
      const { session, staff } = tx.actor;
      if (!session || !staff) return reject('not_signed_in');
      // The reason leaves the duty desk's follow-ups there; from anyone else it would only put a
      // false "left for the next duty leader" line in the shift log.
      if (reason !== undefined && !tx.actor.roles.includes('duty_leader'))
        return reject('invalid_payload', "reason: only a duty leader leaves the desk's follow-ups");
      // Open items need an acknowledged handover first; a duty leader's reason keeps the desk's.
      const free = mayLeave(tx, staff.id, { keepNote: reason ?? null });
      if (!free.ok) return free;
      leaveCounterOf(tx, staff.id);
      return accept({
        session: tx.write.session({ ...session, endedAt: tx.now, counterId: null }),
      });
    },
  }),
};

/** Who holds a desk and since when, for a colleague who has just proven to be staff. */
function heldBy(tx: TxContext, session: StaffSession): string {
  const staff = tx.store.staff.byId(session.staffId);
  const since = new Intl.DateTimeFormat('sv-SE', {
    timeZone: tx.hall.config.timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(session.startedAt);
  return `${staff?.name ?? session.staffId} (${staff?.staffNo ?? '?'}) since ${since}.`;
}

function waitText(ms: number): string {
  return `Try again in ${Math.max(1, Math.ceil(ms / 1000))} s.`;
}
