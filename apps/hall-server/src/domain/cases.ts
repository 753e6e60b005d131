import {
  promiseDue,
  type BusinessHours,
  type Case,
  type CaseOutcome,
  type CaseStep,
  type CaseType,
  type Customer,
  type Ticket,
} from '@onestop/shared';
import { endOfDayAfter } from './due';
import { accept, reject, type Result } from './result';

// First-handler cases (事项/工单): business that outlives the visit, typed by the hall's case
// types. The clerk who opens it owns it until it is closed, across days; only a handover the
// receiver acknowledges moves it. Opening is the acceptance (受理): the type's first step.

export interface OpenCaseInput {
  id: string;
  number: string;
  type: CaseType;
  ticket: Ticket;
  staffId: string;
  summary: string;
  /** Contact details taken at the counter: given (non-null) fields replace the ticket's. */
  customer: Customer | undefined;
  timeZone: string;
  /** The hall's opening hours, for a promise counted in business time; null: always open. */
  businessHours?: BusinessHours | null;
}

/** Each step is due when the limits of the steps up to it have run out, never after the case. */
function plannedSteps(
  type: CaseType,
  staffId: string,
  now: number,
  timeZone: string,
  caseDueAt: number,
): CaseStep[] {
  let days = 0;
  return type.steps.map((step, i) => {
    days = Math.min(days + step.limitDays, type.limitDays);
    return {
      nameZh: step.nameZh,
      nameEn: step.nameEn,
      dueAt: Math.min(endOfDayAfter(now, days, timeZone), caseDueAt),
      doneAt: i === 0 ? now : null,
      doneBy: i === 0 ? staffId : null,
      note: null,
    };
  });
}

export function openCase(input: OpenCaseInput, now: number): Result<Case> {
  const { type, ticket, staffId } = input;
  if (!type.active) return reject('invalid_transition', `Case type ${type.nameEn} is not in use.`);
  if (ticket.ownerStaffId !== staffId && ticket.servingStaffId !== staffId) {
    return reject('not_yours', `Visit ${ticket.number}: only its first handler or serving clerk.`);
  }
  const given = input.customer;
  // 承诺: the type's promised time, printed on the receipt slip (domain/promises.ts).
  const dueAt = promiseDue(type.promise, now, {
    timeZone: input.timeZone,
    businessHours: input.businessHours ?? null,
  });
  const customer: Customer = {
    phone: given?.phone ?? ticket.customer.phone,
    accountNo: given?.accountNo ?? ticket.customer.accountNo,
    name: given?.name ?? ticket.customer.name,
  };
  return accept({
    id: input.id,
    number: input.number,
    caseTypeId: type.id,
    ticketId: ticket.id,
    ownerStaffId: staffId,
    customer,
    summary: input.summary,
    state: 'open',
    steps: plannedSteps(type, staffId, now, input.timeZone, dueAt),
    openedAt: now,
    dueAt,
    promisedAt: dueAt,
    promiseChanges: [],
    closedAt: null,
    outcome: null,
    result: null,
    updatedAt: now,
    changeSeq: 0,
  });
}

/** `YYYYMMDD-NNN`: the business day and the case's sequence within it. */
export function caseNumber(businessDay: string, seq: number): string {
  return `${businessDay.replaceAll('-', '')}-${String(seq).padStart(3, '0')}`;
}

function ownOpenCase(c: Case, staffId: string): Result<void> {
  if (c.state !== 'open') return reject('invalid_transition', `Case ${c.number} is closed.`);
  if (c.ownerStaffId !== staffId) return reject('not_yours', `Case ${c.number}.`);
  return accept(undefined);
}

/** Marks the current (first undone) step done, dated now. */
export function advanceCase(
  c: Case,
  staffId: string,
  note: string | null,
  now: number,
): Result<Case> {
  const own = ownOpenCase(c, staffId);
  if (!own.ok) return own;
  const current = c.steps.findIndex((s) => s.doneAt === null);
  if (current < 0) {
    return reject('invalid_transition', `Every step of case ${c.number} is done; close it.`);
  }
  const steps = c.steps.map((s, i) =>
    i === current ? { ...s, doneAt: now, doneBy: staffId, note } : s,
  );
  return accept({ ...c, steps, updatedAt: now });
}

export function closeCase(
  c: Case,
  staffId: string,
  outcome: CaseOutcome,
  result: string,
  now: number,
): Result<Case> {
  const own = ownOpenCase(c, staffId);
  if (!own.ok) return own;
  const pending = c.steps.filter((s) => s.doneAt === null);
  if (outcome === 'completed' && pending.length > 0) {
    return reject('case_steps_pending', pending.map((s) => s.nameEn).join(', '));
  }
  return accept({ ...c, state: 'closed', outcome, result, closedAt: now, updatedAt: now });
}
