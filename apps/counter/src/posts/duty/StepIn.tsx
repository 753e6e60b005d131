import type { StaffSession } from '@onestop/shared';
import { Dialog, formatDateTime, useLang } from '@onestop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, usePending, useSignedIn, useStaffView } from '../../common/desk';
import { staffById, staffLabel } from '../../common/hall-selectors';
import {
  beginSession,
  endSession,
  returnToHolder,
  stepInOver,
  type SignedIn,
} from '../../common/session-store';
import { RefusalFor } from './ConsoleDialog';

// Who is on this console now (issue 15 item 11c): the duty leader holding it and, when an admin
// (or another duty leader) has stepped in, them too, each since when. Stepping in signs the
// newcomer in on top, keeping the holder's session (the server keeps it open) aside in this
// browser; stepping out signs them out and reopens the console as the holder.

/** The console's open sessions, the holder first. */
export function sessionsHere(sessions: readonly StaffSession[], deviceId: string): StaffSession[] {
  return sessions
    .filter((s) => s.endedAt === null && s.deviceId === deviceId)
    .sort((a, b) => a.startedAt - b.startedAt);
}

export function DeskOccupants() {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  const signedIn = useSignedIn()!;
  const { connection, session, runner } = useDesk();
  const online = useOnline();
  const leaving = usePending('stepOut');
  const [asking, setAsking] = useState(false);
  const here = sessionsHere(hall.sessions, signedIn.session.deviceId);
  const iSteppedIn = here.length > 1 && here[0]!.id !== signedIn.session.id;

  async function stepOut() {
    const ack = await runner.run('stepOut', 'staff:sign-out', {});
    if (!ack?.ok) return;
    const open = here.map((s) => s.id);
    if (!returnToHolder(session, open)) await endSession(connection, session);
  }

  return (
    <div className="desk-occupants" data-testid="desk-occupants">
      <span className="muted">{t('console.desk.here')}</span>
      {here.map((s, i) => (
        <span
          key={s.id}
          className={`occupant${i > 0 ? ' stepped-in' : ''}`}
          data-testid="occupant"
          data-role={i === 0 ? 'holder' : 'stepped-in'}
          data-staff={s.staffId}
        >
          {staffLabel(staffById(hall, s.staffId))}
          {i > 0 && <span className="badge warn">{t('console.desk.steppedIn')}</span>}{' '}
          <small>
            {t('console.hall.since', {
              time: formatDateTime(s.startedAt, hall.config.timeZone, lang),
            })}
          </small>
        </span>
      ))}
      {iSteppedIn ? (
        <button
          type="button"
          data-testid="step-out"
          disabled={leaving || !online}
          onClick={() => void stepOut()}
        >
          {t('console.desk.stepOut')}
        </button>
      ) : (
        here.length <= 1 && (
          <button
            type="button"
            data-testid="step-in"
            disabled={!online}
            onClick={() => setAsking(true)}
          >
            {t('console.desk.stepIn')}
          </button>
        )
      )}
      <RefusalFor actionKey="stepOut" />
      {asking && <StepInDialog under={signedIn} onClose={() => setAsking(false)} />}
    </div>
  );
}

function StepInDialog({ under, onClose }: { under: SignedIn; onClose: () => void }) {
  const { t } = useTranslation();
  const { connection, session, runner } = useDesk();
  const online = useOnline();
  const pending = usePending('stepIn');
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const [wrongPost, setWrongPost] = useState(false);
  const ready = staffNo.trim().length > 0 && /^\d{4,8}$/.test(pin);

  async function stepIn() {
    setWrongPost(false);
    const ack = await runner.run('stepIn', 'staff:sign-in', { staffNo: staffNo.trim(), pin });
    if (!ack?.ok) return;
    setPin('');
    // Over a live holder the server lets only a duty leader or admin in; past an expired one,
    // anyone: not this screen's post, so their session ends again at once.
    if (!ack.data.staff.roles.some((r) => r === 'duty_leader' || r === 'admin')) {
      connection.setSessionToken(ack.data.sessionToken);
      await connection.send('staff:sign-out', {}, { giveUpAfterMs: 5000 });
      connection.setSessionToken(under.sessionToken);
      setWrongPost(true);
      return;
    }
    stepInOver(under);
    await beginSession(connection, session, ack.data);
    onClose();
  }

  return (
    <Dialog
      title={t('console.desk.stepInTitle')}
      testId="step-in-dialog"
      confirmLabel={t('console.desk.stepIn')}
      confirmDisabled={!ready || !online}
      pending={pending}
      onCancel={() => {
        runner.clearRefusal();
        onClose();
      }}
      onConfirm={() => void stepIn()}
    >
      <p className="muted">{t('console.desk.stepInExplain', { name: under.staff.name })}</p>
      <label>
        {t('signIn.staffNo')}
        <input
          value={staffNo}
          inputMode="numeric"
          autoComplete="off"
          aria-label={t('signIn.staffNo')}
          onChange={(e) => setStaffNo(e.target.value)}
        />
      </label>
      <label>
        {t('signIn.pin')}
        <input
          type="password"
          value={pin}
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          aria-label={t('signIn.pin')}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
        />
      </label>
      <RefusalFor actionKey="stepIn" />
      {wrongPost && (
        <p className="error" role="alert">
          {t('signIn.wrongPost')}
        </p>
      )}
    </Dialog>
  );
}
