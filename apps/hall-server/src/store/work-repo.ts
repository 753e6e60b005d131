import type {
  Alert,
  Case,
  CaseType,
  Evaluation,
  FollowUp,
  Handover,
  SupportTask,
} from '@onestop/shared';
import type { Db } from './db';
import { recordTable } from './record-table';
import { bool, int, json, num, numOrNull, str, strOrNull } from './rows';

// The work post's records (migration 003): case types, evaluations, alerts, cases, support
// tasks, follow-ups and handovers. "Current" lists are what a snapshot shows: everything
// still open, and what closed since the start of the business day.

export function createCaseTypesRepo(db: Db) {
  const table = recordTable<CaseType>(
    db,
    'case_types',
    [
      'id',
      'name_zh',
      'name_en',
      'service_id',
      'limit_days',
      'steps',
      'active',
      'sort_order',
      'change_seq',
    ],
    {
      fromRow: (r) => ({
        id: str(r.id),
        nameZh: str(r.name_zh),
        nameEn: str(r.name_en),
        serviceId: strOrNull(r.service_id),
        limitDays: num(r.limit_days),
        steps: json<CaseType['steps']>(r.steps),
        active: bool(r.active),
        sortOrder: num(r.sort_order),
        changeSeq: num(r.change_seq),
      }),
      toRow: (t) => ({
        id: t.id,
        name_zh: t.nameZh,
        name_en: t.nameEn,
        service_id: t.serviceId,
        limit_days: t.limitDays,
        steps: JSON.stringify(t.steps),
        active: int(t.active),
        sort_order: t.sortOrder,
        change_seq: t.changeSeq,
      }),
    },
  );
  return { ...table, all: table.select('ORDER BY sort_order, id') };
}

export function createEvaluationsRepo(db: Db) {
  const table = recordTable<Evaluation>(
    db,
    'evaluations',
    [
      'id',
      'ticket_id',
      'counter_id',
      'staff_id',
      'state',
      'score',
      'reasons',
      'created_at',
      'deadline_at',
      'answered_at',
      'change_seq',
    ],
    {
      fromRow: (r) => ({
        id: str(r.id),
        ticketId: str(r.ticket_id),
        counterId: str(r.counter_id),
        staffId: strOrNull(r.staff_id),
        state: str(r.state) as Evaluation['state'],
        score: strOrNull(r.score) as Evaluation['score'],
        reasons: json<Evaluation['reasons']>(r.reasons),
        createdAt: num(r.created_at),
        deadlineAt: num(r.deadline_at),
        answeredAt: numOrNull(r.answered_at),
        changeSeq: num(r.change_seq),
      }),
      toRow: (e) => ({
        id: e.id,
        ticket_id: e.ticketId,
        counter_id: e.counterId,
        staff_id: e.staffId,
        state: e.state,
        score: e.score,
        reasons: JSON.stringify(e.reasons),
        created_at: e.createdAt,
        deadline_at: e.deadlineAt,
        answered_at: e.answeredAt,
        change_seq: e.changeSeq,
      }),
    },
  );
  const byTicket = table.select('WHERE ticket_id = ?');
  const anyDue = db
    .prepare("SELECT 1 FROM evaluations WHERE state = 'pending' AND deadline_at < ? LIMIT 1")
    .pluck();
  const padAt = db
    .prepare(
      "SELECT 1 FROM devices WHERE kind = 'pad' AND counter_id = ? AND revoked_at IS NULL LIMIT 1",
    )
    .pluck();
  return {
    ...table,
    byTicket: (ticketId: string) => byTicket(ticketId)[0],
    /** Whether a counter has an evaluation pad in service to ask the question. */
    counterHasPad: (counterId: string) => padAt.get(counterId) !== undefined,
    pendingAtCounter: table.select("WHERE state = 'pending' AND counter_id = ?"),
    /** Pending past their deadline at `now`: to record as not rated. */
    due: table.select("WHERE state = 'pending' AND deadline_at < ? ORDER BY deadline_at"),
    anyDue: (now: number) => anyDue.get(now) !== undefined,
    /** Still pending, or created since `from`. */
    current: table.select("WHERE state = 'pending' OR created_at >= ? ORDER BY created_at"),
  };
}

export function createAlertsRepo(db: Db) {
  const table = recordTable<Alert>(
    db,
    'alerts',
    [
      'id',
      'kind',
      'subject_id',
      'ticket_id',
      'counter_id',
      'staff_id',
      'created_at',
      'acknowledged_at',
      'acknowledged_by',
      'note',
      'change_seq',
    ],
    {
      fromRow: (r) => ({
        id: str(r.id),
        kind: str(r.kind) as Alert['kind'],
        subjectId: strOrNull(r.subject_id),
        ticketId: strOrNull(r.ticket_id),
        counterId: strOrNull(r.counter_id),
        staffId: strOrNull(r.staff_id),
        createdAt: num(r.created_at),
        acknowledgedAt: numOrNull(r.acknowledged_at),
        acknowledgedBy: strOrNull(r.acknowledged_by),
        note: strOrNull(r.note),
        changeSeq: num(r.change_seq),
      }),
      toRow: (a) => ({
        id: a.id,
        kind: a.kind,
        subject_id: a.subjectId,
        ticket_id: a.ticketId,
        counter_id: a.counterId,
        staff_id: a.staffId,
        created_at: a.createdAt,
        acknowledged_at: a.acknowledgedAt,
        acknowledged_by: a.acknowledgedBy,
        note: a.note,
        change_seq: a.changeSeq,
      }),
    },
  );
  return {
    ...table,
    /** Unacknowledged, or raised since `from`. */
    current: table.select('WHERE acknowledged_at IS NULL OR created_at >= ? ORDER BY created_at'),
  };
}

export function createCasesRepo(db: Db) {
  const table = recordTable<Case>(
    db,
    'cases',
    [
      'id',
      'number',
      'case_type_id',
      'ticket_id',
      'owner_staff_id',
      'customer_phone',
      'customer_account_no',
      'customer_name',
      'summary',
      'state',
      'steps',
      'opened_at',
      'due_at',
      'closed_at',
      'outcome',
      'result',
      'updated_at',
      'change_seq',
    ],
    {
      fromRow: (r) => ({
        id: str(r.id),
        number: str(r.number),
        caseTypeId: str(r.case_type_id),
        ticketId: strOrNull(r.ticket_id),
        ownerStaffId: str(r.owner_staff_id),
        customer: {
          phone: strOrNull(r.customer_phone),
          accountNo: strOrNull(r.customer_account_no),
          name: strOrNull(r.customer_name),
        },
        summary: str(r.summary),
        state: str(r.state) as Case['state'],
        steps: json<Case['steps']>(r.steps),
        openedAt: num(r.opened_at),
        dueAt: num(r.due_at),
        closedAt: numOrNull(r.closed_at),
        outcome: strOrNull(r.outcome) as Case['outcome'],
        result: strOrNull(r.result),
        updatedAt: num(r.updated_at),
        changeSeq: num(r.change_seq),
      }),
      toRow: (c) => ({
        id: c.id,
        number: c.number,
        case_type_id: c.caseTypeId,
        ticket_id: c.ticketId,
        owner_staff_id: c.ownerStaffId,
        customer_phone: c.customer.phone,
        customer_account_no: c.customer.accountNo,
        customer_name: c.customer.name,
        summary: c.summary,
        state: c.state,
        steps: JSON.stringify(c.steps),
        opened_at: c.openedAt,
        due_at: c.dueAt,
        closed_at: c.closedAt,
        outcome: c.outcome,
        result: c.result,
        updated_at: c.updatedAt,
        change_seq: c.changeSeq,
      }),
    },
  );
  // Numbers are `YYYYMMDD-NNN`; '.' sorts right after '-', so this range is one day's numbers.
  const countOfDay = db
    .prepare('SELECT count(*) FROM cases WHERE number > ? AND number < ?')
    .pluck();
  return {
    ...table,
    openOwnedBy: table.select("WHERE owner_staff_id = ? AND state = 'open' ORDER BY due_at"),
    /** Open, or closed since `from`. */
    current: table.select("WHERE state = 'open' OR closed_at >= ? ORDER BY opened_at"),
    /** A customer's cases by account number or phone: open ones first, then the latest. */
    ofCustomer: table.select(`WHERE customer_account_no = @accountNo OR customer_phone = @phone
      ORDER BY state = 'open' DESC, opened_at DESC LIMIT 20`),
    countOfDay(compactDay: string): number {
      return countOfDay.get(`${compactDay}-`, `${compactDay}.`) as number;
    },
  };
}

export function createTasksRepo(db: Db) {
  const table = recordTable<SupportTask>(
    db,
    'tasks',
    [
      'id',
      'owner_staff_id',
      'case_id',
      'ticket_id',
      'text',
      'state',
      'assignee_staff_id',
      'due_at',
      'created_at',
      'accepted_at',
      'closed_at',
      'result',
      'updated_at',
      'change_seq',
    ],
    {
      fromRow: (r) => ({
        id: str(r.id),
        ownerStaffId: str(r.owner_staff_id),
        caseId: strOrNull(r.case_id),
        ticketId: strOrNull(r.ticket_id),
        text: str(r.text),
        state: str(r.state) as SupportTask['state'],
        assigneeStaffId: strOrNull(r.assignee_staff_id),
        dueAt: num(r.due_at),
        createdAt: num(r.created_at),
        acceptedAt: numOrNull(r.accepted_at),
        closedAt: numOrNull(r.closed_at),
        result: strOrNull(r.result),
        updatedAt: num(r.updated_at),
        changeSeq: num(r.change_seq),
      }),
      toRow: (t) => ({
        id: t.id,
        owner_staff_id: t.ownerStaffId,
        case_id: t.caseId,
        ticket_id: t.ticketId,
        text: t.text,
        state: t.state,
        assignee_staff_id: t.assigneeStaffId,
        due_at: t.dueAt,
        created_at: t.createdAt,
        accepted_at: t.acceptedAt,
        closed_at: t.closedAt,
        result: t.result,
        updated_at: t.updatedAt,
        change_seq: t.changeSeq,
      }),
    },
  );
  return {
    ...table,
    openOwnedBy: table.select(
      "WHERE owner_staff_id = ? AND state IN ('open', 'accepted') ORDER BY due_at",
    ),
    acceptedBy: table.select("WHERE assignee_staff_id = ? AND state = 'accepted' ORDER BY due_at"),
    /** Open or accepted, or closed since `from`. */
    current: table.select(
      "WHERE state IN ('open', 'accepted') OR closed_at >= ? ORDER BY created_at",
    ),
  };
}

export function createFollowUpsRepo(db: Db) {
  const table = recordTable<FollowUp>(
    db,
    'follow_ups',
    [
      'id',
      'source',
      'ticket_id',
      'alert_id',
      'assignee_staff_id',
      'created_by',
      'note',
      'callback_phone',
      'state',
      'due_at',
      'created_at',
      'closed_at',
      'closed_by',
      'result',
      'updated_at',
      'change_seq',
    ],
    {
      fromRow: (r) => ({
        id: str(r.id),
        source: str(r.source) as FollowUp['source'],
        ticketId: strOrNull(r.ticket_id),
        alertId: strOrNull(r.alert_id),
        assigneeStaffId: strOrNull(r.assignee_staff_id),
        createdBy: strOrNull(r.created_by),
        note: str(r.note),
        callbackPhone: strOrNull(r.callback_phone),
        state: str(r.state) as FollowUp['state'],
        dueAt: num(r.due_at),
        createdAt: num(r.created_at),
        closedAt: numOrNull(r.closed_at),
        closedBy: strOrNull(r.closed_by),
        result: strOrNull(r.result),
        updatedAt: num(r.updated_at),
        changeSeq: num(r.change_seq),
      }),
      toRow: (f) => ({
        id: f.id,
        source: f.source,
        ticket_id: f.ticketId,
        alert_id: f.alertId,
        assignee_staff_id: f.assigneeStaffId,
        created_by: f.createdBy,
        note: f.note,
        callback_phone: f.callbackPhone,
        state: f.state,
        due_at: f.dueAt,
        created_at: f.createdAt,
        closed_at: f.closedAt,
        closed_by: f.closedBy,
        result: f.result,
        updated_at: f.updatedAt,
        change_seq: f.changeSeq,
      }),
    },
  );
  return {
    ...table,
    openAssignedTo: table.select("WHERE assignee_staff_id = ? AND state = 'open' ORDER BY due_at"),
    /** Open, or closed since `from`. */
    current: table.select("WHERE state = 'open' OR closed_at >= ? ORDER BY created_at"),
  };
}

export function createHandoversRepo(db: Db) {
  const table = recordTable<Handover>(
    db,
    'handovers',
    [
      'id',
      'from_staff_id',
      'to_staff_id',
      'note',
      'items',
      'state',
      'created_at',
      'closed_at',
      'closed_by',
      'change_seq',
    ],
    {
      fromRow: (r) => ({
        id: str(r.id),
        fromStaffId: str(r.from_staff_id),
        toStaffId: str(r.to_staff_id),
        note: str(r.note),
        items: json<Handover['items']>(r.items),
        state: str(r.state) as Handover['state'],
        createdAt: num(r.created_at),
        closedAt: numOrNull(r.closed_at),
        closedBy: strOrNull(r.closed_by),
        changeSeq: num(r.change_seq),
      }),
      toRow: (h) => ({
        id: h.id,
        from_staff_id: h.fromStaffId,
        to_staff_id: h.toStaffId,
        note: h.note,
        items: JSON.stringify(h.items),
        state: h.state,
        created_at: h.createdAt,
        closed_at: h.closedAt,
        closed_by: h.closedBy,
        change_seq: h.changeSeq,
      }),
    },
  );
  const pendingFrom = table.select("WHERE from_staff_id = ? AND state = 'pending'");
  return {
    ...table,
    pendingFrom: (staffId: string) => pendingFrom(staffId)[0],
    /** Pending, or made since `from`. */
    current: table.select("WHERE state = 'pending' OR created_at >= ? ORDER BY created_at"),
    /** Made in [from, until), of one staff member (giver or receiver) or of all; newest first. */
    between: table.select(`WHERE created_at >= @from AND created_at < @until
      AND (@staffId IS NULL OR from_staff_id = @staffId OR to_staff_id = @staffId)
      ORDER BY created_at DESC LIMIT 500`),
  };
}
