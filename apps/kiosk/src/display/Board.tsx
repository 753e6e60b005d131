import type { DisplayLayoutKind, DisplayOrientation, MediaItem } from '@onestop/shared';
import type { ReactNode } from 'react';
import { useLang } from '../common/use-lang';
import type { BoardView } from './board-view';
import { CounterGrid } from './CounterGrid';
import { CurrentCall } from './CurrentCall';
import { MediaZone } from './MediaZone';
import { QueueTable, RecentCalls } from './SidePanel';

// One board in the layout and orientation its display was given (docs/display-layouts.md). The
// current call is the largest zone in every one of them: the stylesheet's grid gives it the
// most room, and the e2e test measures it.

export interface BoardProps {
  view: BoardView;
  layout: DisplayLayoutKind;
  orientation: DisplayOrientation;
  now: number;
  highlights: Record<string, number>;
  offline: boolean;
  /** The media folder's files (null: not answered yet). */
  media: MediaItem[] | null;
  /** The preview's media zone: a sample slide instead of the hall's folder. */
  sampleMedia?: boolean;
  /** Under the header: the link's state (a display), or the preview's label. */
  banner?: ReactNode;
  /** After the body: the announcement bar, the sound button. */
  children?: ReactNode;
}

/** Tiles per row in each zone's shape. */
const COLUMNS: Record<DisplayLayoutKind, Record<DisplayOrientation, number>> = {
  calls: { landscape: 2, portrait: 3 },
  calls_waiting: { landscape: 4, portrait: 4 },
  calls_notices_media: { landscape: 3, portrait: 3 },
};

export function Board(props: BoardProps) {
  const { view, layout, orientation, now, highlights, offline } = props;
  const { pick, locale } = useLang();
  const hallName = pick(view.hallNameZh, view.hallNameEn);
  const fresh = view.current !== null && (highlights[view.current.counterId] ?? 0) > now;
  const noticeBanner = layout === 'calls_waiting' && view.notice;
  const noMedia = !props.sampleMedia && props.media !== null && props.media.length === 0;
  return (
    <div
      className={`display display-${orientation} layout-${layout} ${offline ? 'display-stale' : ''}`}
      data-layout={layout}
      data-orientation={orientation}
    >
      <header className="display-header">
        <h1>{hallName}</h1>
        <div className="display-clock">
          <time className="display-date" dateTime={new Date(now).toISOString()}>
            {new Date(now).toLocaleDateString(locale, {
              dateStyle: orientation === 'portrait' ? 'medium' : 'full',
              timeZone: view.timeZone,
            })}
          </time>
          <time className="display-time" dateTime={new Date(now).toISOString()}>
            {new Date(now).toLocaleTimeString(locale, {
              timeStyle: 'medium',
              timeZone: view.timeZone,
            })}
          </time>
        </div>
      </header>
      {props.banner}
      {noticeBanner && (
        <div className="display-notice" role="note" data-testid="notice">
          {view.notice}
        </div>
      )}
      <div className="display-body">
        <CurrentCall call={view.current} fresh={fresh} />
        {layout !== 'calls_notices_media' && (
          <CounterGrid
            tiles={view.tiles}
            highlights={highlights}
            now={now}
            columns={COLUMNS[layout][orientation]}
          />
        )}
        {layout === 'calls_waiting' && (
          <>
            <QueueTable queues={view.queues} timeZone={view.timeZone} />
            {orientation === 'landscape' && <RecentCalls recent={view.recent} />}
          </>
        )}
        {layout === 'calls_notices_media' && (
          <>
            <RecentCalls recent={view.recent.slice(0, orientation === 'portrait' ? 4 : 5)} />
            {view.notice && (
              <div
                className={`display-notice zone-notice ${noMedia ? 'notice-wide' : ''}`}
                role="note"
                data-zone="notice"
                data-testid="notice"
              >
                {view.notice}
              </div>
            )}
            {/* No media: the notice takes the zone's place, or the zone shows the hall's name. */}
            {!(noMedia && view.notice) && (
              <MediaZone items={props.media} fallback={hallName} sample={props.sampleMedia} />
            )}
          </>
        )}
      </div>
      {props.children}
    </div>
  );
}
