import { useHall, type HallConnection } from '@onestop/client';
import { useTranslation } from 'react-i18next';
import { showsCountdown } from '../common/idle-timer';
import { LanguageButton } from '../common/LanguageButton';
import { LinkBanner } from '../common/LinkBanner';
import { PairedOnly } from '../common/PairedOnly';
import { useLang } from '../common/use-lang';
import { AdminExit } from './AdminExit';
import { AppointmentCheckIn } from './AppointmentCheckIn';
import { finishCustomer } from './finish';
import { IssuedScreen } from './IssuedScreen';
import { IssuingScreen } from './IssuingScreen';
import { kioskStore, useKiosk } from './kiosk-store';
import { OpinionBox } from './OpinionBox';
import { ServiceMenu } from './ServiceMenu';
import { TicketDetails } from './TicketDetails';
import { useKioskIdle } from './use-kiosk-idle';

// The self-service kiosk (/kiosk): choose a service, optionally identify, take a ticket; or
// check in for an appointment, or leave an opinion in the supervision box.

export function KioskApp() {
  return <PairedOnly>{(connection) => <Kiosk connection={connection} />}</PairedOnly>;
}

function Kiosk({ connection }: { connection: HallConnection }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const step = useKiosk((s) => s.step);
  const largeText = useKiosk((s) => s.largeText);
  const toggleLarge = useKiosk((s) => s.toggleLargeText);
  const hall = useHall(connection, (v) => v.hall);
  const link = useHall(connection, (v) => v.link);
  const left = useKioskIdle(finishCustomer);

  return (
    <div className={`kiosk ${largeText ? 'large-text' : ''}`} data-step={step.name}>
      <header className="kiosk-header">
        <AdminExit>
          <h1>{hall ? pick(hall.config.nameZh, hall.config.nameEn) : t('appName')}</h1>
        </AdminExit>
        <div className="kiosk-tools">
          <button type="button" onClick={toggleLarge} aria-pressed={largeText}>
            {largeText ? t('normalText') : t('largeText')}
          </button>
          <LanguageButton />
        </div>
      </header>
      <LinkBanner connection={connection} offlineText={t('offlineKiosk')} />
      {!hall ? (
        <main className="kiosk-empty" aria-busy={link !== 'offline'}>
          <p>{link === 'offline' ? t('offlineKiosk') : t('connecting')}</p>
        </main>
      ) : (
        <main className="kiosk-main">
          {step.name === 'menu' && <ServiceMenu connection={connection} hall={hall} />}
          {step.name === 'details' && (
            <TicketDetails connection={connection} hall={hall} serviceId={step.serviceId} />
          )}
          {step.name === 'issuing' && <IssuingScreen connection={connection} />}
          {step.name === 'issued' && <IssuedScreen hall={hall} />}
          {step.name === 'appointment' && <AppointmentCheckIn connection={connection} />}
          {step.name === 'opinion' && <OpinionBox connection={connection} />}
          {step.name === 'thanks' && <Thanks />}
          {step.name === 'error' && <ErrorScreen message={step.message} />}
        </main>
      )}
      {left !== null && showsCountdown(step.name) && (
        <footer className="kiosk-countdown" aria-live="off">
          {t('backInSeconds', { seconds: left })}
        </footer>
      )}
    </div>
  );
}

function Thanks() {
  const { t } = useTranslation();
  return (
    <section className="issued" role="status">
      <p className="big-message">{t('opinionThanks')}</p>
      <button type="button" className="primary" onClick={finishCustomer}>
        {t('done')}
      </button>
    </section>
  );
}

function ErrorScreen({ message }: { message: string }) {
  const { t } = useTranslation();
  const back = () => kioskStore.getState().go({ name: 'menu' });
  return (
    <section className="issued" role="alert">
      <h2>{t('errorTitle')}</h2>
      <p className="big-message">{message}</p>
      <button type="button" className="primary" onClick={back}>
        {t('back')}
      </button>
    </section>
  );
}
