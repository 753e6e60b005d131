import type { StaffRole } from '@onestop/shared';
import { credentialsReady, SignInFields } from '@onestop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, usePending, useView } from './desk';
import { LanguageToggle } from './LanguageToggle';
import { LinkBanner } from './LinkBanner';
import { RefusalBanner } from './RefusalBanner';
import { beginSession } from './session-store';

/** Staff number and PIN on a paired desk. */
export function SignInScreen({ title, roles }: { title: string; roles: readonly StaffRole[] }) {
  const { t, i18n } = useTranslation();
  const { connection, session, runner } = useDesk();
  const hallName = useView((v) => v.hall?.config);
  const online = useView((v) => v.link === 'online');
  const pending = usePending('signIn');
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const [wrongRole, setWrongRole] = useState(false);

  async function signIn() {
    setWrongRole(false);
    const ack = await runner.run('signIn', 'staff:sign-in', { staffNo, pin });
    if (!ack?.ok) return;
    setPin('');
    if (!ack.data.staff.roles.some((r) => roles.includes(r))) {
      // Signed in, but this screen is not for their post: end the session again at once.
      connection.setSessionToken(ack.data.sessionToken);
      await connection.send('staff:sign-out', {}, { giveUpAfterMs: 5000 });
      connection.setSessionToken(null);
      setWrongRole(true);
      return;
    }
    await beginSession(connection, session, ack.data);
  }

  const ready = credentialsReady(staffNo, pin);
  return (
    <main className="centered-screen sign-in" data-testid="sign-in">
      <header className="corner">
        <LanguageToggle />
      </header>
      <LinkBanner />
      <p className="muted">
        {hallName ? (i18n.language === 'zh' ? hallName.nameZh : hallName.nameEn) : ''}
      </p>
      <h1>{title}</h1>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && online) void signIn();
        }}
      >
        <SignInFields staffNo={staffNo} pin={pin} onStaffNo={setStaffNo} onPin={setPin} />
        <button type="submit" className="primary" disabled={!ready || pending || !online}>
          {pending ? t('common.sending') : t('signIn.submit')}
        </button>
        <RefusalBanner />
        {wrongRole && (
          <p className="error" role="alert">
            {t('signIn.wrongPost')}
          </p>
        )}
      </form>
    </main>
  );
}
