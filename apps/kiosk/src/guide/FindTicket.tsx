import type { HallConnection } from '@onestop/client';
import type { FoundTicket, Snapshot } from '@onestop/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAckText } from '../common/ack-text';
import { maskEntry } from '../common/masking';
import { issuedAtText } from '../common/ticket-print';
import { useLang } from '../common/use-lang';
import { guideSend, guideStore } from './guide-store';
import { printable } from './IssueForCustomer';
import { ReasonPicker } from './ReasonPicker';

type Action = { kind: 'ticket:cancel' | 'ticket:reinstate'; ticketId: string };

/** Today's tickets by number or phone: reinstate a no-show, cancel, reprint. */
export function FindTicket({ connection, hall }: { connection: HallConnection; hall: Snapshot }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const ackText = useAckText();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<FoundTicket[] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [action, setAction] = useState<Action | null>(null);

  async function find(e?: FormEvent) {
    e?.preventDefault();
    const q = query.trim().toUpperCase();
    const ack = await guideSend(
      connection,
      'ticket:find',
      /^\d+$/.test(q) ? { phone: q } : { number: q },
    );
    if (!ack.ok) return setMessage({ ok: false, text: ackText(ack) });
    setMessage(null);
    setResults(ack.data.results);
  }

  async function act(a: Action, reason: string) {
    setAction(null);
    const ack = await guideSend(connection, a.kind, { ticketId: a.ticketId, reason });
    if (!ack.ok) return setMessage({ ok: false, text: ackText(ack) });
    setMessage({
      ok: true,
      text: t('actionDone', {
        number: ack.data.ticket.number,
        state: t(`state_${ack.data.ticket.state}`),
      }),
    });
    await find();
  }

  return (
    <section className="card" aria-labelledby="find-title">
      <h2 id="find-title">{t('findTicket')}</h2>
      <form onSubmit={(e) => void find(e)} className="inline-form">
        <input
          aria-label={t('numberOrPhone')}
          placeholder={t('numberOrPhone')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" disabled={!query.trim()}>
          {t('find')}
        </button>
      </form>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'hint-error'}>
          {message.text}
        </p>
      )}
      {results?.length === 0 && <p className="muted">{t('noResults')}</p>}
      <ul className="results">
        {results?.map((r) => {
          const service = hall.services.find((s) => s.id === r.ticket.serviceId);
          const open = action?.ticketId === r.ticket.id ? action : null;
          return (
            <li key={r.ticket.id} data-ticket={r.ticket.number}>
              <div className="result-line">
                <strong className="result-number">{r.ticket.number}</strong>
                <span className={`pill state-${r.ticket.state}`}>
                  {t(`state_${r.ticket.state}`)}
                </span>
                <span className="muted">
                  {service ? pick(service.nameZh, service.nameEn) : ''} ·{' '}
                  {t('issuedAtShort', {
                    time: issuedAtText(r.ticket.issuedAt, hall.config.timeZone).slice(11),
                  })}
                  {r.ticket.customer.phone
                    ? ` · ${maskEntry('phone', r.ticket.customer.phone)}`
                    : ''}
                </span>
              </div>
              {r.ticket.note && <div className="result-note">{r.ticket.note}</div>}
              {open ? (
                <ReasonPicker
                  title={open.kind === 'ticket:cancel' ? t('cancelTicket') : t('reinstate')}
                  reasons={
                    open.kind === 'ticket:cancel'
                      ? ['reasonCustomerLeft', 'reasonDuplicate']
                      : ['reasonReturned', 'reasonMissedCall']
                  }
                  onCancel={() => setAction(null)}
                  onConfirm={(reason) => void act(open, reason)}
                />
              ) : (
                <div className="row-actions">
                  {(r.ticket.state === 'no_show' || r.ticket.state === 'cancelled') && (
                    <button
                      type="button"
                      onClick={() => setAction({ kind: 'ticket:reinstate', ticketId: r.ticket.id })}
                    >
                      {t('reinstate')}
                    </button>
                  )}
                  {(r.ticket.state === 'waiting' || r.ticket.state === 'called') && (
                    <button
                      type="button"
                      onClick={() => setAction({ kind: 'ticket:cancel', ticketId: r.ticket.id })}
                    >
                      {t('cancelTicket')}
                    </button>
                  )}
                  <button
                    type="button"
                    onClick={() => guideStore.getState().printTicket(printable(hall, r, pick))}
                  >
                    {t('reprint')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
