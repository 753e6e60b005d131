import { useHall, type HallConnection } from '@onestop/client';
import { isOpenAt, type Service, type ServiceQueue, type Snapshot } from '@onestop/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../common/use-lang';
import { useQueues } from '../common/use-queues';
import { waitShort } from '../common/wait';
import { kioskStore, useKiosk } from './kiosk-store';
import { useIdentityText, useKioskIdentify } from './use-identify';

/** The start screen: the hall's services by category, each with a one-line description. */
export function ServiceMenu({ connection, hall }: { connection: HallConnection; hall: Snapshot }) {
  const { t } = useTranslation();
  const link = useHall(connection, (v) => v.link);
  const queues = useQueues(connection);
  const open = useOpenNow(hall);
  const offline = link !== 'online';
  const services = hall.services.slice().sort((a, b) => a.sortOrder - b.sortOrder);
  const categories = [...new Set(services.map((s) => s.category))];
  const go = kioskStore.getState().go;
  // A bill scanned here is kept for the service the customer then chooses.
  const identify = useKioskIdentify(connection, open && !offline);
  const identityText = useIdentityText(useKiosk((s) => s.identity));

  // The closed notice takes the welcome's place, so the services still fit the screen.
  return (
    <div className="menu">
      <div className="menu-services">
        {!open && hall.config.businessHours ? (
          <p className="kiosk-closed" role="status" data-testid="kiosk-closed">
            {t('hallClosed', {
              open: hall.config.businessHours.open,
              close: hall.config.businessHours.close,
            })}
          </p>
        ) : identityText ? (
          <h2 className="kiosk-welcome" role="status" data-testid="identity">
            {t('identifiedChooseService', { what: identityText })}
          </h2>
        ) : identify.status.name === 'problem' ? (
          <h2 className="kiosk-welcome hint-error" role="alert" data-testid="identify-problem">
            {identify.status.text}
          </h2>
        ) : (
          <h2 className="kiosk-welcome">{t('kioskWelcome')}</h2>
        )}
        {services.length === 0 && <p className="kiosk-empty-note">{t('noServices')}</p>}
        <div className="service-groups">
          {categories.map((category) => (
            <section key={category} className="service-group" aria-labelledby={`cat-${category}`}>
              <h3 id={`cat-${category}`} className="service-category">
                {t(`category_${category}`, { defaultValue: t('category_other') })}
              </h3>
              <div className="service-grid">
                {services
                  .filter((s) => s.category === category)
                  .map((s) => (
                    <ServiceButton
                      key={s.id}
                      service={s}
                      queue={queues?.find((q) => q.serviceId === s.id)}
                      timeZone={hall.config.timeZone}
                      disabled={!s.active || offline || !open}
                      onChoose={() => go({ name: 'details', serviceId: s.id })}
                    />
                  ))}
              </div>
            </section>
          ))}
        </div>
      </div>
      <div className="kiosk-secondary">
        <button
          type="button"
          onClick={() => go({ name: 'appointment' })}
          disabled={offline || !open}
        >
          <span className="secondary-title">{t('appointment')}</span>
          <span className="secondary-help">{t('appointmentHelp')}</span>
        </button>
        <button type="button" onClick={() => go({ name: 'opinion' })} disabled={offline}>
          <span className="secondary-title">{t('supervisionBox')}</span>
          <span className="secondary-help">{t('supervisionHelp')}</span>
        </button>
      </div>
    </div>
  );
}

/** Whether the hall is open, looked at again every half minute. */
function useOpenNow(hall: Snapshot): boolean {
  const { timeZone, businessHours } = hall.config;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return isOpenAt(now, timeZone, businessHours);
}

function ServiceButton({
  service,
  queue,
  timeZone,
  disabled,
  onChoose,
}: {
  service: Service;
  queue: ServiceQueue | undefined;
  timeZone: string;
  disabled: boolean;
  onChoose: () => void;
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  return (
    <button type="button" className="service-button" disabled={disabled} onClick={onChoose}>
      <span className="service-prefix" aria-hidden="true">
        {service.prefix}
      </span>
      <span className="service-name">{pick(service.nameZh, service.nameEn)}</span>
      <span className="service-desc">{pick(service.descriptionZh, service.descriptionEn)}</span>
      <span className="service-waiting">
        {!service.active
          ? t('unavailable')
          : queue
            ? `${t('waitingNow', { count: queue.waiting })} · ${waitShort(t, queue, timeZone)}`
            : '\u00a0'}
      </span>
    </button>
  );
}
