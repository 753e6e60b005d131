import type { CaseType, OpinionCategory, Service, Staff } from '@onestop/shared';
import type { PromiseRowFacts } from './promises';
import type { HardwareFacts } from './hardware';
import type { RemedyFacts } from './remedies';
import type { QuizFacts } from './quizzes';
import type { VipServiceFacts } from './vip-managers';
import type { SpotCheckFacts } from './spot-checks';

// What a report is computed from: a few facts of each ticket, opinion, evaluation and case in
// the range (read by queries.ts), and the hall's lists and settings.

/** What a report needs of one ticket. Times in epoch ms. */
export interface TicketFacts {
  businessDay: string;
  serviceId: string;
  state: string;
  issuedAt: number;
  /** Seconds into the business day (hall's local time) at issue. */
  issuedSecOfDay: number;
  firstCalledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  servingStaffId: string | null;
  ownerStaffId: string | null;
  counterId: string | null;
  transferCount: number;
  stateReason: string | null;
  estimatedWaitSec: number | null;
  /** The upper end of the range told at issue, and the naive estimate kept beside it. */
  estimatedWaitHighSec?: number | null;
  naiveWaitSec?: number | null;
  /** Told at issue that no counter served the service (no wait given). */
  noCounterOpen?: boolean;
}

export interface OpinionFacts {
  category: OpinionCategory;
  source: string;
  state: string;
  createdAt: number;
  closedAt: number | null;
  ownerStaffId: string | null;
  /** The same customer raised another within 30 days (重复诉求). */
  repeated: boolean;
}

export interface EvaluationFacts {
  staffId: string | null;
  score: string | null;
  /** The rated visit's service. */
  serviceId?: string;
}

export interface CaseFacts {
  ownerStaffId: string;
  caseTypeId: string;
  /** Opened within the range (cases from before it count only for the on-time rate). */
  openedInRange: boolean;
  /** Null while open at the range's end; true when closed (in the range) completed by its due date. */
  closedOnTime: boolean | null;
  /** Still open past its due date at the end of the range (or now, if sooner). */
  overdue: boolean;
}

export interface ReportFacts {
  /** Read once, in order; from the database a stream, so a month's rows are never all held. */
  tickets: Iterable<TicketFacts>;
  opinions: OpinionFacts[];
  evaluations: EvaluationFacts[];
  cases: CaseFacts[];
  /** Remedy grants made in the range (issue 18). */
  remedies?: RemedyFacts[];
  /** Cases' and support tasks' promises that may have settled in the range (承诺, issue 18). */
  promises?: { rows: PromiseRowFacts[]; fromMs: number; toMs: number };
  /** Finished visits of VIPs with an account manager (issue 18). */
  vips?: VipServiceFacts[];
  /** Quiz attempts finished in the range (业务知识考核, issue 19). */
  quizzes?: QuizFacts[];
  /** Spot checks made in the range (抽查, issue 19). */
  spotChecks?: SpotCheckFacts[];
  /** Device faults and opening checks in the range (issue 19). */
  hardware?: HardwareFacts;
}

export interface ReportInput {
  from: string;
  to: string;
  services: Service[];
  staff: Staff[];
  caseTypes?: CaseType[];
  serviceLevel: number;
  now: number;
  /** The instant open items are judged at: the end of the range, or now if sooner. */
  asOf?: number;
}
