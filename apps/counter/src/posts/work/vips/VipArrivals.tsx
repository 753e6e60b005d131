import {
  ARRIVAL_ALERT_KINDS,
  maskAccountNo,
  maskName,
  type Alert,
  type Snapshot,
} from '@onestop/shared';
import { formatClock } from '@onestop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline } from '../../../common/desk';
import { useQuery } from '../../../common/use-query';
import { useWork } from '../workstation/work-context';

// The clerk's notice that a customer of theirs has arrived while they were not at an open
// counter that could serve them: a VIP they manage (`vip_arrived`), or the customer of a case
// they own, come back for its service (`case_customer_arrived`, 首办责任制). The hall raised
// the alert addressed to them; the console sees it too. It stays until the clerk dismisses it
// (which acknowledges the alert: the console sees it handled; offline, it is hidden on this
// desk only) or the duty leader acknowledges it.

const DISMISSED_KEY = 'onestop.vip-arrivals.dismissed';
const KEEP = 200;

function readDismissed(): string[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(DISMISSED_KEY) ?? '[]');
    return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** The arrivals for `staffId` still to show: unacknowledged, not dismissed, newest first. */
export function arrivalsFor(
  hall: Pick<Snapshot, 'alerts'>,
  staffId: string,
  dismissed: readonly string[],
): Alert[] {
  return hall.alerts
    .filter(
      (a) =>
        ARRIVAL_ALERT_KINDS.includes(a.kind) &&
        a.staffId === staffId &&
        a.acknowledgedAt === null &&
        !dismissed.includes(a.id),
    )
    .sort((a, b) => b.createdAt - a.createdAt);
}

export function VipArrivals() {
  const { t } = useTranslation();
  const { hall, me } = useWork();
  const [dismissed, setDismissed] = useState(readDismissed);
  const online = useOnline();
  const { runner } = useDesk();
  const arrivals = arrivalsFor(hall, me.id, dismissed);
  // A kiosk ticket carries the account number alone: the name comes from the manager's list.
  const newest = arrivals[0]?.id ?? null;
  const asking = online && newest !== null;
  const list = useQuery('customer:my-vips', asking ? {} : null, asking ? newest : null);
  // A case's customer: the name their case holds (the desk is sent its clerk's own cases).
  const nameOf = (accountNo: string | null) =>
    list.data?.vips.find((v) => v.customer.accountNo === accountNo)?.customer.name ??
    (hall.cases ?? []).find((c) => accountNo !== null && c.customer.accountNo === accountNo)
      ?.customer.name ??
    null;
  if (arrivals.length === 0) return null;
  const dismiss = (id: string) => {
    if (online) void runner.run('vip-arrival', 'alert:acknowledge', { alertId: id });
    const next = [...dismissed, id].slice(-KEEP);
    setDismissed(next);
    try {
      localStorage.setItem(DISMISSED_KEY, JSON.stringify(next));
    } catch {
      // storage full or blocked: dismissed for this page only
    }
  };
  return (
    <div className="override-notices vip-arrivals" data-testid="vip-arrivals">
      {arrivals.map((a) => {
        const ticket = hall.tickets.find((x) => x.id === a.ticketId);
        const fullName = ticket?.customer.name ?? nameOf(ticket?.customer.accountNo ?? null);
        const state = !ticket
          ? t('vips.arrived.noTicket')
          : ticket.state === 'waiting'
            ? t('vips.arrived.waiting')
            : t('vips.arrived.inService');
        return (
          <div
            key={a.id}
            className="override-notice vip-arrival"
            role="status"
            data-testid="vip-arrival"
            data-kind={a.kind}
            data-ticket={ticket?.number ?? ''}
          >
            <strong>
              {formatClock(a.createdAt, hall.config.timeZone)}{' '}
              {t(a.kind === 'vip_arrived' ? 'vips.arrived.title' : 'vips.arrived.caseTitle')}
            </strong>
            <span>
              {t(a.kind === 'vip_arrived' ? 'vips.arrived.text' : 'vips.arrived.caseText', {
                name: fullName ? maskName(fullName) : '—',
                account: ticket?.customer.accountNo
                  ? maskAccountNo(ticket.customer.accountNo)
                  : '—',
                number: ticket?.number ?? '—',
                state,
              })}
            </span>
            <button type="button" className="link" onClick={() => dismiss(a.id)}>
              {t('vips.arrived.dismiss')}
            </button>
          </div>
        );
      })}
    </div>
  );
}
