import { useTranslation } from 'react-i18next';
import type { TileView } from './board-view';

/** One tile per counter: the ticket called there or being served, a new call highlighted. */
export function CounterGrid({
  tiles,
  highlights,
  now,
  columns,
}: {
  tiles: TileView[];
  highlights: Record<string, number>;
  now: number;
  /** Most tiles per row (the zone's shape decides). */
  columns: number;
}) {
  const { t } = useTranslation();
  const perRow = Math.min(columns, Math.max(1, tiles.length));
  return (
    <section
      className="display-counters zone-counters"
      data-zone="counters"
      aria-labelledby="now-serving"
    >
      <h2 id="now-serving">{t('counterBoard')}</h2>
      <div className="counter-grid" style={{ gridTemplateColumns: `repeat(${perRow}, 1fr)` }}>
        {tiles.map((b) => (
          <CounterTile
            key={b.counterId}
            tile={b}
            fresh={b.state === 'called' && (highlights[b.counterId] ?? 0) > now}
          />
        ))}
      </div>
    </section>
  );
}

function CounterTile({ tile, fresh }: { tile: TileView; fresh: boolean }) {
  const { t } = useTranslation();
  const { counterNumber, ticketNumber, state } = tile;
  return (
    <div
      className={`counter-tile state-${state} ${fresh ? 'fresh' : ''}`}
      data-counter={counterNumber}
      data-state={state}
    >
      <div className="counter-name">{t('counter', { number: counterNumber })}</div>
      <div className="counter-ticket">
        {ticketNumber ?? (state === 'idle' ? t('idleCounter') : t('closed'))}
      </div>
      <div className="counter-status">
        {state === 'called' ? t('calling') : state === 'serving' ? t('servingAt') : '\u00a0'}
      </div>
    </div>
  );
}
