import { useHall, type HallConnection } from '@onestop/client';
import { errorMessages, type FoundTicket, type ServiceQueue } from '@onestop/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hallConnection } from '../common/connection';
import { LinkBanner, PairedOnly } from '../common/LinkState';
import { printTicket, TicketPrint, type PrintableTicket } from '../common/TicketPrint';
import { toggleLanguage } from '../i18n';

// The guide desk (/guide, guide staff signed in): issue a ticket for a customer with a note, a
// priority and a counter; find a ticket by number or phone; reinstate, cancel, reprint; and
// the queues against their targets.

const SESSION_KEY = 'onestop.guideSession';

export function GuideApp() {
  const connection = hallConnection();
  return (
    <PairedOnly connection={connection}>
      <Guide connection={connection} />
    </PairedOnly>
  );
}

function useAckText() {
  const { i18n } = useTranslation();
  return (ack: { code: string; message: string }) => {
    const m = errorMessages[ack.code as keyof typeof errorMessages];
    return m ? (i18n.language === 'zh' ? m.zh : m.en) : ack.message;
  };
}

function Guide({ connection }: { connection: HallConnection }) {
  const { t } = useTranslation();
  const [signedIn, setSignedIn] = useState(() => {
    const saved = sessionStorage.getItem(SESSION_KEY);
    if (saved) connection.setSessionToken(saved);
    return saved !== null;
  });
  const signOut = async () => {
    await connection.send('staff:sign-out', {});
    sessionStorage.removeItem(SESSION_KEY);
    connection.setSessionToken(null);
    setSignedIn(false);
  };
  return (
    <div className="guide">
      <header className="guide-header">
        <h1>{t('guideTitle')}</h1>
        <div>
          <button type="button" onClick={toggleLanguage}>
            {t('language')}
          </button>
          {signedIn && (
            <button type="button" onClick={() => void signOut()}>
              {t('signOut')}
            </button>
          )}
        </div>
      </header>
      <LinkBanner connection={connection} />
      {signedIn ? (
        <div className="guide-body">
          <IssueForm connection={connection} />
          <FindTicket connection={connection} />
          <QueueGlance connection={connection} />
        </div>
      ) : (
        <SignIn connection={connection} onDone={() => setSignedIn(true)} />
      )}
    </div>
  );
}

function SignIn({ connection, onDone }: { connection: HallConnection; onDone: () => void }) {
  const { t } = useTranslation();
  const ackText = useAckText();
  const [staffNo, setStaffNo] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const ack = await connection.send('staff:sign-in', { staffNo, pin }, { giveUpAfterMs: 10_000 });
    if (!ack.ok) return setError(ackText(ack));
    sessionStorage.setItem(SESSION_KEY, ack.data.sessionToken);
    connection.setSessionToken(ack.data.sessionToken);
    await connection.resync();
    onDone();
  }
  return (
    <form className="sign-in" onSubmit={(e) => void submit(e)}>
      <label>
        {t('staffNo')}
        <input
          value={staffNo}
          onChange={(e) => setStaffNo(e.target.value)}
          autoComplete="username"
        />
      </label>
      <label>
        {t('pin')}
        <input
          type="password"
          inputMode="numeric"
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          autoComplete="current-password"
        />
      </label>
      {error && <p role="alert">{error}</p>}
      <button type="submit" disabled={!staffNo || pin.length < 4}>
        {t('signIn')}
      </button>
    </form>
  );
}

function IssueForm({ connection }: { connection: HallConnection }) {
  const { t, i18n } = useTranslation();
  const ackText = useAckText();
  const hall = useHall(connection, (v) => v.hall);
  const [serviceId, setServiceId] = useState('');
  const [phone, setPhone] = useState('');
  const [note, setNote] = useState('');
  const [priority, setPriority] = useState(false);
  const [counterId, setCounterId] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const [print, setPrint] = useState<PrintableTicket | null>(null);
  if (!hall) return null;
  const zh = i18n.language === 'zh';
  async function issue(e: React.FormEvent) {
    e.preventDefault();
    const ack = await connection.send('ticket:issue', {
      serviceId,
      ...(phone ? { customer: { phone, accountNo: null, name: null } } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(priority ? { priority: 'priority' as const } : {}),
      ...(counterId ? { targetCounterId: counterId } : {}),
    });
    if (!ack.ok) return setResult(ackText(ack));
    setResult(t('issued', { number: ack.data.ticket.number }));
    const service = hall!.services.find((s) => s.id === serviceId)!;
    setPrint({
      ticket: ack.data.ticket,
      service,
      peopleAhead: ack.data.peopleAhead,
      estimatedWaitSec: ack.data.estimatedWaitSec,
      statusToken: ack.data.statusToken,
      hallName: zh ? hall!.config.nameZh : hall!.config.nameEn,
      footer: zh ? hall!.config.ticketFooterZh : hall!.config.ticketFooterEn,
    });
    void printTicket(80);
    setPhone('');
    setNote('');
    setPriority(false);
    setCounterId('');
  }
  return (
    <form className="card" onSubmit={(e) => void issue(e)}>
      <h2>{t('issueForCustomer')}</h2>
      <label>
        {t('chooseService')}
        <select value={serviceId} onChange={(e) => setServiceId(e.target.value)} required>
          <option value="" />
          {hall.services
            .filter((s) => s.active)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.prefix} {zh ? s.nameZh : s.nameEn}
              </option>
            ))}
        </select>
      </label>
      <label>
        {t('phone')}
        <input
          inputMode="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value.replace(/\D/g, ''))}
        />
      </label>
      <label>
        {t('noteForClerk')}
        <input value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
      </label>
      <label>
        {t('targetCounter')}
        <select value={counterId} onChange={(e) => setCounterId(e.target.value)}>
          <option value="">{t('anyCounter')}</option>
          {hall.counters.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        <input type="checkbox" checked={priority} onChange={(e) => setPriority(e.target.checked)} />
        {t('priorityChannel')}
      </label>
      <button type="submit" className="primary" disabled={!serviceId}>
        {t('takeTicket')}
      </button>
      {result && <p role="status">{result}</p>}
      {print && <TicketPrint data={print} paper={80} />}
    </form>
  );
}

function FindTicket({ connection }: { connection: HallConnection }) {
  const { t, i18n } = useTranslation();
  const ackText = useAckText();
  const hall = useHall(connection, (v) => v.hall);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<FoundTicket[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [print, setPrint] = useState<PrintableTicket | null>(null);
  async function find(e?: React.FormEvent) {
    e?.preventDefault();
    const q = query.trim();
    const ack = await connection.send(
      'ticket:find',
      /^\d+$/.test(q) ? { phone: q } : { number: q },
    );
    if (!ack.ok) return setMessage(ackText(ack));
    setMessage(null);
    setResults(ack.data.results);
  }
  async function act(name: 'ticket:reinstate' | 'ticket:cancel', ticketId: string) {
    const reason = window.prompt(t('reason')) ?? '';
    if (reason.trim().length < 2) return;
    const ack = await connection.send(name, { ticketId, reason: reason.trim() });
    setMessage(
      ack.ok ? `${ack.data.ticket.number}: ${t(`state_${ack.data.ticket.state}`)}` : ackText(ack),
    );
    if (ack.ok) void find();
  }
  function reprint(r: FoundTicket) {
    if (!hall) return;
    const zh = i18n.language === 'zh';
    setPrint({
      ticket: r.ticket,
      service: hall.services.find((s) => s.id === r.ticket.serviceId)!,
      peopleAhead: r.peopleAhead,
      estimatedWaitSec: r.estimatedWaitSec,
      statusToken: r.statusToken,
      hallName: zh ? hall.config.nameZh : hall.config.nameEn,
      footer: zh ? hall.config.ticketFooterZh : hall.config.ticketFooterEn,
    });
    void printTicket(80);
  }
  return (
    <section className="card">
      <h2>{t('findTicket')}</h2>
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
      {message && <p role="status">{message}</p>}
      {results?.length === 0 && <p className="muted">{t('noResults')}</p>}
      <ul className="results">
        {results?.map((r) => (
          <li key={r.ticket.id}>
            <strong>{r.ticket.number}</strong> {t(`state_${r.ticket.state}`)}
            {r.ticket.note ? ` · ${r.ticket.note}` : ''}
            <span className="row-actions">
              {(r.ticket.state === 'no_show' || r.ticket.state === 'cancelled') && (
                <button type="button" onClick={() => void act('ticket:reinstate', r.ticket.id)}>
                  {t('reinstate')}
                </button>
              )}
              {(r.ticket.state === 'waiting' || r.ticket.state === 'called') && (
                <button type="button" onClick={() => void act('ticket:cancel', r.ticket.id)}>
                  {t('cancel')}
                </button>
              )}
              <button type="button" onClick={() => reprint(r)}>
                {t('reprint')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {print && <TicketPrint data={print} paper={80} />}
    </section>
  );
}

function QueueGlance({ connection }: { connection: HallConnection }) {
  const { t, i18n } = useTranslation();
  const hall = useHall(connection, (v) => v.hall);
  const seq = hall?.seq ?? 0;
  const [queues, setQueues] = useState<ServiceQueue[]>([]);
  useEffect(() => {
    void connection
      .send('hall:queues', {}, { giveUpAfterMs: 5000 })
      .then((ack) => ack.ok && setQueues(ack.data.queues));
  }, [seq, connection]);
  const zh = i18n.language === 'zh';
  return (
    <section className="card">
      <h2>{t('queueGlance')}</h2>
      <table className="queues">
        <thead>
          <tr>
            <th />
            <th>{t('waiting')}</th>
            <th>{t('longestWait')}</th>
            <th>{t('target')}</th>
          </tr>
        </thead>
        <tbody>
          {queues.map((q) => {
            const s = hall?.services.find((x) => x.id === q.serviceId);
            const over = q.longestWaitSec > q.targetWaitSec;
            return (
              <tr key={q.serviceId} className={over ? 'over' : ''}>
                <td>
                  {s?.prefix} {zh ? s?.nameZh : s?.nameEn}
                </td>
                <td>{q.waiting}</td>
                <td>
                  {t('minutes', { count: Math.round(q.longestWaitSec / 60) })}
                  {over ? ` (${t('overTarget')})` : ''}
                </td>
                <td>{t('minutes', { count: Math.round(q.targetWaitSec / 60) })}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
