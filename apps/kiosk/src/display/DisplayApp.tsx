import { useHall, type HallConnection } from '@onestop/client';
import type { Snapshot } from '@onestop/shared';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { LinkBanner } from '../common/LinkBanner';
import { PairedOnly } from '../common/PairedOnly';
import { useQueues } from '../common/use-queues';
import { Board } from './Board';
import { liveBoardView } from './board-view';
import { reportAudio } from '../common/connection';
import { displayStore, useDisplay } from './display-store';
import { DisplayPreview, isPreview } from './DisplayPreview';
import { useAnnouncements, useSoundBlocked } from './use-announcements';
import { VoiceStatus } from './VoiceStatus';
import { useClock } from './use-clock';
import { useDisplayLayout, useMediaList } from './use-display-layout';

// The hall display (/display), a TV across the hall, in the layout and orientation the admin
// chose for it (docs/display-layouts.md): the current call largest, then per layout the
// counters, waiting and estimated wait per service, recent calls, the duty leader's notice and
// the media zone; date and clock; the voice, queued so no announcement cuts off another. After
// a server restart or a network drop it reconnects and catches up by itself. `?preview=1` draws
// a layout with sample data for the console's preview, without pairing or connecting.

// The heartbeat tells the console when the browser will not let the display speak.
reportAudio(() => (displayStore.getState().soundBlocked ? 'blocked' : 'ok'));

export function DisplayApp() {
  if (isPreview()) return <DisplayPreview />;
  return <PairedOnly>{(connection) => <Display connection={connection} />}</PairedOnly>;
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
  return <LiveBoard connection={connection} hall={hall} />;
}

function LiveBoard({ connection, hall }: { connection: HallConnection; hall: Snapshot }) {
  const { t } = useTranslation();
  const now = useClock();
  const announcing = useDisplay((s) => s.announcing);
  const highlights = useDisplay((s) => s.highlights);
  const sound = useSoundBlocked();
  const offline = useHall(connection, (v) => v.link) !== 'online';
  const { layout, orientation } = useDisplayLayout(connection);
  const queues = useQueues(connection);
  const media = useMediaList(connection, layout === 'calls_notices_media');

  return (
    <Board
      view={liveBoardView(hall, queues)}
      layout={layout}
      orientation={orientation}
      now={now}
      highlights={highlights}
      offline={offline}
      media={media}
      banner={<LinkBanner connection={connection} />}
    >
      <div className="now-announcing" aria-live="assertive" data-testid="announcing">
        {announcing && (
          <>
            <span className="sr-label">{t('nowAnnouncing')}: </span>
            {announcing.shown}
          </>
        )}
      </div>
      <VoiceStatus />
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
    </Board>
  );
}
