import {
  SPOT_CHECK_RECENT_DAYS,
  addDays,
  dayOf,
  type SpotCheck,
  type SpotCheckCandidate,
  type SpotChecklist,
  type Staff,
} from '@onestop/shared';
import { startOfBusinessDay } from '../../domain/business-day';
import { accept, reject, type Result } from '../../domain/result';
import {
  checklistItems,
  checklistProblem,
  isRecentDay,
  judgeSpotCheck,
  scoreSpotCheck,
  type SpotCheckWork,
} from '../../domain/spot-checks';
import { clerkTrend } from '../../reports/appraisal-trends';
import { handler, type TxContext } from '../context';
import { signedInStaff } from './clerk';

// Spot checks (抽查) and a clerk's trend: the admin's checklists, the duty leader's check of a
// finished visit or a case, the clerk's own list. The rules: domain/spot-checks.ts. A check
// is final once saved (the table's triggers refuse edits too): docs/spot-checks-and-appraisal.md.

/** The work picked: what the rules need, and what the saved check names. */
interface PickedWork {
  work: SpotCheckWork;
  ticketId: string | null;
  caseId: string | null;
  label: string;
  serviceId: string | null;
}

function pickedWork(tx: TxContext, ticketId?: string, caseId?: string): Result<PickedWork> {
  if ((ticketId === undefined) === (caseId === undefined))
    return reject('invalid_payload', 'ticketId or caseId: exactly one, the work checked');
  if (ticketId !== undefined) {
    const t = tx.store.tickets.byId(ticketId);
    if (!t) return reject('not_found', `Ticket ${ticketId}.`);
    return accept({
      work: {
        subject: 'ticket',
        state: t.state,
        servingStaffId: t.servingStaffId,
        day: t.businessDay,
      },
      ticketId: t.id,
      caseId: null,
      label: t.number,
      serviceId: t.serviceId,
    });
  }
  const c = tx.store.cases.byId(caseId!);
  if (!c) return reject('not_found', `Case ${caseId}.`);
  const visit = c.ticketId ? tx.store.tickets.byId(c.ticketId) : undefined;
  return accept({
    work: {
      subject: 'case',
      ownerStaffId: c.ownerStaffId,
      day: dayOf(c.openedAt, tx.hall.config.timeZone),
    },
    ticketId: null,
    caseId: c.id,
    label: c.number,
    serviceId: visit?.serviceId ?? null,
  });
}

const reviewsAll = (staff: Staff) =>
  staff.roles.includes('duty_leader') || staff.roles.includes('admin');

const MAX_LIST_DAYS = 366;

export const spotCheckHandlers = {
  'admin:save-spot-checklist': handler<'admin:save-spot-checklist'>({
    run(tx, { serviceId, items }) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      if (!tx.store.services.byId(serviceId)) return reject('not_found', `Service ${serviceId}.`);
      const problem = checklistProblem(items);
      if (problem) return reject('invalid_payload', problem);
      tx.store.spotChecks.saveChecklist(serviceId, items, tx.now, staff.value.id);
      const custom = items.length > 0;
      const checklist: SpotChecklist = {
        serviceId,
        items: [...checklistItems(custom ? items : null)],
        custom,
        updatedAt: custom ? tx.now : null,
        updatedBy: custom ? staff.value.id : null,
      };
      return accept({ checklist });
    },
  }),

  'spot-check:checklists': handler<'spot-check:checklists'>({
    run(tx) {
      const own = new Map(tx.store.spotChecks.ownChecklists().map((l) => [l.serviceId, l]));
      const checklists = tx.store.services.all().map((s): SpotChecklist => {
        const mine = own.get(s.id);
        return {
          serviceId: s.id,
          items: [...checklistItems(mine?.items ?? null)],
          custom: mine !== undefined,
          updatedAt: mine?.updatedAt ?? null,
          updatedBy: mine?.updatedBy ?? null,
        };
      });
      return accept({ checklists });
    },
  }),

  'spot-check:candidates': handler<'spot-check:candidates'>({
    run(tx, { day: asked }) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const today = tx.hall.businessDay;
      const day = asked ?? today;
      if (!isRecentDay(day, today)) return reject('spot_check_too_old');
      const { timeZone } = tx.hall.config;
      const names = new Map(tx.store.staff.all().map((s) => [s.id, s.name]));
      const visits = tx.store.spotChecks.finishedVisits(day);
      const cases = tx.store.spotChecks.openedCases(
        startOfBusinessDay(day, timeZone),
        startOfBusinessDay(addDays(day, 1), timeZone),
      );
      const checked = tx.store.spotChecks.checkedAmong(
        day,
        cases.map((c) => c.id),
      );
      const candidates: SpotCheckCandidate[] = [
        ...visits.map((v) => ({ ...v, subject: 'ticket' as const })),
        ...cases.map((c) => ({ ...c, subject: 'case' as const })),
      ]
        .filter((c) => c.staffId !== staff.value.id)
        .map((c) => ({
          ...c,
          staffName: names.get(c.staffId) ?? c.staffId,
          checked: checked.has(c.id),
        }));
      return accept({ day, candidates });
    },
  }),

  'spot-check:save': handler<'spot-check:save'>({
    run(tx, { ticketId, caseId, scores, comment }) {
      const leader = signedInStaff(tx);
      if (!leader.ok) return leader;
      const picked = pickedWork(tx, ticketId, caseId);
      if (!picked.ok) return picked;
      const p = picked.value;
      const judged = judgeSpotCheck(
        p.work,
        leader.value.id,
        tx.hall.businessDay,
        tx.store.spotChecks.isChecked(p),
      );
      if (!judged.ok) return judged;
      const own = p.serviceId ? tx.store.spotChecks.ownChecklist(p.serviceId) : null;
      const scored = scoreSpotCheck(checklistItems(own), scores);
      if (!scored.ok) return scored;
      const check: SpotCheck = {
        id: tx.newId(),
        subject: p.work.subject,
        ticketId: p.ticketId,
        caseId: p.caseId,
        subjectLabel: p.label,
        serviceId: p.serviceId,
        staffId: judged.value.staffId,
        leaderStaffId: leader.value.id,
        items: scored.value.items,
        totalPct: scored.value.totalPct,
        comment,
        checkedAt: tx.now,
        businessDay: tx.hall.businessDay,
      };
      return accept({ spotCheck: tx.store.spotChecks.insert(check) });
    },
  }),

  'spot-check:list': handler<'spot-check:list'>({
    run(tx, args) {
      const staff = signedInStaff(tx);
      if (!staff.ok) return staff;
      const today = tx.hall.businessDay;
      const to = args.to ?? today;
      const from = args.from ?? addDays(to, -SPOT_CHECK_RECENT_DAYS);
      if (from > to) return reject('invalid_payload', 'from must not be after to');
      if (addDays(from, MAX_LIST_DAYS) < to)
        return reject('invalid_payload', `from–to: at most ${MAX_LIST_DAYS} days`);
      const whose = reviewsAll(staff.value) ? (args.staffId ?? null) : staff.value.id;
      return accept({ spotChecks: tx.store.spotChecks.between(from, to, whose) });
    },
  }),

  'report:clerk-trend': handler<'report:clerk-trend'>({
    run(tx, { staffId, months }) {
      const clerk = tx.store.staff.byId(staffId);
      if (!clerk) return reject('not_found', `Staff ${staffId}.`);
      return accept({
        staffId,
        name: clerk.name,
        staffNo: clerk.staffNo,
        months: clerkTrend(
          tx.store.db,
          staffId,
          tx.hall.businessDay,
          months,
          tx.hall.config.timeZone,
        ),
      });
    },
  }),
};
