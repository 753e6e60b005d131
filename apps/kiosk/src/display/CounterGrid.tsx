import type { Snapshot } from '@onestop/shared';
import { useTranslation } from 'react-i18next';
import { counterBoards, type CounterBoard } from './display-model';
import { useDisplay } from './display-store';

/** One tile per counter: the ticket called there or being served, a new call highlighted. */
export function CounterGrid({ hall, now }: { hall: Snapshot; now: number }) {
  const { t } = useTranslation();
  const highlights = useDisplay((s) => s.highlights);
  const boards = counterBoards(hall.counters, hall.tickets);
  const columns = boards.length <= 4 ? 2 : boards.length <= 9 ? 3 : 4;
  return (
    <section className="display-counters" aria-labelledby="now-serving">
      <h2 id="now-serving">{t('nowServing')}</h2>
      <div className="counter-grid" style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }}>
        {boards.map((b) => (
          <CounterTile
            key={b.counter.id}
            board={b}
            fresh={b.state === 'called' && (highlights[b.counter.id] ?? 0) > now}
          />
        ))}
      </div>
    </section>
  );
}

function CounterTile({ board, fresh }: { board: CounterBoard; fresh: boolean }) {
  const { t } = useTranslation();
  const { counter, ticket, state } = board;
  return (
    <div
      className={`counter-tile state-${state} ${fresh ? 'fresh' : ''}`}
      data-counter={counter.number}
      data-state={state}
    >
      <div className="counter-name">{t('counter', { number: counter.number })}</div>
      <div className="counter-ticket">
        {ticket ? ticket.number : state === 'idle' ? t('idleCounter') : t('closed')}
      </div>
      <div className="counter-status">
        {state === 'called' ? t('calling') : state === 'serving' ? t('servingAt') : '\u00a0'}
      </div>
    </div>
  );
}
