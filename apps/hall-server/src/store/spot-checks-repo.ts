import { SpotCheckItem, ScoredItem, type SpotCheck } from '@onestop/shared';
import { z } from 'zod';
import type { Db } from './db';

// Spot checks (migration 020): the services' own checklists and the duty leader's checks.
// Hall-local tables, not record kinds: read by queries, never pushed to devices.

const Items = z.array(SpotCheckItem);
const Scored = z.array(ScoredItem);

interface ChecklistRow {
  serviceId: string;
  items: string;
  updatedAt: number;
  updatedBy: string;
}

type SpotCheckRow = Omit<SpotCheck, 'items'> & { items: string };

const columns = `id, subject, ticket_id AS ticketId, case_id AS caseId,
  subject_label AS subjectLabel, service_id AS serviceId, staff_id AS staffId,
  leader_staff_id AS leaderStaffId, items, total_pct AS totalPct, comment,
  checked_at AS checkedAt, business_day AS businessDay`;

/** A row as read: its JSON checked by the contract's schema (a bad row is a fault, told). */
const spotCheckOf = (row: SpotCheckRow): SpotCheck => ({
  ...row,
  items: Scored.parse(JSON.parse(row.items)),
});

export interface CaseCandidateRow {
  id: string;
  label: string;
  serviceId: string | null;
  staffId: string;
  at: number;
}
export type VisitCandidateRow = CaseCandidateRow;

export interface OwnChecklist {
  serviceId: string;
  items: SpotCheckItem[];
  updatedAt: number;
  updatedBy: string;
}

export function createSpotChecksRepo(db: Db) {
  const lists = db.prepare<[], ChecklistRow>(
    `SELECT service_id AS serviceId, items, updated_at AS updatedAt, updated_by AS updatedBy
      FROM spot_checklists ORDER BY service_id`,
  );
  const saveList = db.prepare<[{ serviceId: string; items: string; at: number; by: string }]>(
    `INSERT INTO spot_checklists (service_id, items, updated_at, updated_by)
      VALUES (@serviceId, @items, @at, @by)
      ON CONFLICT (service_id) DO UPDATE SET items = excluded.items,
        updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  const dropList = db.prepare<[string]>('DELETE FROM spot_checklists WHERE service_id = ?');
  const insert = db.prepare<[Record<string, unknown>]>(
    `INSERT INTO spot_checks (id, subject, ticket_id, case_id, subject_label, service_id,
      staff_id, leader_staff_id, items, total_pct, comment, checked_at, business_day)
      VALUES (@id, @subject, @ticketId, @caseId, @subjectLabel, @serviceId, @staffId,
      @leaderStaffId, @items, @totalPct, @comment, @checkedAt, @businessDay)`,
  );
  const ofTicket = db.prepare<[string], 1>('SELECT 1 FROM spot_checks WHERE ticket_id = ?').pluck();
  const ofCase = db.prepare<[string], 1>('SELECT 1 FROM spot_checks WHERE case_id = ?').pluck();
  const between = db.prepare<[{ from: string; to: string; staffId: string | null }], SpotCheckRow>(
    `SELECT ${columns} FROM spot_checks
      WHERE business_day >= @from AND business_day <= @to
      AND (@staffId IS NULL OR staff_id = @staffId)
      ORDER BY checked_at DESC LIMIT 500`,
  );
  const checkedOf = db.prepare<
    [string, string],
    { ticketId: string | null; caseId: string | null }
  >(
    `SELECT ticket_id AS ticketId, case_id AS caseId FROM spot_checks
      WHERE ticket_id IN (SELECT id FROM tickets WHERE business_day = ?)
      OR case_id IN (SELECT value FROM json_each(?))`,
  );
  const finishedVisits = db.prepare<[string], VisitCandidateRow>(
    `SELECT id, number AS label, service_id AS serviceId, serving_staff_id AS staffId,
      finished_at AS at FROM tickets
      WHERE business_day = ? AND state = 'done' AND serving_staff_id IS NOT NULL
      ORDER BY finished_at DESC LIMIT 300`,
  );
  const openedCases = db.prepare<[number, number], CaseCandidateRow>(
    `SELECT c.id, c.number AS label, t.service_id AS serviceId, c.owner_staff_id AS staffId,
      c.opened_at AS at FROM cases c LEFT JOIN tickets t ON t.id = c.ticket_id
      WHERE c.opened_at >= ? AND c.opened_at < ? ORDER BY c.opened_at DESC LIMIT 300`,
  );
  return {
    /** The visits finished on a business day, with the clerk who served each (at most 300). */
    finishedVisits: (day: string) => finishedVisits.all(day),
    /** The cases opened in [fromMs, toMs), with their owner (at most 300). */
    openedCases: (fromMs: number, toMs: number) => openedCases.all(fromMs, toMs),
    /** The services that have their own checklist. */
    ownChecklists(): OwnChecklist[] {
      return lists.all().map((r) => ({ ...r, items: Items.parse(JSON.parse(r.items)) }));
    },
    ownChecklist(serviceId: string): SpotCheckItem[] | null {
      return this.ownChecklists().find((l) => l.serviceId === serviceId)?.items ?? null;
    },
    /** Saves a service's own checklist; an empty one returns it to the hall's default. */
    saveChecklist(serviceId: string, items: readonly SpotCheckItem[], at: number, by: string) {
      if (items.length === 0) dropList.run(serviceId);
      else saveList.run({ serviceId, items: JSON.stringify(items), at, by });
    },
    insert(check: SpotCheck) {
      insert.run({ ...check, items: JSON.stringify(check.items) });
      return check;
    },
    isChecked: (subject: { ticketId: string | null; caseId: string | null }) =>
      subject.ticketId !== null
        ? ofTicket.get(subject.ticketId) !== undefined
        : subject.caseId !== null && ofCase.get(subject.caseId) !== undefined,
    /** Of the visits of `day` and the cases named, those already checked (ids). */
    checkedAmong(day: string, caseIds: readonly string[]): Set<string> {
      const ids = new Set<string>();
      for (const r of checkedOf.all(day, JSON.stringify(caseIds))) {
        if (r.ticketId) ids.add(r.ticketId);
        if (r.caseId) ids.add(r.caseId);
      }
      return ids;
    },
    /** Made on business days [from, to], of one clerk or all; newest first, at most 500. */
    between: (from: string, to: string, staffId: string | null) =>
      between.all({ from, to, staffId }).map(spotCheckOf),
  };
}
