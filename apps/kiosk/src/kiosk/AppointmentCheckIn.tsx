import type { HallConnection } from '@onestop/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad } from '@onestop/ui';
import { useAckText } from '../common/ack-text';
import { isPhone, maskEntry } from '../common/masking';
import { kioskStore } from './kiosk-store';

const isCode = (v: string) => /^\d{6}$/.test(v);

/** Check in for a booked appointment by its six-digit code or the phone it was booked with. */
export function AppointmentCheckIn({ connection }: { connection: HallConnection }) {
  const { t } = useTranslation();
  const ackText = useAckText();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { go } = kioskStore.getState();

  async function checkIn() {
    setBusy(true);
    setProblem(null);
    const ack = await connection.send(
      'appointment:check-in',
      isCode(value) ? { code: value } : { phone: value },
      { giveUpAfterMs: 15_000 },
    );
    setBusy(false);
    if (!ack.ok) return setProblem(ackText(ack));
    kioskStore
      .getState()
      .issued(ack.data, ack.data.onTime ? t('checkedInOnTime') : t('checkedInLate'));
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
      <div className="actions">
        <button type="button" onClick={() => go({ name: 'menu' })}>
          {t('back')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || !(isCode(value) || isPhone(value))}
          onClick={() => void checkIn()}
        >
          {busy ? t('sending') : t('checkIn')}
        </button>
      </div>
    </section>
  );
}
