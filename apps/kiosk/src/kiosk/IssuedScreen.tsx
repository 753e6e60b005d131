import type { Snapshot } from '@onestop/shared';
import { useTranslation } from 'react-i18next';
import { paperFromUrl } from '../common/bridge';
import { statusUrl } from '../common/ticket-print';
import { TicketPrint } from '../common/TicketPrint';
import { useQrCode } from '../common/use-qr-code';
import { useLang } from '../common/use-lang';
import { greetingKey } from '../common/greeting';
import { waitSentence } from '../common/wait';
import { finishCustomer } from './finish';
import { kioskStore, useKiosk } from './kiosk-store';

/** The number, large; the service, people ahead and the estimated wait; the ticket prints. */
export function IssuedScreen({ hall }: { hall: Snapshot }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const step = useKiosk((s) => s.step);
  const printRequest = useKiosk((s) => s.printRequest);
  if (step.name !== 'issued') return null;
  const { issued, note } = step;
  const service = hall.services.find((s) => s.id === issued.ticket.serviceId);
  const serviceName = service ? pick(service.nameZh, service.nameEn) : '';
  return (
    <section className="issued issued-ticket">
      <div className="issued-main">
        <p className="issued-label">{t('yourNumber')}</p>
        <p className="big-number" data-testid="ticket-number">
          {issued.ticket.number}
        </p>
        <p className="issued-service">{serviceName}</p>
        {note && <p className="kiosk-note">{note}</p>}
        {issued.accountManager && (
          <p className="vip" data-testid="account-manager">
            {t(greetingKey(issued.accountManager), {
              name: issued.accountManager.name,
              counter: issued.accountManager.counterNumber,
            })}
          </p>
        )}
      </div>
      <div className="issued-side">
        <div className="issued-facts">
          <p>{t('peopleAhead', { count: issued.peopleAhead })}</p>
          <p data-testid="issued-wait">{waitSentence(t, issued, hall.config.timeZone)}</p>
          {issued.notifyConsent && <p data-testid="issued-text-me">{t('textMeIssued')}</p>}
        </div>
        <p className="printing">{t('printing')}</p>
        <ScreenQr url={statusUrl(window.location.origin, issued.ticket.id, issued.statusToken)} />
      </div>
      <div className="actions">
        <button type="button" onClick={() => kioskStore.getState().printAgain()}>
          {t('printAgain')}
        </button>
        <button type="button" className="primary" onClick={finishCustomer}>
          {t('done')}
        </button>
      </div>
      <TicketPrint
        paper={paperFromUrl()}
        printRequest={printRequest}
        data={{
          ticket: issued.ticket,
          serviceName,
          peopleAhead: issued.peopleAhead,
          estimatedWaitSec: issued.estimatedWaitSec,
          estimatedWaitLowSec: issued.estimatedWaitLowSec,
          estimatedWaitHighSec: issued.estimatedWaitHighSec,
          noCounterOpen: issued.noCounterOpen,
          hallOpensAt: issued.hallOpensAt,
          statusToken: issued.statusToken,
          hallName: pick(hall.config.nameZh, hall.config.nameEn),
          footer: pick(hall.config.ticketFooterZh, hall.config.ticketFooterEn),
          timeZone: hall.config.timeZone,
          textMe: issued.notifyConsent === true,
        }}
      />
    </section>
  );
}

/** The phone page's QR code on screen too, for when the printer has run out of paper. */
function ScreenQr({ url }: { url: string }) {
  const { t } = useTranslation();
  const png = useQrCode(url);
  return (
    <figure className="screen-qr">
      {png ? <img src={png} alt="" width={160} height={160} /> : <span className="qr-slot" />}
      <figcaption>{t('scanOnScreen')}</figcaption>
    </figure>
  );
}
