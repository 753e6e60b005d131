import { useHall, type HallConnection } from '@onestop/client';
import type { ServiceQueue, Ticket } from '@onestop/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hallConnection } from '../common/connection';
import { LinkBanner, PairedOnly } from '../common/LinkState';
import { createAnnouncer, type Announcement, type Voice } from './announcer';
import { callWording } from './speech';

// The hall display (/display): the current call per counter, a new call highlighted, recent
// calls, waiting and estimated wait per service, the duty leader's notice, date and clock; and
// the voice, queued so no announcement cuts off another. It reconnects and catches up by
// itself after a restart or a network drop.

const HIGHLIGHT_MS = 8000;

/** Announcements spoken (or, without a voice, shown) — kept for tests and for the screen. */
const spokenLog: Announcement[] = [];
(window as unknown as { __announcements: Announcement[] }).__announcements = spokenLog;

function browserVoice(onSpeak: (text: string | null) => void): Voice {
  const synth = 'speechSynthesis' in window ? window.speechSynthesis : null;
  return {
    async chime() {
      try {
        const audio = new AudioContext();
        for (const [i, freq] of [880, 660].entries()) {
          const osc = audio.createOscillator();
          const gain = audio.createGain();
          osc.frequency.value = freq;
          gain.gain.setValueAtTime(0.2, audio.currentTime + i * 0.35);
          gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + i * 0.35 + 0.3);
          osc.connect(gain).connect(audio.destination);
          osc.start(audio.currentTime + i * 0.35);
          osc.stop(audio.currentTime + i * 0.35 + 0.32);
        }
        await new Promise((r) => setTimeout(r, 750));
        void audio.close();
      } catch {
        // No audio device: the call still shows.
      }
    },
    say(text, lang) {
      onSpeak(text);
      return new Promise<void>((resolve) => {
        const voices = synth?.getVoices() ?? [];
        if (!synth || voices.length === 0) {
          // No voice installed (or headless): show the words for as long as they would take.
          setTimeout(resolve, Math.min(4000, 300 + text.length * 120));
          return;
        }
        const u = new SpeechSynthesisUtterance(text);
        u.lang = lang;
        u.voice = voices.find((v) => v.lang.startsWith(lang.slice(0, 2))) ?? null;
        u.onend = () => resolve();
        u.onerror = () => resolve();
        synth.speak(u);
      });
    },
  };
}

export function DisplayApp() {
  const connection = hallConnection();
  return (
    <PairedOnly connection={connection}>
      <Display connection={connection} />
    </PairedOnly>
  );
}

function useClock() {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function useQueues(connection: HallConnection): ServiceQueue[] {
  const [queues, setQueues] = useState<ServiceQueue[]>([]);
  const seq = useHall(connection, (v) => v.hall?.seq ?? 0);
  const link = useHall(connection, (v) => v.link);
  const last = useRef(0);
  useEffect(() => {
    if (link !== 'online') return;
    // At most every 3 s: the waiting counts move with every change, the estimate slowly.
    const wait = Math.max(0, last.current + 3000 - Date.now());
    const timer = setTimeout(() => {
      last.current = Date.now();
      void connection.send('hall:queues', {}, { giveUpAfterMs: 5000 }).then((ack) => {
        if (ack.ok) setQueues(ack.data.queues);
      });
    }, wait);
    return () => clearTimeout(timer);
  }, [seq, link, connection]);
  return queues;
}

function Display({ connection }: { connection: HallConnection }) {
  const { t, i18n } = useTranslation();
  const hall = useHall(connection, (v) => v.hall);
  const now = useClock();
  const queues = useQueues(connection);
  const [speaking, setSpeaking] = useState<string | null>(null);
  const english = new URLSearchParams(window.location.search).get('english') !== '0';
  const announcer = useMemo(
    () => createAnnouncer(browserVoice(setSpeaking), { english }),
    [english],
  );

  useEffect(
    () =>
      connection.onChange((change) => {
        const view = connection.store.getState().hall;
        if (!view) return;
        for (const event of change.events) {
          if (event.type !== 'ticket.called') continue;
          const ticket = view.tickets.find((tk) => tk.id === event.ticketId);
          const counter = view.counters.find((c) => c.id === event.counterId);
          if (!ticket || !counter) continue;
          const a = { ticketId: ticket.id, ...callWording(ticket.number, counter.number) };
          spokenLog.push(a);
          announcer.enqueue(a);
        }
      }),
    [connection, announcer],
  );

  const calls = useMemo(
    () =>
      (hall?.tickets ?? [])
        .filter(
          (tk): tk is Ticket & { calledAt: number; counterId: string } =>
            tk.calledAt !== null && tk.counterId !== null,
        )
        .sort((a, b) => b.calledAt - a.calledAt),
    [hall?.tickets],
  );
  if (!hall) {
    return (
      <div className="display">
        <LinkBanner connection={connection} />
        <p className="display-empty">{t('connecting')}</p>
      </div>
    );
  }
  const zh = i18n.language === 'zh';
  const current = new Map<string, Ticket>();
  for (const tk of calls) {
    if ((tk.state === 'called' || tk.state === 'serving') && !current.has(tk.counterId))
      current.set(tk.counterId, tk);
  }
  const recent = calls.slice(0, 8);
  return (
    <div className="display">
      <header className="display-header">
        <h1>{zh ? hall.config.nameZh : hall.config.nameEn}</h1>
        <time className="display-clock" dateTime={new Date(now).toISOString()}>
          {new Date(now).toLocaleString(zh ? 'zh-CN' : 'en-GB', {
            dateStyle: 'full',
            timeStyle: 'medium',
            timeZone: hall.config.timeZone,
          })}
        </time>
      </header>
      <LinkBanner connection={connection} />
      {hall.config.notice && (
        <div className="display-notice" role="note">
          {hall.config.notice}
        </div>
      )}
      <div className="display-body">
        <section className="display-counters" aria-label={t('nowServing')}>
          <h2>{t('nowServing')}</h2>
          <div className="counter-grid">
            {hall.counters
              .slice()
              .sort((a, b) => a.number - b.number)
              .map((c) => {
                const tk = current.get(c.id);
                const fresh =
                  !!tk?.calledAt && now - tk.calledAt < HIGHLIGHT_MS && tk.state === 'called';
                return (
                  <div
                    key={c.id}
                    className={`counter-tile ${fresh ? 'fresh' : ''} ${c.state}`}
                    data-counter={c.number}
                  >
                    <div className="counter-name">{t('counter', { number: c.number })}</div>
                    <div className="counter-ticket">
                      {tk ? tk.number : c.state === 'open' ? '—' : t('closed')}
                    </div>
                  </div>
                );
              })}
          </div>
        </section>
        <aside className="display-side">
          <section aria-label={t('recentCalls')}>
            <h2>{t('recentCalls')}</h2>
            {recent.length === 0 ? (
              <p className="muted">{t('noCalls')}</p>
            ) : (
              <ol className="recent">
                {recent.map((tk) => {
                  const c = hall.counters.find((x) => x.id === tk.counterId);
                  return (
                    <li key={tk.id}>
                      {t('pleaseGoTo', { number: tk.number, counter: c?.number ?? '?' })}
                    </li>
                  );
                })}
              </ol>
            )}
          </section>
          <section aria-label={t('queueTitle')}>
            <h2>{t('queueTitle')}</h2>
            <table className="queues">
              <thead>
                <tr>
                  <th />
                  <th>{t('waiting')}</th>
                  <th>{t('estimate')}</th>
                </tr>
              </thead>
              <tbody>
                {queues.map((q) => {
                  const s = hall.services.find((x) => x.id === q.serviceId);
                  return (
                    <tr key={q.serviceId}>
                      <td>
                        {s?.prefix} {zh ? s?.nameZh : s?.nameEn}
                      </td>
                      <td>{q.waiting}</td>
                      <td>{t('minutes', { count: Math.round(q.estimatedWaitSec / 60) })}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        </aside>
      </div>
      <div className="now-announcing" aria-live="assertive" data-testid="announcing">
        {speaking ?? ''}
      </div>
    </div>
  );
}
