import type { HallConnection } from '@onestop/client';
import type { IssuedTicket, PriorityReason, Snapshot } from '@onestop/shared';
import { useScanner } from '@onestop/ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAckText } from '../common/ack-text';
import { greetingKey } from '../common/greeting';
import { isAccountNo, isPhone } from '../common/masking';
import type { PrintableTicket } from '../common/TicketPrint';
import { useLang } from '../common/use-lang';
import { scanSource } from '../kiosk/use-identify';
import { guideSend, guideStore } from './guide-store';

const PRIORITY_REASONS = ['elderly', 'disabled', 'pregnant'] as const satisfies PriorityReason[];
/** The green channel chosen in the list; '' for none. */
const priorityFrom = (value: string): PriorityReason | '' =>
  PRIORITY_REASONS.find((p) => p === value) ?? '';

/** What the printer needs for a ticket the guide issued or found. */
export function printable(
  hall: Snapshot,
  issued: IssuedTicket, // a found ticket (FoundTicket) has the same fields
  pick: (zh: string, en: string) => string,
): PrintableTicket {
  const service = hall.services.find((s) => s.id === issued.ticket.serviceId);
  return {
    ...issued,
    serviceName: service ? pick(service.nameZh, service.nameEn) : '',
    hallName: pick(hall.config.nameZh, hall.config.nameEn),
    footer: pick(hall.config.ticketFooterZh, hall.config.ticketFooterEn),
    timeZone: hall.config.timeZone,
  };
}

/** A ticket for a customer at the guide desk: a note for the clerk, priority, a counter. */
export function IssueForCustomer({
  connection,
  hall,
}: {
  connection: HallConnection;
  hall: Snapshot;
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const ackText = useAckText();
  const [serviceId, setServiceId] = useState('');
  const [phone, setPhone] = useState('');
  const [accountNo, setAccountNo] = useState('');
  const [note, setNote] = useState('');
  const [priority, setPriority] = useState<PriorityReason | ''>('');
  const [counterId, setCounterId] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const phoneInput = useRef<HTMLInputElement>(null);
  const noteInput = useRef<HTMLInputElement>(null);

  // A bill scanned at the desk (docs/customer-identification.md): the hall reads it and the
  // account goes into the field, as if typed; the scan's first key, which reached whichever
  // field had the focus before the burst could be told, is taken back out.
  useScanner((code) => {
    const focused = document.activeElement;
    const unleak = (v: string) => (v.endsWith(code[0]!) ? v.slice(0, -1) : v);
    if (focused === phoneInput.current) setPhone(unleak);
    if (focused === noteInput.current) setNote(unleak);
    void (async () => {
      const ack = await guideSend(connection, 'customer:identify', {
        source: scanSource(code),
        value: code,
      });
      if (!ack.ok) return setResult({ ok: false, text: ackText(ack) });
      const { accountNo: scanned, name, vip } = ack.data;
      if (!scanned) return;
      setAccountNo(scanned);
      setResult({
        ok: true,
        text: t('scanFilled', { account: scanned, name: name ?? '', vip: vip ? ' VIP' : '' }),
      });
    })();
  });

  const phoneBad = phone !== '' && !isPhone(phone);
  const accountBad = accountNo !== '' && !isAccountNo(accountNo);
  const counters = hall.counters
    .filter((c) => !serviceId || c.serviceIds.includes(serviceId))
    .sort((a, b) => a.number - b.number);

  async function issue(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const customer =
      phone || accountNo
        ? { phone: phone || null, accountNo: accountNo || null, name: null }
        : null;
    const ack = await guideSend(connection, 'ticket:issue', {
      serviceId,
      ...(customer ? { customer } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(priority ? { priority: 'priority' as const, priorityReason: priority } : {}),
      ...(counterId ? { targetCounterId: counterId } : {}),
    });
    setBusy(false);
    if (!ack.ok) return setResult({ ok: false, text: ackText(ack) });
    // A VIP whose account manager, or a customer whose case owner, is at an open counter
    // waits for that counter: say so.
    const manager = ack.data.accountManager;
    const issued = t('issued', { number: ack.data.ticket.number });
    setResult({
      ok: true,
      text: manager
        ? `${issued} ${t(greetingKey(manager), { name: manager.name, counter: manager.counterNumber })}`
        : issued,
    });
    guideStore.getState().printTicket(printable(hall, ack.data, pick));
    setPhone('');
    setAccountNo('');
    setNote('');
    setPriority('');
    setCounterId('');
  }

  return (
    <form className="card" onSubmit={(e) => void issue(e)} aria-labelledby="issue-title">
      <h2 id="issue-title">{t('issueForCustomer')}</h2>
      <p className="muted">{t('scanAtDesk')}</p>
      <label>
        {t('chooseService')}
        <select value={serviceId} onChange={(e) => setServiceId(e.target.value)} required>
          <option value="" disabled>
            —
          </option>
          {hall.services
            .filter((s) => s.active)
            .sort((a, b) => a.sortOrder - b.sortOrder)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.prefix} {pick(s.nameZh, s.nameEn)}
              </option>
            ))}
        </select>
      </label>
      <div className="row">
        <label>
          {t('customerPhone')}
          <input
            ref={phoneInput}
            inputMode="tel"
            value={phone}
            aria-invalid={phoneBad}
            onChange={(e) => setPhone(e.target.value.replace(/\D/g, ''))}
          />
          {phoneBad && <span className="hint-error">{t('invalidPhone')}</span>}
        </label>
        <label>
          {t('customerAccount')}
          <input
            inputMode="numeric"
            value={accountNo}
            aria-invalid={accountBad}
            onChange={(e) => setAccountNo(e.target.value.replace(/\D/g, ''))}
          />
          {accountBad && <span className="hint-error">{t('invalidAccount')}</span>}
        </label>
      </div>
      <label>
        {t('noteForClerk')}
        <input
          ref={noteInput}
          value={note}
          maxLength={200}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <div className="row">
        <label>
          {t('priorityReason')}
          <select value={priority} onChange={(e) => setPriority(priorityFrom(e.target.value))}>
            <option value="">{t('notPriority')}</option>
            {PRIORITY_REASONS.map((p) => (
              <option key={p} value={p}>
                {t(p)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('targetCounter')}
          <select value={counterId} onChange={(e) => setCounterId(e.target.value)}>
            <option value="">{t('anyCounter')}</option>
            {counters.map((c) => (
              <option key={c.id} value={c.id}>
                {t('counter', { number: c.number })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button
        type="submit"
        className="primary"
        disabled={busy || !serviceId || phoneBad || accountBad}
      >
        {busy ? t('sending') : t('takeTicket')}
      </button>
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'ok' : 'hint-error'}>
          {result.text}
        </p>
      )}
    </form>
  );
}
