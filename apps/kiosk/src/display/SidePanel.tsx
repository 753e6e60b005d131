import type { HallConnection } from '@onestop/client';
import type { Snapshot } from '@onestop/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLang } from '../common/use-lang';
import { useQueues } from '../common/use-queues';
import { clockText, waitWording, type WaitFigures } from '../common/wait';
import { recentCalls } from './display-model';

/** The estimate column, short enough for its cell: "10–20 分钟", "即将叫号", or in words when no
 *  counter serves the service now ("暂无窗口办理", "08:30 开始办理"): never a bare "—". */
function queueWait(t: TFunction, w: WaitFigures, timeZone: string): string {
  const wording = waitWording(w);
  switch (wording.kind) {
    case 'no-counter':
      return wording.opensAt === null
        ? t('queueNoCounter')
        : t('queueOpensAt', { time: clockText(wording.opensAt, timeZone) });
    case 'soon':
      return t('soon');
    case 'range':
      return t('queueRange', { low: wording.low, high: wording.high });
  }
}

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
              return (
                <tr key={q.serviceId}>
                  <td>
                    <span className="queue-prefix">{s?.prefix}</span>{' '}
                    {s ? pick(s.nameZh, s.nameEn) : q.serviceId}
                  </td>
                  <td className="num">{q.waiting}</td>
                  <td className="num queue-wait">{queueWait(t, q, hall.config.timeZone)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </aside>
  );
}
