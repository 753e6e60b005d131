import { useTranslation } from 'react-i18next';
import { useOnline, usePending } from '../../../common/desk';
import { useDesk } from '../../../common/desk';
import { formatClock, langOf } from '@onestop/ui';
import { named, serviceById } from '../../../common/hall-selectors';
import { shortcutLabel } from './shortcuts';
import { useWork } from './work-context';

/** Tickets the clerk parked (the customer fetches a document); resume one when they are back. */
export function ParkedTickets() {
  const { t, i18n } = useTranslation();
  const { runner } = useDesk();
  const { hall, parked, current } = useWork();
  const online = useOnline();
  const busy = usePending('resume');
  if (parked.length === 0) return null;
  return (
    <section className="card parked" data-testid="parked">
      <h3>{t('work.parked', { count: parked.length })}</h3>
      <ul>
        {parked.map((p, i) => (
          <li key={p.id}>
            <strong>{p.number}</strong>{' '}
            {named(serviceById(hall, p.serviceId), langOf(i18n.language))}
            <span className="muted">
              {' '}
              {p.stateReason} · {formatClock(p.updatedAt, hall.config.timeZone)}
            </span>
            <button
              type="button"
              data-action={i === 0 ? 'resume' : undefined}
              disabled={!online || busy || current !== null}
              onClick={() => void runner.run('resume', 'ticket:resume', { ticketId: p.id })}
            >
              {t('action.resume')} {i === 0 && <kbd>{shortcutLabel('resume')}</kbd>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
