import {
  GrantState,
  type ComplaintClass,
  type HallReport,
  type RemedyReport,
  type RemedyUnit,
} from '@onestop/shared';
import type { ExportLang } from './readable';
import type { Table } from './tables';

// Remedies granted in a report's range (授权, issue 18): per clerk for the appraisal, per
// complaint class for "which problems cost most" (solve one, fix a class), per remedy kind.
// Given means granted at once or approved; pending, rejected, expired and cancelled cost nothing.

/** What a report needs of one grant (queries.ts reads it with its kind's names and unit). */
export interface RemedyFacts {
  grantedByStaffId: string;
  remedyKindId: string;
  nameZh: string;
  nameEn: string;
  unit: RemedyUnit;
  amount: number;
  state: GrantState;
  complaintClass: ComplaintClass;
}

const isGiven = (f: RemedyFacts) => f.state === 'granted' || f.state === 'approved';
const money = (f: RemedyFacts) => (f.unit === 'yuan' ? f.amount : 0);
const acts = (f: RemedyFacts) => (f.unit === 'count' ? f.amount : 0);

export function remediesReport(facts: readonly RemedyFacts[]): RemedyReport {
  const byState = Object.fromEntries(GrantState.options.map((st) => [st, 0])) as Record<
    GrantState,
    number
  >;
  const classes = new Map<ComplaintClass, RemedyReport['byClass'][number]>();
  const kinds = new Map<string, RemedyReport['byKind'][number]>();
  let yuanFen = 0;
  let actCount = 0;
  let given = 0;
  for (const f of facts) {
    byState[f.state] += 1;
    if (!isGiven(f)) continue;
    given++;
    yuanFen += money(f);
    actCount += acts(f);
    const c = classes.get(f.complaintClass) ?? {
      complaintClass: f.complaintClass,
      grants: 0,
      yuanFen: 0,
      acts: 0,
    };
    classes.set(f.complaintClass, {
      ...c,
      grants: c.grants + 1,
      yuanFen: c.yuanFen + money(f),
      acts: c.acts + acts(f),
    });
    const k = kinds.get(f.remedyKindId) ?? {
      remedyKindId: f.remedyKindId,
      nameZh: f.nameZh,
      nameEn: f.nameEn,
      unit: f.unit,
      grants: 0,
      amount: 0,
    };
    kinds.set(f.remedyKindId, { ...k, grants: k.grants + 1, amount: k.amount + f.amount });
  }
  const byClass = [...classes.values()].sort(
    (a, b) => b.yuanFen - a.yuanFen || b.acts - a.acts || b.grants - a.grants,
  );
  const byKind = [...kinds.values()].sort((a, b) => b.grants - a.grants);
  return { byState, given, yuanFen, acts: actCount, byClass, byKind };
}

type ClerkRow = HallReport['clerks'][number];

/** The clerks' rows with what each granted (a granter has served or owned visits in the range). */
export function withClerkRemedies(rows: ClerkRow[], facts: readonly RemedyFacts[]): ClerkRow[] {
  return facts.length === 0
    ? rows
    : rows.map((row) => ({ ...row, ...clerkFigures(row.staffId, facts) }));
}

function clerkFigures(staffId: string, facts: readonly RemedyFacts[]) {
  const own = facts.filter((f) => f.grantedByStaffId === staffId);
  const given = own.filter(isGiven);
  return {
    remedyGrants: given.length,
    remedyYuanFen: given.reduce((sum, f) => sum + money(f), 0),
    remedyActs: given.reduce((sum, f) => sum + acts(f), 0),
    remedyPending: own.filter((f) => f.state === 'pending').length,
  };
}

/** Fen as yuan for people: 12345 → "123.45". */
export function yuanOf(fen: number): string {
  return (fen / 100).toFixed(2);
}

const CLASS_NAMES: Record<ExportLang, Record<ComplaintClass, string>> = {
  zh: {
    service_attitude: '服务态度',
    waiting: '等候时间',
    billing: '电费账单',
    outage: '停电',
    voltage_quality: '电压质量',
    meter: '计量表计',
    other: '其他',
  },
  en: {
    service_attitude: 'Service attitude',
    waiting: 'Waiting',
    billing: 'Billing',
    outage: 'Outage',
    voltage_quality: 'Voltage quality',
    meter: 'Meter',
    other: 'Other',
  },
};

const HEADERS: Record<ExportLang, string[]> = {
  zh: ['问题类别', '补救次数', '金额(元)', '服务措施(次)'],
  en: ['Complaint class', 'Remedies', 'Money (yuan)', 'Acts'],
};

/** The bulletin's "which problems cost most": per complaint class, the costliest first. */
export function remediesByClassTable(remedies: RemedyReport, lang: ExportLang): Table {
  return {
    name: lang === 'zh' ? '补救成本' : 'Remedy cost',
    headers: HEADERS[lang],
    kinds: ['text', 'count', 'text', 'count'],
    widths: [16, 10, 12, 12],
    rows: remedies.byClass.map((c) => [
      CLASS_NAMES[lang][c.complaintClass],
      c.grants,
      yuanOf(c.yuanFen),
      c.acts,
    ]),
  };
}
