import { useTranslation } from 'react-i18next';
import { useNow, useView } from '../../../common/desk';
import { formatDuration, langOf } from '@onestop/ui';
import { named, serviceById } from '../../../common/hall-selectors';
import { QueueHead } from '../../../common/QueueHead';
import { useQuery } from '../../../common/use-query';
import { useWork } from './work-context';

/** Waiting per service this counter serves, the longest wait against the target. */
export function QueueGlance() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { hall, counter } = useWork();
  const online = useView((v) => v.link === 'online');
  const tick = Math.floor(useNow(15_000) / 15_000);
  // Asked again on every hall change (tickets move) and every 15 s (waits grow).
  const queues = useQuery('hall:queues', {}, online ? `${hall.seq}:${tick}` : null);
  const last = queues.data;
  const rows = (last?.queues ?? []).filter((q) => counter?.serviceIds.includes(q.serviceId));
  return (
    <section className={`card queue-glance${online ? '' : ' stale'}`} data-testid="queue-glance">
      <h3>
        {t('queue.title')}
        {!online && <span className="badge stale">{t('common.stale')}</span>}
      </h3>
      {last === null ? (
        <p className="muted">{queues.loading ? t('common.loading') : t('queue.unknown')}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{t('queue.noServices')}</p>
      ) : (
        <table>
          <QueueHead />
          <tbody>
            {rows.map((q) => {
              const service = serviceById(hall, q.serviceId);
              const over = q.waiting > 0 && q.longestWaitSec > q.targetWaitSec;
              return (
                <tr key={q.serviceId} className={over ? 'over' : ''} data-service={q.serviceId}>
                  <td>
                    {service?.prefix} {named(service, lang)}
                  </td>
                  <td className="num">{q.waiting}</td>
                  <td className="num">
                    {q.waiting > 0 ? formatDuration(q.longestWaitSec, lang) : '—'}
                    <small> / {formatDuration(q.targetWaitSec, lang)}</small>
                  </td>
                  <td className="num">{formatDuration(q.estimatedWaitSec, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
