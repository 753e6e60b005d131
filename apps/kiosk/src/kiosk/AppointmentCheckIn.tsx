import type { HallConnection } from '@onestop/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad } from '@onestop/ui';
import { isPhone, maskEntry } from '../common/masking';
import { BackOrSend, useKioskRequest } from './KioskRequest';
import { kioskStore } from './kiosk-store';

const isCode = (v: string) => /^\d{6}$/.test(v);

/** Check in for a booked appointment by its six-digit code or the phone it was booked with. */
export function AppointmentCheckIn({ connection }: { connection: HallConnection }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const { busy, problem, request } = useKioskRequest(connection);

  async function checkIn() {
    const checkedIn = await request(
      'appointment:check-in',
      isCode(value) ? { code: value } : { phone: value },
    );
    if (checkedIn)
      kioskStore
        .getState()
        .issued(checkedIn, checkedIn.onTime ? t('checkedInOnTime') : t('checkedInLate'));
  }

  return (
    <section className="details">
      <h2>{t('appointment')}</h2>
      <p className="details-help">{t('appointmentHelp')}</p>
      <output className="entry" aria-live="polite" data-testid="entry">
        {value ? (
          isCode(value) ? (
            value
          ) : (
            maskEntry('phone', value)
          )
        ) : (
          <span className="entry-hint">{t('entryHint')}</span>
        )}
      </output>
      <p className="entry-feedback" aria-live="polite">
        {problem ? (
          <span role="alert" className="hint-error">
            {problem}
          </span>
        ) : (
          '\u00a0'
        )}
      </p>
      <Keypad value={value} onChange={setValue} maxLength={12} label={t('appointment')} />
      <BackOrSend
        busy={busy}
        ready={isCode(value) || isPhone(value)}
        label={t('checkIn')}
        onSend={checkIn}
      />
    </section>
  );
}
