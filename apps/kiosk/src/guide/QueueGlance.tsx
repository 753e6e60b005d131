import type { HallConnection } from '@onestop/client';
import type { Snapshot } from '@onestop/shared';
import { useTranslation } from 'react-i18next';
import { useLang } from '../common/use-lang';
import { useQueues } from '../common/use-queues';

const minutesOf = (sec: number) => Math.round(sec / 60);

/** Each service's queue: waiting, the longest wait against the target, open counters. */
export function QueueGlance({ connection, hall }: { connection: HallConnection; hall: Snapshot }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const queues = useQueues(connection);
  return (
    <section className="card" aria-labelledby="queues-title">
      <h2 id="queues-title">{t('queueGlance')}</h2>
      {queues === null ? (
        <p className="muted" aria-busy="true">
          {t('syncing')}
        </p>
      ) : (
        <table className="queues">
          <thead>
            <tr>
              <th scope="col">{t('service')}</th>
              <th scope="col">{t('waiting')}</th>
              <th scope="col">{t('longestWait')}</th>
              <th scope="col">{t('openCounters')}</th>
            </tr>
          </thead>
          <tbody>
            {queues.map((q) => {
              const s = hall.services.find((x) => x.id === q.serviceId);
              const over = q.waiting > 0 && q.longestWaitSec > q.targetWaitSec;
              const share = Math.min(1, q.longestWaitSec / Math.max(1, q.targetWaitSec));
              return (
                <tr key={q.serviceId} className={over ? 'over' : ''} data-service={s?.prefix}>
                  <td>
                    {s?.prefix} {s ? pick(s.nameZh, s.nameEn) : q.serviceId}
                  </td>
                  <td className="num">{q.waiting}</td>
                  <td>
                    <div className="wait-bar" aria-hidden="true">
                      <span style={{ width: `${Math.round(share * 100)}%` }} />
                    </div>
                    {t('minutes', { count: minutesOf(q.longestWaitSec) })} / {t('target')}{' '}
                    {t('minutes', { count: minutesOf(q.targetWaitSec) })}
                    {over && <strong className="over-label"> {t('overTarget')}</strong>}
                  </td>
                  <td className="num">{q.openCounters}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
