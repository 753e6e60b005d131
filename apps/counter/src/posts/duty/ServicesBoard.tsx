import type { Service } from '@onestop/shared';
import { useTranslation } from 'react-i18next';
import { useNow, useOnline, useStaffView } from '../../common/desk';
import { formatDuration, type Lang, useLang } from '@onestop/ui';
import { named } from '../../common/hall-selectors';
import { QueueHead } from '../../common/QueueHead';
import { useQuery } from '../../common/use-query';
import { PanelHead } from './Panel';
import { levelOf, secondsSince, waitingFor } from './timing';

// Every active service's queue on the live hall: how many wait, the longest wait against the
// target, the hall server's estimate (`hall:queues`, asked again every 15 s) and the open
// counters that serve it.

export function ServicesBoard() {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  const online = useOnline();
  const now = useNow(5_000);
  const tick = Math.floor(now / 15_000);
  const queues = useQuery('hall:queues', {}, online ? `${hall.seq}:${tick}` : null);
  const services = hall.services.filter((s) => s.active).sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <section className="card services-board" data-testid="services-board">
      <PanelHead title={t('console.hall.services')}>
        {queues.error && <span className="badge bad">{t(`errors.${queues.error}`)}</span>}
      </PanelHead>
      {services.length === 0 ? (
        <p className="muted empty">{t('console.hall.noServices')}</p>
      ) : (
        <table className="grid-table">
          <QueueHead>
            <th>{t('console.hall.openCounters')}</th>
          </QueueHead>
          <tbody>
            {services.map((s) => (
              <ServiceRow
                key={s.id}
                service={s}
                now={now}
                lang={lang}
                estimate={queues.data?.queues.find((q) => q.serviceId === s.id)}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ServiceRow(props: {
  service: Service;
  now: number;
  lang: Lang;
  estimate?: { estimatedWaitSec: number };
}) {
  const { hall } = useStaffView();
  const { service, now, lang } = props;
  const waiting = waitingFor(hall, service.id);
  const longest = waiting[0] ? secondsSince(waiting[0].queuedAt, now) : 0;
  const level = waiting.length > 0 ? levelOf(longest, service.targetWaitSec) : 'ok';
  const open = hall.counters.filter(
    (c) => c.state === 'open' && c.serviceIds.includes(service.id),
  ).length;
  return (
    <tr data-service={service.id} className={`level-${level}`} data-level={level}>
      <td>
        <b>{service.prefix}</b> {named(service, lang)}
      </td>
      <td className="num" data-testid="waiting-count">
        {waiting.length}
      </td>
      <td className="num">
        <span className={`level-text ${level}`}>
          {waiting.length > 0 ? formatDuration(longest, lang) : '—'}
        </span>
        <small> / {formatDuration(service.targetWaitSec, lang)}</small>
      </td>
      <td className="num">
        {props.estimate ? formatDuration(props.estimate.estimatedWaitSec, lang) : '—'}
      </td>
      <td className={`num${waiting.length > 0 && open === 0 ? ' level-text bad' : ''}`}>{open}</td>
    </tr>
  );
}
