import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../../common/desk';
import { formatClock } from '@onestop/ui';
import { staffLabel } from '../../../common/hall-selectors';
import { addNotices, noticesFor, type OverrideNotice } from './override-notices';
import { useWork } from './work-context';

/** The duty leader's overrides on this clerk or counter, with the reason, until dismissed. */
export function OverrideNotices() {
  const { t } = useTranslation();
  const { connection } = useDesk();
  const { hall, me, counter } = useWork();
  const [notices, setNotices] = useState<OverrideNotice[]>([]);
  const counterId = counter?.id ?? null;

  useEffect(
    () =>
      connection.onChange((change) => {
        const added = noticesFor(change, { staffId: me.id, counterId });
        if (added.length > 0) setNotices((list) => addNotices(list, added));
      }),
    [connection, me.id, counterId],
  );

  if (notices.length === 0) return null;
  return (
    <div className="override-notices" data-testid="override-notices">
      {notices.map((n) => {
        const leader = hall.staff.find((s) => s.id === n.byStaffId);
        const ticket = n.ticketId ? hall.tickets.find((tk) => tk.id === n.ticketId) : undefined;
        return (
          <div
            key={`${n.seq}-${n.actionKey}`}
            className="override-notice"
            role="status"
            data-testid="override-notice"
            data-action={n.actionKey}
          >
            <strong>
              {t('overrideNotice.title', {
                time: formatClock(n.at, hall.config.timeZone),
                leader: staffLabel(leader),
              })}
            </strong>
            <span>
              {t(`overrideNotice.action.${n.actionKey}`)}
              {ticket ? ` ${ticket.number}` : ''}
            </span>
            <span className="reason">{t('overrideNotice.reason', { reason: n.reason })}</span>
            <button
              type="button"
              className="link"
              onClick={() => setNotices((list) => list.filter((x) => x !== n))}
            >
              {t('common.dismiss')}
            </button>
          </div>
        );
      })}
    </div>
  );
}
