import type { HallConnection } from '@onestop/client';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { credentialsReady, SignInFields, staffNoOf } from '@onestop/ui';
import { useAckText } from '../common/ack-text';
import { guideStore, useGuide } from './guide-store';

/** Staff number and PIN; the session is kept for this browser tab. */
export function GuideSignIn({ connection }: { connection: HallConnection }) {
  const { t } = useTranslation();
  const ackText = useAckText();
  const notice = useGuide((s) => s.notice);
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const ack = await connection.send(
      'staff:sign-in',
      { staffNo: staffNoOf(staffNo), pin },
      { giveUpAfterMs: 10_000 },
    );
    setBusy(false);
    setPin('');
    if (!ack.ok) return setError(ackText(ack));
    guideStore.getState().signedIn({
      token: ack.data.sessionToken,
      name: ack.data.staff.name,
      staffNo: ack.data.staff.staffNo,
    });
  }

  return (
    <form className="sign-in card" onSubmit={(e) => void submit(e)}>
      <h2>{t('signIn')}</h2>
      {notice && <p role="status">{t(notice)}</p>}
      <SignInFields staffNo={staffNo} pin={pin} onStaffNo={setStaffNo} onPin={setPin} />
      {error && (
        <p role="alert" className="hint-error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || !credentialsReady(staffNo, pin)}>
        {busy ? t('sending') : t('signIn')}
      </button>
    </form>
  );
}
