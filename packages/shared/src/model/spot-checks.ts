import { z } from 'zod';
import { BusinessDay, EpochMs, Id } from './common';

// Spot checks (抽查, issue 19): the duty leader scores a served visit or a case of a clerk
// against the checklist of its service, item by item, with a comment. The rules are in
// apps/hall-server/src/domain/spot-checks.ts; docs/spot-checks-and-appraisal.md tells the hall.

export const MAX_SPOT_CHECK_ITEMS = 12;

/** One item of a checklist: what is looked at, and how many points it is worth. */
export const SpotCheckItem = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,30}$/, 'lower-case letters, digits and -, at most 30'),
  nameZh: z.string().trim().min(1).max(20),
  nameEn: z.string().trim().min(1).max(40),
  weight: z.number().int().min(1).max(100),
});
export type SpotCheckItem = z.infer<typeof SpotCheckItem>;

/** A service's checklist; `custom` false: the hall's default (no checklist was saved for it). */
export const SpotChecklist = z.object({
  serviceId: Id,
  items: z.array(SpotCheckItem).min(1).max(MAX_SPOT_CHECK_ITEMS),
  custom: z.boolean(),
  updatedAt: EpochMs.nullable(),
  updatedBy: Id.nullable(),
});
export type SpotChecklist = z.infer<typeof SpotChecklist>;

/** The checklist every service has until the admin saves its own (seed 002, 服务规范). */
export const DEFAULT_SPOT_CHECK_ITEMS: readonly SpotCheckItem[] = [
  { id: 'courtesy', nameZh: '礼貌用语', nameEn: 'Courteous wording', weight: 20 },
  { id: 'accuracy', nameZh: '业务准确', nameEn: 'Business accuracy', weight: 30 },
  { id: 'told-once', nameZh: '一次告知', nameEn: 'Told everything at once', weight: 20 },
  { id: 'first-handler', nameZh: '首办负责', nameEn: 'First-handler responsibility', weight: 15 },
  { id: 'time-limit', nameZh: '办理时限', nameEn: 'Within the time limit', weight: 15 },
];

export const SpotCheckSubject = z.enum(['ticket', 'case']);
export type SpotCheckSubject = z.infer<typeof SpotCheckSubject>;

/** An item as scored: the checklist's item as it was then, and the points given. */
export const ScoredItem = SpotCheckItem.extend({ score: z.number().int().nonnegative() });
export type ScoredItem = z.infer<typeof ScoredItem>;

/** A saved spot check. Final once saved: a correction is a note to the clerk, not an edit. */
export const SpotCheck = z.object({
  id: Id,
  subject: SpotCheckSubject,
  ticketId: Id.nullable(),
  caseId: Id.nullable(),
  /** The visit's number (A023) or the case's number, as shown. */
  subjectLabel: z.string(),
  /** The visit's service (a case: its visit's), whose checklist was used; null: none. */
  serviceId: Id.nullable(),
  /** The clerk checked: who served the visit, or owns the case. */
  staffId: Id,
  leaderStaffId: Id,
  items: z.array(ScoredItem),
  /** Points given / points possible, as a whole percentage. */
  totalPct: z.number().int().min(0).max(100),
  comment: z.string(),
  checkedAt: EpochMs,
  /** The business day of the check (the appraisal's month comes from it). */
  businessDay: BusinessDay,
});
export type SpotCheck = z.infer<typeof SpotCheck>;
