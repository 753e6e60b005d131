import { useHall, type HallConnection } from '@onestop/client';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageButton } from '../common/LanguageButton';
import { LinkBanner } from '../common/LinkBanner';
import { PairedOnly } from '../common/PairedOnly';
import { TicketPrint } from '../common/TicketPrint';
import { paperFromUrl } from '../common/bridge';
import { FindTicket } from './FindTicket';
import { guideSend, guideStore, useGuide } from './guide-store';
import { GuideSignIn } from './GuideSignIn';
import { IssueForCustomer } from './IssueForCustomer';
import { QueueGlance } from './QueueGlance';

// The guide desk (/guide, a tablet; guide staff signed in): issue a ticket for a customer with
// a note, a priority and a counter; find a ticket by number or phone; reinstate, cancel,
// reprint; and each service's queue against its target wait.

export function GuideApp() {
  return (
    <PairedOnly sessionToken={guideStore.getState().session?.token ?? null}>
      {(connection) => <Guide connection={connection} />}
    </PairedOnly>
  );
}

function Guide({ connection }: { connection: HallConnection }) {
  const { t } = useTranslation();
  const session = useGuide((s) => s.session);
  const print = useGuide((s) => s.print);
  const printRequest = useGuide((s) => s.printRequest);
  const hall = useHall(connection, (v) => v.hall);

  useEffect(() => {
    if (!session) return;
    connection.setSessionToken(session.token);
    void connection.resync();
  }, [session, connection]);

  async function signOut() {
    await guideSend(connection, 'staff:sign-out', {});
    connection.setSessionToken(null);
    guideStore.getState().signedOut(null);
  }

  return (
    <div className="guide">
      <header className="guide-header">
        <h1>
          {t('guideTitle')}
          {hall && <small className="guide-hall"> · {hall.config.nameZh}</small>}
        </h1>
        <div className="guide-tools">
          {session && (
            <span className="guide-staff">
              {t('signedInAs', { name: session.name, staffNo: session.staffNo })}
            </span>
          )}
          <LanguageButton />
          {session && (
            <button type="button" onClick={() => void signOut()}>
              {t('signOut')}
            </button>
          )}
        </div>
      </header>
      <LinkBanner connection={connection} />
      {!session ? (
        <GuideSignIn connection={connection} />
      ) : !hall ? (
        <p className="guide-empty" aria-busy="true">
          {t('connecting')}
        </p>
      ) : (
        <div className="guide-body">
          <IssueForCustomer connection={connection} hall={hall} />
          <FindTicket connection={connection} hall={hall} />
          <QueueGlance connection={connection} hall={hall} />
        </div>
      )}
      {print && <TicketPrint data={print} paper={paperFromUrl()} printRequest={printRequest} />}
    </div>
  );
}
