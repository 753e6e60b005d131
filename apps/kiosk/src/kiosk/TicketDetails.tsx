import { useQuery, type HallConnection } from '@onestop/client';
import type { PriorityReason, Snapshot } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad } from '@onestop/ui';
import { useAckText } from '../common/ack-text';
import { entryProblem, isAccountNo, maskEntry, type EntryKind } from '../common/masking';
import { useLang } from '../common/use-lang';
import { kioskStore, useKiosk } from './kiosk-store';
import { useIdentityText, useKioskIdentify } from './use-identify';

const PRIORITY_REASONS: readonly PriorityReason[] = ['elderly', 'disabled', 'pregnant'];

/** After choosing a service: optionally a phone or account number, the green channel, take. */
export function TicketDetails({
  connection,
  hall,
  serviceId,
}: {
  connection: HallConnection;
  hall: Snapshot;
  serviceId: string;
}) {
  const { t } = useTranslation();
  const { pick, zh } = useLang();
  const ackText = useAckText();
  const [kind, setKind] = useState<EntryKind>('phone');
  const [value, setValue] = useState('');
  const [priority, setPriority] = useState<PriorityReason | null>(null);
  // "Text me when my turn is near": unticked until the customer ticks it, for a phone only.
  const [textMe, setTextMe] = useState(false);
  const typedVip = useVipGreeting(connection, kind, value);
  // A scanned bill or a read ID card stands for the typed number (docs/customer-identification.md).
  const identity = useKiosk((s) => s.identity);
  const identify = useKioskIdentify(connection, true);
  const identityText = useIdentityText(identity);
  const vip = identity ? identity.vipName : typedVip;
  const service = hall.services.find((s) => s.id === serviceId);
  if (!service) return null;
  const problem = entryProblem(kind, value);
  const { go } = kioskStore.getState();
  const phoneReady = kind === 'phone' && value !== '' && problem === null;

  async function take(withIdentity: boolean) {
    go({ name: 'issuing', serviceId });
    const identityToken = withIdentity && identity && value === '' ? identity.identityToken : null;
    const customer =
      withIdentity && value
        ? {
            phone: kind === 'phone' ? value : null,
            accountNo: kind === 'accountNo' ? value : null,
            name: null,
          }
        : undefined;
    // No give-up: retried with the same command id until the hall answers, so one request
    // yields one ticket even across a dropped link or a server restart.
    const notifyConsent = Boolean(customer?.phone) && textMe;
    const ack = await connection.send('ticket:issue', {
      serviceId,
      ...(customer ? { customer } : {}),
      ...(identityToken ? { identityToken } : {}),
      ...(priority ? { priority: 'priority' as const, priorityReason: priority } : {}),
      ...(notifyConsent ? { notifyConsent: true as const, lang: zh ? 'zh' : 'en' } : {}),
    });
    if (ack.ok)
      kioskStore.getState().issued(notifyConsent ? { ...ack.data, notifyConsent } : ack.data, null);
    else go({ name: 'error', message: ackText(ack) });
  }

  const chooseKind = (k: EntryKind) => {
    setKind(k);
    setValue('');
  };
  // Typing a number instead puts the identification aside.
  const type = (v: string) => {
    if (identity) identify.clear();
    setValue(v);
  };
  const { status } = identify;

  return (
    <section className="details">
      <h2>{pick(service.nameZh, service.nameEn)}</h2>
      <p className="details-help">{t('optionalIdentity')}</p>
      <div className="segmented" role="group" aria-label={t('optionalIdentity')}>
        {(['phone', 'accountNo'] as const).map((k) => (
          <button type="button" key={k} aria-pressed={kind === k} onClick={() => chooseKind(k)}>
            {t(k)}
          </button>
        ))}
        {identify.readCard && (
          <button
            type="button"
            aria-pressed={status.name === 'reading_card'}
            disabled={status.name === 'reading_card' || status.name === 'identifying'}
            data-testid="read-id-card"
            onClick={() => void identify.readCard?.()}
          >
            {t('idCard')}
          </button>
        )}
      </div>
      <output className="entry" aria-live="polite" data-testid="entry">
        {value ? (
          maskEntry(kind, value)
        ) : identityText ? (
          <span className="entry-identity" data-testid="identity">
            {identityText}
          </span>
        ) : (
          <span className="entry-hint">{t('entryHint')}</span>
        )}
      </output>
      <p className="entry-feedback" aria-live="polite" data-testid="entry-feedback">
        {value.length >= 6 && problem ? (
          <span className="hint-error">{t(problem)}</span>
        ) : status.name === 'problem' ? (
          <span className="hint-error">{status.text}</span>
        ) : status.name !== 'idle' ? (
          <span>{t(status.name === 'reading_card' ? 'idCardPlace' : 'identifying')}</span>
        ) : vip ? (
          <span className="vip">{t('vipRecognised', { name: vip })}</span>
        ) : identity ? (
          '\u00a0'
        ) : (
          <span className="entry-hint">{t('scanHint')}</span>
        )}
      </p>
      {kind === 'phone' && (
        <button
          type="button"
          role="checkbox"
          className="text-me"
          aria-checked={textMe && phoneReady}
          disabled={!phoneReady}
          data-testid="text-me"
          onClick={() => setTextMe(!textMe)}
        >
          <span className="text-me-box" aria-hidden="true">
            {textMe && phoneReady ? '✓' : ''}
          </span>
          <span>
            {t('textMeConsent')}
            <small>{t('textMeHelp')}</small>
          </span>
        </button>
      )}
      <Keypad
        value={value}
        onChange={type}
        maxLength={kind === 'phone' ? 12 : 20}
        label={t(kind)}
      />
      <fieldset className="priority">
        {/* The legend a title only: a longer one wraps across the dashed border. */}
        <legend>{t('priorityChannel')}</legend>
        <p className="priority-help">{t('priorityHelp')}</p>
        {PRIORITY_REASONS.map((p) => (
          <button
            type="button"
            key={p}
            aria-pressed={priority === p}
            onClick={() => setPriority(priority === p ? null : p)}
          >
            {t(p)}
          </button>
        ))}
      </fieldset>
      <div className="actions">
        <button type="button" onClick={() => go({ name: 'menu' })}>
          {t('back')}
        </button>
        <button type="button" onClick={() => void take(false)}>
          {t('skip')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={value === '' ? identity === null : problem !== null}
          onClick={() => void take(true)}
        >
          {t('takeTicket')}
        </button>
      </div>
    </section>
  );
}

/** The hall recognises a VIP by account number; the kiosk only greets (the server decides). */
function useVipGreeting(connection: HallConnection, kind: EntryKind, value: string): string | null {
  const asking = kind === 'accountNo' && isAccountNo(value);
  const { data } = useQuery(
    connection,
    'customer:lookup',
    asking ? { accountNo: value } : null,
    asking ? value : null,
    { giveUpAfterMs: 3000, delayMs: 400, fresh: true },
  );
  return asking && data?.vip ? (data.name ?? '') : null;
}
