import {
  maskNumbersIn,
  type AlertKind,
  type ShiftLogEntry,
  type ShiftLogGroup,
  type StaffSession,
  type StaffRole,
} from '@onestop/shared';
import type { AuditRow } from '../store/log-repo';
import type { Store } from '../store/store';
import { isRecord } from './is-record';

// The shift log as the duty leader reads it (issue 15 item 10): each audited command becomes a
// line in words, zh and en, from the command and its payload, with the records it names looked
// up (ticket numbers, counter numbers, staff names). The raw payload never leaves the server,
// and every free text is passed through maskNumbersIn: a complainant's phone typed into an
// opinion or a reason shows as 139****2222.

/** Overrides, opinions and handovers: what belongs in a shift log. */
export const SHIFT_COMMANDS =
  /^(override:|opinion:|alert:|follow-up:|ticket:(cancel|reinstate|reassign-owner)|hall:set-notice|handover:|admin:|device:|customer:reveal-contact|remedy:decide|system:(?!evaluation-timeout|alert-sweep|notification-))/;

export function groupOf(command: string): ShiftLogGroup {
  if (
    /^override:|^ticket:(cancel|reinstate|reassign-owner)$|^hall:set-notice$|^staff:sign-in$/.test(
      command,
    )
  )
    return 'override';
  if (command.startsWith('alert:') || command === 'system:alert-expiry') return 'alert';
  if (command.startsWith('opinion:')) return 'opinion';
  if (command.startsWith('follow-up:')) return 'followUp';
  if (command.startsWith('handover:') || command === 'staff:sign-out') return 'handover';
  if (/^(admin|device):/.test(command)) return 'admin';
  return 'other';
}

type Words = [zh: string, en: string];

const ROLE_ORDER: readonly StaffRole[] = ['duty_leader', 'admin', 'backoffice', 'clerk', 'guide'];

const ALERT_KIND: Record<AlertKind, Words> = {
  dissatisfied: ['不满意评价', 'dissatisfied rating'],
  wait_over_target: ['等候超时', 'wait over target'],
  handling_over_target: ['办理超时', 'handling over target'],
  case_due_soon: ['工单即将到期', 'case due soon'],
  case_overdue: ['工单逾期', 'case overdue'],
  task_overdue: ['联系单逾期', 'support task overdue'],
  follow_up_overdue: ['回访逾期', 'follow-up overdue'],
  repeated_opinion: ['重复诉求', 'repeated opinion'],
  device_offline: ['设备离线', 'device offline'],
  device_fault: ['设备故障', 'device fault'],
  service_unstaffed: ['业务无窗口办理', 'service unstaffed'],
  sync_failed: ['数据上传失败', 'upward sync failed'],
  clock_jump: ['服务器时钟跳变', 'server clock jumped'],
  grant_awaiting_approval: ['补救授权待审批', 'remedy awaiting approval'],
  task_due_soon: ['联系单即将到期', 'support task due soon'],
  notification_failed: ['客户通知发送失败', 'customer notification failed'],
  vip_arrived: ['大客户到厅', 'VIP arrived'],
  case_customer_arrived: ['事项客户到厅', 'Case customer arrived'],
};
const REVEALED: Record<string, Words> = {
  follow_up: ['回访', 'follow-up'],
  opinion: ['意见', 'opinion'],
  ticket: ['来访', 'visit'],
};
const PAUSE: Record<string, Words> = {
  break: ['休息', 'break'],
  meeting: ['会议', 'meeting'],
  system: ['系统故障', 'system fault'],
  other: ['其他', 'other'],
};
const CATEGORY: Record<string, Words> = {
  complaint: ['投诉', 'complaint'],
  suggestion: ['建议', 'suggestion'],
  praise: ['表扬', 'praise'],
  correction: ['纠错', 'correction'],
};

const clip = (text: string, n = 30) => {
  const masked = maskNumbersIn(text.replace(/\s+/g, ' ').trim());
  return masked.length > n ? `${masked.slice(0, n - 1)}…` : masked;
};
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Reads the records a payload names, for people: numbers and names instead of ids. */
function namesFrom(store: Store) {
  return {
    ticket: (id: unknown) => store.tickets.byId(str(id))?.number ?? '—',
    counter: (id: unknown): Words => {
      const n = store.counters.byId(str(id))?.number;
      return n === undefined ? ['某窗口', 'a counter'] : [`${n} 号窗口`, `counter ${n}`];
    },
    staff: (id: unknown) => store.staff.byId(str(id))?.name ?? '—',
    device: (id: unknown) => store.devices.byId(str(id))?.name ?? '—',
    opinion: (id: unknown) => `“${clip(store.opinions.byId(str(id))?.text ?? '—', 20)}”`,
    followUp: (id: unknown) => `“${clip(store.followUps.byId(str(id))?.note ?? '—', 20)}”`,
    services: (ids: unknown): Words => {
      const list = (Array.isArray(ids) ? ids : []).map((id) => store.services.byId(str(id)));
      return [
        list.map((s) => s?.nameZh ?? '—').join('、'),
        list.map((s) => s?.nameEn ?? '—').join(', '),
      ];
    },
    alertKind: (id: unknown): Words =>
      ALERT_KIND[store.alerts.byId(str(id))?.kind ?? 'dissatisfied'] ?? ['告警', 'alert'],
  };
}

type DeskTurn = { words: Words; staffId: string };

/**
 * A sign-in or sign-out on a desk bound to no counter, when it changed who else is on it: a
 * step-in (another's session stays open), taking the desk over (another's ended by it), a step
 * out or a sign-off leaving another on it. Null: an ordinary one, not for the shift log. Read
 * from the desk's sessions around the entry's time, since the audit row only says who signed in.
 */
function deskTurn(
  store: Store,
  entry: { command: string; at: number; staffId: string | null; deviceId: string | null },
  sessionsOn: (deviceId: string) => readonly StaffSession[],
): DeskTurn | null {
  if (!entry.deviceId) return null;
  const { at } = entry;
  const sessions = sessionsOn(entry.deviceId).filter(
    (s) => s.startedAt <= at && (s.endedAt === null || s.endedAt >= at),
  );
  // A sign-in is audited before anyone is signed in: the session it opened says who.
  const staffId =
    entry.staffId ??
    (entry.command === 'staff:sign-in'
      ? sessions.findLast((s) => s.startedAt === at)?.staffId
      : undefined);
  if (!staffId) return null;
  const turn = (words: Words) => ({ words, staffId });
  const name = (id: string) => store.staff.byId(id)?.name ?? '—';
  const desk = store.devices.byId(entry.deviceId)?.name ?? '—';
  const stayed = sessions.filter(
    (s) => s.staffId !== staffId && s.startedAt <= at && (s.endedAt === null || s.endedAt > at),
  );
  const names = (list: typeof sessions) => [...new Set(list.map((s) => name(s.staffId)))];
  if (entry.command === 'staff:sign-in') {
    const holder = stayed[0];
    if (holder)
      return turn([
        `在${desk}代 ${name(holder.staffId)} 值守`,
        `Stepped in for ${name(holder.staffId)} on ${desk}`,
      ]);
    const ended = names(
      sessions.filter((s) => s.staffId !== staffId && s.endedAt === at && s.startedAt < at),
    );
    return ended.length > 0
      ? turn([
          `接过${desk},结束 ${ended.join('、')} 的登录`,
          `Took ${desk} over, ending ${ended.join(', ')}'s sign-in`,
        ])
      : null;
  }
  const holder = stayed[0];
  if (!holder) return null;
  const mine = sessions.find((s) => s.staffId === staffId && s.endedAt === at);
  if (mine && holder.startedAt < mine.startedAt)
    return turn([
      `结束代值守,${name(holder.staffId)} 继续在${desk}`,
      `Stepped out; ${name(holder.staffId)} has ${desk} again`,
    ]);
  const left = names(stayed).join('、');
  return turn([`签退,${left} 仍在${desk}`, `Signed off; ${left} still on ${desk}`]);
}

/** One line's words. `p` is the command's payload as audited; `at`, `staffId` its entry's. */
function wordsOf(
  store: Store,
  entry: { command: string; at: number; staffId: string | null },
  p: Record<string, unknown>,
): Words {
  const n = namesFrom(store);
  const withText = (words: Words, text: unknown): Words =>
    str(text) ? [`${words[0]}:${clip(str(text))}`, `${words[1]}: ${clip(str(text))}`] : words;
  switch (entry.command) {
    case 'override:ticket-priority':
      return p.to === 'front'
        ? [`将 ${n.ticket(p.ticketId)} 提到队首`, `Moved ${n.ticket(p.ticketId)} to the front`]
        : [`将 ${n.ticket(p.ticketId)} 改为优先`, `Made ${n.ticket(p.ticketId)} a priority`];
    case 'override:ticket-counter': {
      const [zh, en] = n.counter(p.counterId);
      return [`将 ${n.ticket(p.ticketId)} 指派到 ${zh}`, `Sent ${n.ticket(p.ticketId)} to ${en}`];
    }
    case 'override:counter-state': {
      const [zh, en] = n.counter(p.counterId);
      if (p.state === 'paused') {
        const [rz, re] = PAUSE[str(p.pauseReason)] ?? PAUSE.other!;
        return [`暂停 ${zh}:${rz}`, `Paused ${en}: ${re}`];
      }
      return p.state === 'open' ? [`开启 ${zh}`, `Opened ${en}`] : [`关闭 ${zh}`, `Closed ${en}`];
    }
    case 'override:counter-services': {
      const [zh, en] = n.counter(p.counterId);
      const [sz, se] = n.services(p.serviceIds);
      return [`调整 ${zh} 的业务:${sz}`, `Set ${en}'s services: ${se}`];
    }
    case 'override:sign-out':
      return [`代 ${n.staff(p.staffId)} 签退`, `Signed ${n.staff(p.staffId)} out`];
    case 'ticket:cancel':
      return [`取消 ${n.ticket(p.ticketId)}`, `Cancelled ${n.ticket(p.ticketId)}`];
    case 'ticket:reinstate':
      return [`恢复 ${n.ticket(p.ticketId)}`, `Reinstated ${n.ticket(p.ticketId)}`];
    case 'ticket:reassign-owner':
      return [
        `${n.ticket(p.ticketId)} 的首问负责人改为 ${n.staff(p.staffId)}`,
        `${n.ticket(p.ticketId)}'s first handler is now ${n.staff(p.staffId)}`,
      ];
    case 'hall:set-notice':
      return str(p.text)
        ? withText(['发布大厅公告', 'Hall notice'], p.text)
        : ['撤下大厅公告', 'Hall notice taken down'];
    case 'opinion:submit': {
      const [cz, ce] = CATEGORY[str(p.category)] ?? ['意见', 'opinion'];
      return withText([`收到${cz}`, `New ${ce}`], p.text);
    }
    case 'opinion:assign':
      return [
        `意见 ${n.opinion(p.opinionId)} 交给 ${n.staff(p.handlerStaffId)} 处理`,
        `Opinion ${n.opinion(p.opinionId)} given to ${n.staff(p.handlerStaffId)}`,
      ];
    case 'opinion:resolve':
      return withText(
        [`处理意见 ${n.opinion(p.opinionId)}`, `Resolved opinion ${n.opinion(p.opinionId)}`],
        p.resolution,
      );
    case 'alert:acknowledge': {
      const [kz, ke] = n.alertKind(p.alertId);
      return withText([`确认告警(${kz})`, `Acknowledged an alert (${ke})`], p.note);
    }
    case 'alert:acknowledge-many': {
      const ids = Array.isArray(p.alertIds) ? p.alertIds : [];
      const [kz, ke] = n.alertKind(ids[0]);
      return withText(
        [`批量确认 ${ids.length} 条告警(${kz})`, `Acknowledged ${ids.length} alerts (${ke})`],
        p.note,
      );
    }
    case 'system:alert-expiry':
      return ['前一营业日未处理的告警已过期关闭', "An earlier business day's open alerts expired"];
    case 'system:clock-jump':
      return ['服务器时钟跳变,已告警', 'The server clock jumped; alert raised'];
    case 'remedy:decide':
      return withText(
        p.decision === 'approve'
          ? ['批准补救申请', 'Approved a remedy above its limit']
          : ['不批准补救申请', 'Rejected a remedy above its limit'],
        p.note,
      );
    case 'system:remedy-approval-sweep':
      return ['补救审批到半提醒或超时失效', 'Remedies awaiting approval reminded or expired'];
    case 'follow-up:create':
      return withText(
        [
          `新建回访,交给 ${n.staff(p.assigneeStaffId)}`,
          `Follow-up for ${n.staff(p.assigneeStaffId)}`,
        ],
        p.note,
      );
    case 'follow-up:assign':
      return [
        `回访 ${n.followUp(p.followUpId)} 交给 ${n.staff(p.assigneeStaffId)}`,
        `Follow-up ${n.followUp(p.followUpId)} given to ${n.staff(p.assigneeStaffId)}`,
      ];
    case 'follow-up:close':
      return withText(
        [`完成回访 ${n.followUp(p.followUpId)}`, `Closed follow-up ${n.followUp(p.followUpId)}`],
        p.result,
      );
    case 'handover:create': {
      const made = store.handovers
        .between({ from: entry.at, until: entry.at + 1, staffId: entry.staffId })
        .find((h) => h.fromStaffId === entry.staffId);
      const count = made?.items.length ?? 0;
      return withText(
        [
          `交接 ${count} 项给 ${n.staff(p.toStaffId)}`,
          `Handed ${count} items to ${n.staff(p.toStaffId)}`,
        ],
        p.note,
      );
    }
    case 'handover:acknowledge': {
      const h = store.handovers.byId(str(p.handoverId));
      const from = n.staff(h?.fromStaffId);
      const count = h?.items.length ?? 0;
      return [`接收 ${from} 的交接(${count} 项)`, `Took over ${count} items from ${from}`];
    }
    case 'handover:cancel':
      return ['撤回交接', 'Handover withdrawn'];
    case 'customer:reveal-contact': {
      // Who saw a customer's whole number, of which record, and (in the reason column) why.
      const [zh, en] = REVEALED[str(p.subject)] ?? ['记录', 'record'];
      return [`查看客户完整号码(${zh})`, `Revealed a customer's whole number (${en})`];
    }
    case 'staff:sign-out':
      return [
        '签退,未分派的回访留在值班台',
        "Signed off, leaving the desk's unassigned follow-ups for the next duty leader",
      ];
    case 'device:issue-pairing-code':
      return [`生成配对码:${clip(str(p.name))}`, `Pairing code for ${clip(str(p.name))}`];
    case 'device:pair':
      return ['设备完成配对', 'A device paired'];
    case 'device:revoke':
      return [`停用设备 ${n.device(p.deviceId)}`, `Revoked ${n.device(p.deviceId)}`];
    case 'admin:save-staff': {
      const name = isRecord(p.staff) ? p.staff.name : undefined;
      return [`保存员工 ${clip(str(name))}`, `Saved staff ${clip(str(name))}`];
    }
    case 'admin:reset-pin':
      return [`重置 ${n.staff(p.staffId)} 的密码`, `Reset ${n.staff(p.staffId)}'s PIN`];
    case 'admin:configure': {
      const keys = (isRecord(p.settings) ? Object.keys(p.settings) : []).join(', ');
      return [`修改设置:${keys}`, `Changed settings: ${keys}`];
    }
    default:
      return entry.command.startsWith('admin:')
        ? ['修改系统设置', `Administration (${entry.command.slice(6)})`]
        : [entry.command, entry.command];
  }
}

export function shiftLog(store: Store, since: number): ShiftLogEntry[] {
  // Each desk's sessions read once per answer, not once per line.
  const onDesk = new Map<string, readonly StaffSession[]>();
  const sessionsOn = (deviceId: string) => {
    let list = onDesk.get(deviceId);
    if (!list) onDesk.set(deviceId, (list = store.devices.sessionsOnDeviceSince(deviceId, since)));
    return list;
  };
  return store.log
    .shiftSince(since, 2000)
    .flatMap((e): { e: AuditRow; turn: DeskTurn | null }[] => {
      // A sign-off with a reason: a duty leader left the desk's follow-ups for the next one.
      if (e.result !== 'ok') return [];
      if (SHIFT_COMMANDS.test(e.command)) return [{ e, turn: null }];
      if (e.command === 'staff:sign-out' && e.reason !== null) return [{ e, turn: null }];
      if (e.command !== 'staff:sign-in' && e.command !== 'staff:sign-out') return [];
      const turn = deskTurn(store, e, sessionsOn);
      return turn ? [{ e, turn }] : [];
    })
    .map(({ e, turn }) => {
      let payload: Record<string, unknown> = {};
      try {
        const parsed: unknown = JSON.parse(e.payload);
        if (isRecord(parsed)) payload = parsed;
      } catch {
        // an unreadable payload gives the command's name as its words
      }
      const staffId = turn?.staffId ?? e.staffId;
      const staff = staffId ? store.staff.byId(staffId) : undefined;
      const [zh, en] = turn?.words ?? wordsOf(store, e, payload);
      return {
        id: e.id,
        at: e.at,
        command: e.command,
        group: groupOf(e.command),
        who: staff
          ? {
              staffId: staff.id,
              name: staff.name,
              role: ROLE_ORDER.find((r) => staff.roles.includes(r)) ?? null,
            }
          : null,
        deviceName: e.deviceId ? (store.devices.byId(e.deviceId)?.name ?? null) : null,
        zh,
        en,
        reason: e.reason === null ? null : maskNumbersIn(e.reason),
      };
    });
}
