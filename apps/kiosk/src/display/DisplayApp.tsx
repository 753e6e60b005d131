import { useHall, type HallConnection } from '@onestop/client';
import type { Snapshot } from '@onestop/shared';
import { useEffect, useState } from 'react';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { LinkBanner } from '../common/LinkBanner';
import { PairedOnly } from '../common/PairedOnly';
import { useLang } from '../common/use-lang';
import { CounterGrid } from './CounterGrid';
import { useDisplay } from './display-store';
import { SidePanel } from './SidePanel';
import { useAnnouncements, useSoundBlocked } from './use-announcements';

// The hall display (/display), a TV across the hall: the current call per counter (a new call
// highlighted), recent calls, waiting and estimated wait per service, the duty leader's notice,
// date and clock; the voice, queued so no announcement cuts off another. After a server restart
// or a network drop it reconnects and catches up by itself (the hall connection does that).

export function DisplayApp() {
  return <PairedOnly>{(connection) => <Display connection={connection} />}</PairedOnly>;
}

function useClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function Display({ connection }: { connection: HallConnection }) {
  const { t } = useTranslation();
  const hall = useHall(connection, (v) => v.hall);
  const link = useHall(connection, (v) => v.link);
  const english = new URLSearchParams(window.location.search).get('english') !== '0';
  useAnnouncements(connection, english);

  if (!hall) {
    return (
      <div className="display">
        <LinkBanner connection={connection} />
        <p className="display-empty" aria-busy={link !== 'offline'}>
          {link === 'offline' ? t('offline') : t('connecting')}
        </p>
      </div>
    );
  }
  return <Board connection={connection} hall={hall} />;
}

function Board({ connection, hall }: { connection: HallConnection; hall: Snapshot }) {
  const { t } = useTranslation();
  const { pick, locale } = useLang();
  const now = useClock();
  const announcing = useDisplay((s) => s.announcing);
  const sound = useSoundBlocked();
  const offline = useHall(connection, (v) => v.link) !== 'online';
  const { timeZone } = hall.config;

  return (
    <div className={`display ${offline ? 'display-stale' : ''}`}>
      <header className="display-header">
        <h1>{pick(hall.config.nameZh, hall.config.nameEn)}</h1>
        <div className="display-clock">
          <time className="display-date" dateTime={new Date(now).toISOString()}>
            {new Date(now).toLocaleDateString(locale, {
              dateStyle: 'full',
              timeZone,
            })}
          </time>
          <time className="display-time" dateTime={new Date(now).toISOString()}>
            {new Date(now).toLocaleTimeString(locale, { timeStyle: 'medium', timeZone })}
          </time>
        </div>
      </header>
      <LinkBanner connection={connection} />
      {hall.config.notice && (
        <div className="display-notice" role="note" data-testid="notice">
          {hall.config.notice}
        </div>
      )}
      <div className="display-body">
        <CounterGrid hall={hall} now={now} />
        <SidePanel connection={connection} hall={hall} />
      </div>
      <div className="now-announcing" aria-live="assertive" data-testid="announcing">
        {announcing && (
          <>
            <span className="sr-label">{t('nowAnnouncing')}: </span>
            {announcing.shown}
          </>
        )}
      </div>
      {sound.blocked && (
        <button
          type="button"
          className="enable-sound"
          data-testid="enable-sound"
          onClick={sound.unlock}
        >
          <svg className="enable-sound-icon" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
            <path d="M16 9l5 6M21 9l-5 6" stroke="currentColor" strokeWidth="2" />
          </svg>
          {/* Both languages: whoever switches the TV on may read either. */}
          <span lang="zh-CN">{i18next.t('enableSound', { lng: 'zh' })}</span>
          <span lang="en">{i18next.t('enableSound', { lng: 'en' })}</span>
        </button>
      )}
    </div>
  );
}
