import { useHall, type HallConnection } from '@onestop/client';
import { errorMessages, type Service } from '@onestop/shared';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hallConnection } from '../common/connection';
import { Keypad } from '../common/Keypad';
import { LinkBanner, PairedOnly } from '../common/LinkState';
import { isAccountNo, isPhone, maskForScreen } from '../common/masking';
import { printTicket, TicketPrint } from '../common/TicketPrint';
import { toggleLanguage } from '../i18n';
import { IDLE_SECONDS, useKiosk } from './kiosk-store';

// The self-service kiosk (/kiosk): choose a service, optionally identify, take a ticket.

function useErrorText() {
  const { i18n } = useTranslation();
  return (ack: { code: string; message: string }) => {
    const m = errorMessages[ack.code as keyof typeof errorMessages];
    return m ? (i18n.language === 'zh' ? m.zh : m.en) : ack.message;
  };
}

/** Back to the start after a while without a touch. */
function useIdleReset(seconds: number, active: boolean) {
  const reset = useKiosk((s) => s.reset);
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    if (!active) return;
    setLeft(seconds);
    const touched = () => setLeft(seconds);
    window.addEventListener('pointerdown', touched);
    const timer = setInterval(() => setLeft((l) => l - 1), 1000);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pointerdown', touched);
    };
  }, [seconds, active]);
  useEffect(() => {
    if (active && left <= 0) reset();
  }, [left, active, reset]);
  return left;
}

export function KioskApp() {
  const connection = hallConnection();
  return (
    <PairedOnly connection={connection}>
      <Kiosk connection={connection} />
    </PairedOnly>
  );
}

function Kiosk({ connection }: { connection: HallConnection }) {
  const { t } = useTranslation();
  const step = useKiosk((s) => s.step);
  const largeText = useKiosk((s) => s.largeText);
  const toggleLarge = useKiosk((s) => s.toggleLargeText);
  const hall = useHall(connection, (v) => v.hall);
  const link = useHall(connection, (v) => v.link);
  useIdleReset(
    step.name === 'issued' ? IDLE_SECONDS.issued : IDLE_SECONDS.other,
    step.name !== 'menu',
  );

  return (
    <div className={`kiosk ${largeText ? 'large-text' : ''}`}>
      <header className="kiosk-header">
        <h1>{hall?.config.nameZh ?? t('appName')}</h1>
        <div className="kiosk-tools">
          <button type="button" onClick={toggleLarge}>
            {largeText ? t('normalText') : t('largeText')}
          </button>
          <button type="button" onClick={toggleLanguage}>
            {t('language')}
          </button>
        </div>
      </header>
      <LinkBanner connection={connection} />
      {!hall ? (
        <main className="kiosk-empty">
          <p>{link === 'offline' ? t('offline') : t('connecting')}</p>
        </main>
      ) : (
        <main>
          {step.name === 'menu' && <ServiceMenu connection={connection} services={hall.services} />}
          {step.name === 'details' && (
            <Details
              connection={connection}
              service={hall.services.find((s) => s.id === step.serviceId)!}
            />
          )}
          {step.name === 'issuing' && <p className="kiosk-busy">{t('sending')}</p>}
          {step.name === 'issued' && <Issued connection={connection} />}
          {step.name === 'appointment' && <Appointment connection={connection} />}
          {step.name === 'opinion' && <OpinionForm connection={connection} />}
          {step.name === 'thanks' && <Thanks />}
          {step.name === 'error' && <ErrorScreen message={step.message} />}
        </main>
      )}
    </div>
  );
}

function ServiceMenu({
  connection,
  services,
}: {
  connection: HallConnection;
  services: Service[];
}) {
  const { t, i18n } = useTranslation();
  const go = useKiosk((s) => s.go);
  const tickets = useHall(connection, (v) => v.hall?.tickets ?? []);
  const link = useHall(connection, (v) => v.link);
  const zh = i18n.language === 'zh';
  const waiting = useMemo(() => {
    const m = new Map<string, number>();
    for (const tk of tickets)
      if (tk.state === 'waiting') m.set(tk.serviceId, (m.get(tk.serviceId) ?? 0) + 1);
    return m;
  }, [tickets]);
  const categories = [...new Set(services.map((s) => s.category))];
  return (
    <>
      <h2 className="kiosk-welcome">{t('kioskWelcome')}</h2>
      {categories.map((category) => (
        <section key={category} className="service-group">
          <div className="service-grid">
            {services
              .filter((s) => s.category === category)
              .map((s) => (
                <button
                  type="button"
                  key={s.id}
                  className="service-button"
                  disabled={!s.active || link === 'offline'}
                  onClick={() => go({ name: 'details', serviceId: s.id })}
                >
                  <span className="service-prefix">{s.prefix}</span>
                  <span className="service-name">{zh ? s.nameZh : s.nameEn}</span>
                  <span className="service-desc">{zh ? s.descriptionZh : s.descriptionEn}</span>
                  <span className="service-waiting">
                    {s.active
                      ? t('waitingNow', { count: waiting.get(s.id) ?? 0 })
                      : t('unavailable')}
                  </span>
                </button>
              ))}
          </div>
        </section>
      ))}
      <div className="kiosk-secondary">
        <button
          type="button"
          onClick={() => go({ name: 'appointment' })}
          disabled={link === 'offline'}
        >
          {t('appointment')}
        </button>
        <button type="button" onClick={() => go({ name: 'opinion' })} disabled={link === 'offline'}>
          {t('supervisionBox')}
        </button>
      </div>
    </>
  );
}

function Details({ connection, service }: { connection: HallConnection; service: Service }) {
  const { t, i18n } = useTranslation();
  const go = useKiosk((s) => s.go);
  const reset = useKiosk((s) => s.reset);
  const errorText = useErrorText();
  const [kind, setKind] = useState<'phone' | 'accountNo'>('phone');
  const [value, setValue] = useState('');
  const [priority, setPriority] = useState<'elderly' | 'disabled' | 'pregnant' | null>(null);
  const [vip, setVip] = useState(false);
  const valid = value === '' || (kind === 'phone' ? isPhone(value) : isAccountNo(value));

  useEffect(() => {
    setVip(false);
    if (kind !== 'accountNo' || !isAccountNo(value)) return;
    let stale = false;
    void connection
      .send('customer:lookup', { accountNo: value }, { giveUpAfterMs: 3000 })
      .then((ack) => {
        if (!stale && ack.ok) setVip(ack.data.vip);
      });
    return () => {
      stale = true;
    };
  }, [kind, value, connection]);

  async function take(withIdentity: boolean) {
    go({ name: 'issuing' });
    const customer =
      withIdentity && value
        ? {
            phone: kind === 'phone' ? value : null,
            accountNo: kind === 'accountNo' ? value : null,
            name: null,
          }
        : undefined;
    // Retried with the same command id until the server answers: one ticket per request.
    const ack = await connection.send('ticket:issue', {
      serviceId: service.id,
      ...(customer ? { customer } : {}),
      ...(priority ? { priority: 'priority' as const, priorityReason: priority } : {}),
    });
    if (ack.ok) go({ name: 'issued', issued: ack.data, note: null });
    else go({ name: 'error', message: errorText(ack) });
  }

  return (
    <section className="details">
      <h2>{i18n.language === 'zh' ? service.nameZh : service.nameEn}</h2>
      <p>{t('optionalIdentity')}</p>
      <div className="segmented" role="group">
        <button
          type="button"
          aria-pressed={kind === 'phone'}
          onClick={() => {
            setKind('phone');
            setValue('');
          }}
        >
          {t('phone')}
        </button>
        <button
          type="button"
          aria-pressed={kind === 'accountNo'}
          onClick={() => {
            setKind('accountNo');
            setValue('');
          }}
        >
          {t('accountNo')}
        </button>
      </div>
      <output className="entry" aria-live="polite" data-testid="entry">
        {value ? maskForScreen(kind, value) : '—'}
      </output>
      {!valid && (
        <p className="hint-error">{kind === 'phone' ? t('invalidPhone') : t('invalidAccount')}</p>
      )}
      {vip && <p className="vip">{t('vipRecognised')}</p>}
      <Keypad value={value} onChange={setValue} maxLength={kind === 'phone' ? 12 : 20} />
      <fieldset className="priority">
        <legend>
          {t('priorityChannel')} · <small>{t('priorityHelp')}</small>
        </legend>
        {(['elderly', 'disabled', 'pregnant'] as const).map((p) => (
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
        <button type="button" onClick={reset}>
          {t('back')}
        </button>
        <button type="button" onClick={() => void take(false)}>
          {t('skip')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!valid || value === ''}
          onClick={() => void take(true)}
        >
          {t('takeTicket')}
        </button>
      </div>
    </section>
  );
}

function Issued({ connection }: { connection: HallConnection }) {
  const { t, i18n } = useTranslation();
  const step = useKiosk((s) => s.step);
  const reset = useKiosk((s) => s.reset);
  const hall = useHall(connection, (v) => v.hall)!;
  const paper = new URLSearchParams(window.location.search).get('paper') === '58' ? 58 : 80;
  const issued = step.name === 'issued' ? step.issued : null;
  useEffect(() => {
    if (issued) void printTicket(paper);
  }, [issued, paper]);
  if (!issued) return null;
  const service = hall.services.find((s) => s.id === issued.ticket.serviceId)!;
  const zh = i18n.language === 'zh';
  const minutes = Math.max(1, Math.round(issued.estimatedWaitSec / 60));
  return (
    <section className="issued">
      <p>{t('yourNumber')}</p>
      <p className="big-number" data-testid="ticket-number">
        {issued.ticket.number}
      </p>
      <p className="issued-service">{zh ? service.nameZh : service.nameEn}</p>
      {step.name === 'issued' && step.note && <p className="kiosk-note">{step.note}</p>}
      <p>{t('peopleAhead', { count: issued.peopleAhead })}</p>
      <p>{t('estimatedWait', { minutes })}</p>
      <p className="muted">{t('printing')}</p>
      <div className="actions">
        <button type="button" onClick={() => void printTicket(paper)}>
          {t('printAgain')}
        </button>
        <button type="button" className="primary" onClick={reset}>
          {t('done')}
        </button>
      </div>
      <TicketPrint
        paper={paper}
        data={{
          ticket: issued.ticket,
          service,
          peopleAhead: issued.peopleAhead,
          estimatedWaitSec: issued.estimatedWaitSec,
          statusToken: issued.statusToken,
          hallName: zh ? hall.config.nameZh : hall.config.nameEn,
          footer: zh ? hall.config.ticketFooterZh : hall.config.ticketFooterEn,
        }}
      />
    </section>
  );
}

function Appointment({ connection }: { connection: HallConnection }) {
  const { t } = useTranslation();
  const go = useKiosk((s) => s.go);
  const reset = useKiosk((s) => s.reset);
  const errorText = useErrorText();
  const [value, setValue] = useState('');
  const [note, setNote] = useState<string | null>(null);
  async function checkIn() {
    const ack = await connection.send(
      'appointment:check-in',
      value.length === 6 ? { code: value } : { phone: value },
    );
    if (!ack.ok) return setNote(errorText(ack));
    go({
      name: 'issued',
      issued: ack.data,
      note: ack.data.onTime ? t('checkedInOnTime') : t('checkedInLate'),
    });
  }
  return (
    <section className="details">
      <h2>{t('appointment')}</h2>
      <p>{t('appointmentHelp')}</p>
      <output className="entry" data-testid="entry">
        {value ? (value.length > 6 ? maskForScreen('phone', value) : value) : '—'}
      </output>
      {note && (
        <p role="alert" className="hint-error">
          {note}
        </p>
      )}
      <Keypad value={value} onChange={setValue} maxLength={12} />
      <div className="actions">
        <button type="button" onClick={reset}>
          {t('back')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!(value.length === 6 || isPhone(value))}
          onClick={() => void checkIn()}
        >
          {t('checkIn')}
        </button>
      </div>
    </section>
  );
}

function OpinionForm({ connection }: { connection: HallConnection }) {
  const { t } = useTranslation();
  const go = useKiosk((s) => s.go);
  const reset = useKiosk((s) => s.reset);
  const errorText = useErrorText();
  const [category, setCategory] = useState<'complaint' | 'suggestion' | 'praise' | 'correction'>(
    'suggestion',
  );
  const [text, setText] = useState('');
  const [contact, setContact] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit() {
    const ack = await connection.send('opinion:submit', {
      category,
      text,
      ...(contact.trim() ? { contact: contact.trim() } : {}),
    });
    if (ack.ok) go({ name: 'thanks' });
    else setError(errorText(ack));
  }
  return (
    <section className="details">
      <h2>{t('opinionTitle')}</h2>
      <div className="segmented" role="group" aria-label={t('opinionCategory')}>
        {(['complaint', 'suggestion', 'praise', 'correction'] as const).map((c) => (
          <button
            type="button"
            key={c}
            aria-pressed={category === c}
            onClick={() => setCategory(c)}
          >
            {t(c)}
          </button>
        ))}
      </div>
      <label className="field">
        {t('opinionText')}
        <textarea rows={5} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <label className="field">
        {t('contactOptional')}
        <input value={contact} maxLength={60} onChange={(e) => setContact(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="hint-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={reset}>
          {t('back')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={text.trim().length < 2}
          onClick={() => void submit()}
        >
          {t('submit')}
        </button>
      </div>
    </section>
  );
}

function Thanks() {
  const { t } = useTranslation();
  const reset = useKiosk((s) => s.reset);
  return (
    <section className="issued">
      <p className="big-message">{t('opinionThanks')}</p>
      <button type="button" className="primary" onClick={reset}>
        {t('done')}
      </button>
    </section>
  );
}

function ErrorScreen({ message }: { message: string }) {
  const { t } = useTranslation();
  const reset = useKiosk((s) => s.reset);
  return (
    <section className="issued" role="alert">
      <h2>{t('errorTitle')}</h2>
      <p>{message}</p>
      <button type="button" className="primary" onClick={reset}>
        {t('back')}
      </button>
    </section>
  );
}
