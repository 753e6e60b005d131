import {
  DeviceFaultKind,
  maskAccountNo,
  timeOfDay,
  type Alert,
  type AlertKind,
  type Snapshot,
} from '@onestop/shared';
import type { TFunction } from 'i18next';
import type { Lang } from '@onestop/ui';
import { counterById, named, staffById, staffLabel } from '../../common/hall-selectors';

// How the console reads the hall's alerts: grouped by kind and counter (a group: its count, its
// newest time), open ones first, and what each is about in a line.

export interface AlertGroup {
  key: string;
  kind: AlertKind;
  counterId: string | null;
  /** Newest first. */
  alerts: Alert[];
  open: Alert[];
  newestAt: number;
}

/** Alerts by kind and counter; groups with open alerts first, then by their newest alert. */
export function groupAlerts(alerts: readonly Alert[]): AlertGroup[] {
  const groups = new Map<string, AlertGroup>();
  for (const a of sortAlerts(alerts)) {
    const key = `${a.kind}|${a.counterId ?? ''}`;
    const g = groups.get(key) ?? {
      key,
      kind: a.kind,
      counterId: a.counterId,
      alerts: [],
      open: [],
      newestAt: 0,
    };
    g.alerts.push(a);
    if (a.acknowledgedAt === null) g.open.push(a);
    g.newestAt = Math.max(g.newestAt, a.createdAt);
    groups.set(key, g);
  }
  return [...groups.values()].sort(
    (a, b) => Number(a.open.length === 0) - Number(b.open.length === 0) || b.newestAt - a.newestAt,
  );
}

export function sortAlerts(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort(
    (a, b) =>
      Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null) ||
      b.createdAt - a.createdAt,
  );
}

/** What an alert is about, in a line: counter, clerk, ticket, device, service, reasons. */
export function alertSubject(hall: Snapshot, alert: Alert, lang: Lang, t: TFunction) {
  const parts: string[] = [];
  const counter = counterById(hall, alert.counterId);
  if (counter) parts.push(t('counter.number', { number: counter.number }));
  const staff = staffById(hall, alert.staffId);
  if (staff) parts.push(staffLabel(staff));
  const ticket = hall.tickets.find((x) => x.id === alert.ticketId);
  if (ticket) parts.push(ticket.number);
  switch (alert.kind) {
    case 'dissatisfied': {
      const ev = hall.evaluations.find((e) => e.id === alert.subjectId);
      if (ev && ev.reasons.length > 0)
        parts.push(ev.reasons.map((r) => t(`reason.${r}`)).join(lang === 'zh' ? '、' : ', '));
      break;
    }
    case 'device_offline': {
      const device = hall.devices.find((d) => d.id === alert.subjectId);
      parts.push(device?.name ?? alert.subjectId ?? '');
      break;
    }
    case 'device_fault': {
      // The fault's kind is the alert's note until someone acknowledges it (device-faults.ts).
      const device = hall.devices.find((d) => d.id === alert.subjectId);
      parts.push(device?.name ?? alert.subjectId ?? '');
      const kind = DeviceFaultKind.safeParse(alert.note);
      if (kind.success) parts.push(t(`console.devices.faultKind.${kind.data}`));
      break;
    }
    case 'service_unstaffed': {
      const service = hall.services.find((s) => s.id === alert.subjectId);
      parts.push(service ? `${service.prefix} ${named(service, lang)}` : '');
      break;
    }
    case 'repeated_opinion': {
      const opinion = hall.opinions.find((o) => o.id === alert.subjectId);
      if (opinion) parts.push(opinion.text.slice(0, 40));
      break;
    }
    case 'case_due_soon':
    case 'case_overdue': {
      const c = hall.cases.find((x) => x.id === alert.subjectId);
      if (c) parts.push(`${c.number} ${c.summary}`);
      break;
    }
    case 'task_due_soon': // 承诺: the owner's warning at the share of the task's promise
    case 'task_overdue': {
      const task = hall.tasks.find((x) => x.id === alert.subjectId);
      if (task) parts.push(task.text.slice(0, 40));
      break;
    }
    case 'follow_up_overdue': {
      const f = hall.followUps.find((x) => x.id === alert.subjectId);
      if (f) parts.push(f.note.slice(0, 40));
      break;
    }
    case 'grant_awaiting_approval': {
      // Which remedy, how much, and the limit it went past (the approvals tab decides).
      const g = (hall.remedyGrants ?? []).find((x) => x.id === alert.subjectId);
      const kind = g && (hall.remedyKinds ?? []).find((k) => k.id === g.remedyKindId);
      if (g && kind) {
        const amount = kind.unit === 'yuan' ? (g.amount / 100).toFixed(2) : String(g.amount);
        parts.push(`${named(kind, lang)} ${amount} ${t(`remedy.unit.${kind.unit}`)}`);
        if (g.exceeded) parts.push(t(`remedy.exceeded.${g.exceeded}`));
        // The sweep's reminder at half the timeout: said, with when the grant lapses.
        if (g.state === 'pending' && g.remindedAt !== null && g.approvalDueAt !== null) {
          const time = timeOfDay(g.approvalDueAt, hall.config.timeZone);
          parts.push(t('alertDetail.grantReminded', { time }));
        }
      }
      break;
    }
    case 'notification_failed': {
      // Which text, to whom (masked), and what the gateway said; its owner is the staff above.
      const n = (hall.notifications ?? []).find((x) => x.id === alert.subjectId);
      if (n) parts.push(t(`notify.purpose.${n.purpose}`), n.phone, n.lastError ?? '');
      break;
    }
    case 'vip_arrived':
    case 'case_customer_arrived': {
      // The customer (account masked) and their manager or case owner (the staff above), or
      // that none is active.
      const account = ticket?.customer.accountNo;
      if (account) parts.push(t('vips.account', { account: maskAccountNo(account) }));
      const vip = alert.kind === 'vip_arrived';
      if (!staff) parts.push(t(vip ? 'vips.alertNoManager' : 'vips.alertNoOwner'));
      break;
    }
    default:
      break;
  }
  return parts.filter(Boolean).join(' · ');
}
