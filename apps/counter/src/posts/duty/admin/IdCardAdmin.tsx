import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, usePending } from '../../../common/desk';
import { useQuery } from '../../../common/use-query';
import { RefusalFor } from '../ConsoleDialog';
import { TextField } from './fields';

// A customer's resident ID card, registered by the admin so the kiosk's reader finds their
// account (docs/customer-identification.md). The number typed here goes to the hall once and
// is not kept on the page; the hall keeps its keyed digest and last four, all ever shown.

const ID_NUMBER = /^\d{17}[\dXx]$/;

export interface IdCards {
  /** The last four of each listed account's card the hall can match. */
  last4: Record<string, string>;
  /** Listed accounts whose card was registered under another ID card key: matched by nothing. */
  otherKey: ReadonlySet<string>;
  /** How many customers in all have a card under another key. */
  underOtherKey: number;
}

/** The registered cards of the listed accounts (last four only), for the list's column. */
export function useIdCards(accountNos: string[], refresh: number): IdCards {
  const online = useOnline();
  const key = online && accountNos.length > 0 ? `${accountNos.join(',')}|${refresh}` : null;
  const cards = useQuery('admin:id-cards', key ? { accountNos } : null, key);
  return {
    last4: cards.data?.last4 ?? {},
    otherKey: new Set(cards.data?.otherKey ?? []),
    underOtherKey: cards.data?.underOtherKey ?? 0,
  };
}

/** Cards registered under another key (a lost key file): said above the list. */
export function IdCardKeyBanner({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <p className="hint-error" role="alert" data-testid="id-card-other-key">
      {t('idCard.otherKeyBanner', { count })}
    </p>
  );
}

export function IdCardCell({ last4, otherKey }: { last4: string | undefined; otherKey: boolean }) {
  const { t } = useTranslation();
  return (
    <td data-testid="id-card">
      {last4 ? (
        t('idCard.registered', { last4 })
      ) : otherKey ? (
        <span className="hint-error">{t('idCard.otherKey')}</span>
      ) : (
        <span className="muted">—</span>
      )}
    </td>
  );
}

/** Register or remove the ID card of the account chosen in the list. */
export function IdCardForm({
  accountNo,
  last4,
  otherKey,
  onSaved,
}: {
  accountNo: string;
  last4: string | undefined;
  /** Registered under another key: it matches nothing until registered again. */
  otherKey: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const online = useOnline();
  const busy = usePending('admin-id-card');
  const [idNumber, setIdNumber] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const ready = ID_NUMBER.test(idNumber.trim());
  const save = (value: string | null) =>
    void runner
      .run('admin-id-card', 'admin:register-id-card', { accountNo, idNumber: value })
      .then((ack) => {
        setIdNumber(''); // never kept on the page, right or wrong
        if (!ack?.ok) return;
        const saved = ack.data.idCardLast4;
        setDone(saved ? t('idCard.saved', { last4: saved }) : t('idCard.removed'));
        onSaved();
      });
  return (
    <form
      className="id-card-form"
      data-testid="id-card-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) save(idNumber.trim());
      }}
    >
      <p>
        <strong>{t('idCard.title', { account: accountNo })}</strong>{' '}
        <span className="muted" data-testid="id-card-state">
          {last4
            ? t('idCard.registered', { last4 })
            : otherKey
              ? t('idCard.otherKey')
              : t('idCard.none')}
        </span>
      </p>
      <div className="id-card-actions">
        <TextField
          label={t('idCard.number')}
          value={idNumber}
          maxLength={18}
          type="password"
          onChange={(v) => {
            setDone(null);
            setIdNumber(v.replace(/[^\dXx]/g, ''));
          }}
        />
        <button type="submit" className="primary" disabled={!online || busy || !ready}>
          {t('idCard.register')}
        </button>
        {(last4 || otherKey) && (
          <button type="button" disabled={!online || busy} onClick={() => save(null)}>
            {t('idCard.remove')}
          </button>
        )}
        {idNumber !== '' && !ready && <span className="hint-error">{t('idCard.invalid')}</span>}
        {done && (
          <span className="ok" role="status">
            {done}
          </span>
        )}
      </div>
      <p className="muted">{t('idCard.explain')}</p>
      <RefusalFor actionKey="admin-id-card" />
    </form>
  );
}
