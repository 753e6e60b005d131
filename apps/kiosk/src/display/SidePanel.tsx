import type { HallConnection } from '@onestop/client';
import type { Snapshot } from '@onestop/shared';
import { useTranslation } from 'react-i18next';
import { useLang } from '../common/use-lang';
import { useQueues } from '../common/use-queues';
import { waitMinutes } from '../common/wait';
import { recentCalls } from './display-model';

/** Recent calls, and each service's waiting count and estimated wait. */
export function SidePanel({ connection, hall }: { connection: HallConnection; hall: Snapshot }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const queues = useQueues(connection);
  const recent = recentCalls(hall.tickets, hall.counters, 6);
  return (
    <aside className="display-side">
      <section className="recent-calls" aria-labelledby="recent-calls">
        <h2 id="recent-calls">{t('recentCalls')}</h2>
        {recent.length === 0 ? (
          <p className="muted">{t('noCalls')}</p>
        ) : (
          <ol className="recent">
            {recent.map((c) => (
              <li key={c.ticketId}>
                <span className="recent-number">{c.number}</span>
                <span className="recent-arrow" aria-hidden="true">
                  →
                </span>
                <span className="recent-counter">{t('counter', { number: c.counterNumber })}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="queue-title">
        <h2 id="queue-title">{t('queueTitle')}</h2>
        <table className="queues">
          <thead>
            <tr>
              <th scope="col">{t('service')}</th>
              <th scope="col">{t('waiting')}</th>
              <th scope="col">{t('estimate')}</th>
            </tr>
          </thead>
          <tbody>
            {(queues ?? []).map((q) => {
              const s = hall.services.find((x) => x.id === q.serviceId);
              const minutes = waitMinutes(q.estimatedWaitSec);
              return (
                <tr key={q.serviceId}>
                  <td>
                    <span className="queue-prefix">{s?.prefix}</span>{' '}
                    {s ? pick(s.nameZh, s.nameEn) : q.serviceId}
                  </td>
                  <td className="num">{q.waiting}</td>
                  <td className="num">
                    {minutes === null ? '—' : t('minutes', { count: minutes })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </aside>
  );
}
