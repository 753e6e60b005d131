import type { HallReport } from '@onestop/shared';
import { hardwareTable } from './hardware';
import {
  DASH,
  hourKeySpan,
  hourSpan,
  instantText,
  minutesOf,
  oneDecimal,
  percentText,
  rangeText,
  type ExportContext,
  type ExportLang,
} from './readable';

// The report's tables as people read them, in the export's language: one definition of each
// column (header, kind of figure, value) that the XLSX, the CSV and the bulletin all use.

/** How a figure is written: a count, one decimal, minutes, ± minutes, or a share as %. */
export type Kind = 'text' | 'count' | 'decimal' | 'minutes' | 'signedMinutes' | 'percent';
/** Numbers ready to show (minutes already in minutes, shares 0–1); null for nothing to show. */
export type Value = number | string | null;

type Words = Record<ExportLang, string>;

interface Column<R> {
  header: Words;
  kind: Kind;
  /** Excel column width, in characters. */
  width: number;
  value: (row: R) => Value;
}

export interface Table {
  name: string;
  headers: string[];
  kinds: Kind[];
  widths: number[];
  rows: Value[][];
}

/** A figure as text: `3`, `12.5`, `+1.5`, `83.3%`, or a dash for nothing. */
export function valueText(value: Value, kind: Kind): string {
  if (value === null) return DASH;
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'percent':
      return percentText(value);
    case 'decimal':
    case 'minutes':
      return value.toFixed(1);
    case 'signedMinutes':
      return value > 0 ? `+${value.toFixed(1)}` : value.toFixed(1);
    case 'count':
    case 'text':
      return String(value);
  }
}

const w = (zh: string, en: string): Words => ({ zh, en });

function col<R>(header: Words, kind: Kind, width: number, value: (row: R) => Value): Column<R> {
  return { header, kind, width, value };
}

function build<R>(name: Words, columns: Column<R>[], rows: readonly R[], lang: ExportLang): Table {
  return {
    name: name[lang],
    headers: columns.map((c) => c.header[lang]),
    kinds: columns.map((c) => c.kind),
    widths: columns.map((c) => c.width),
    rows: rows.map((r) => columns.map((c) => c.value(r))),
  };
}

const minutesOrNull = (sec: number, when: boolean) => (when ? minutesOf(sec) : null);

type ServiceRow = HallReport['services'][number];
type ClerkRow = HallReport['clerks'][number];
type HourRow = HallReport['hours'][number];
type CaseRow = Omit<HallReport['cases']['byType'][number], 'caseTypeId'> & { total?: true };
type EstimateRow = HallReport['estimates']['byService'][number] & {
  scope: 'all' | 'service' | 'hour';
};

const serviceColumns = (ctx: ExportContext): Column<ServiceRow>[] => [
  col(w('业务', 'Service'), 'text', 18, (r) => ctx.serviceName(r.serviceId)),
  col(w('取号', 'Tickets'), 'count', 10, (r) => r.tickets),
  col(w('叫号', 'Called'), 'count', 10, (r) => r.called),
  col(w('等候中位(分钟)', 'Wait p50 (min)'), 'minutes', 16, (r) =>
    minutesOrNull(r.waitP50Sec, r.called > 0),
  ),
  col(w('等候P90(分钟)', 'Wait p90 (min)'), 'minutes', 16, (r) =>
    minutesOrNull(r.waitP90Sec, r.called > 0),
  ),
  col(w('达标率', 'Within target'), 'percent', 14, (r) =>
    r.called > 0 ? r.withinTargetShare : null,
  ),
  col(w('平均办理(分钟)', 'Handling mean (min)'), 'minutes', 18, (r) => minutesOf(r.handleMeanSec)),
  col(w('办理P90(分钟)', 'Handling p90 (min)'), 'minutes', 18, (r) => minutesOf(r.handleP90Sec)),
  col(w('过号率', 'No-show rate'), 'percent', 12, (r) => r.noShowRate),
  col(w('转办', 'Transfers'), 'count', 10, (r) => r.transfers),
  col(w('取消', 'Cancelled'), 'count', 10, (r) => r.cancellations),
  col(w('满意率', 'Satisfaction'), 'percent', 14, (r) => r.satisfactionRate),
];

const clerkColumns: Column<ClerkRow>[] = [
  col(w('工号', 'Staff no.'), 'text', 10, (r) => r.staffNo),
  col(w('姓名', 'Name'), 'text', 12, (r) => r.name),
  col(w('办结', 'Served'), 'count', 10, (r) => r.served),
  col(w('平均办理(分钟)', 'Handling mean (min)'), 'minutes', 18, (r) =>
    minutesOrNull(r.handleMeanSec, r.served > 0),
  ),
  col(w('首办', 'Owned'), 'count', 10, (r) => r.owned),
  col(w('评价', 'Rated'), 'count', 10, (r) => r.rated),
  col(w('参评率', 'Rating coverage'), 'percent', 14, (r) => r.ratingCoverage),
  col(w('满意率', 'Satisfaction'), 'percent', 14, (r) => r.satisfactionRate),
  col(w('不满意', 'Dissatisfied'), 'count', 12, (r) => r.dissatisfied),
  col(w('意见', 'Opinions'), 'count', 10, (r) => r.opinions),
  col(w('工单', 'Cases'), 'count', 10, (r) => r.casesOwned),
  col(w('按期', 'On time'), 'count', 10, (r) => r.casesOnTime),
  col(w('超期', 'Overdue'), 'count', 10, (r) => r.overdue),
  // 授权 (issue 18): remedies given (granted at once or approved), money in yuan and acts.
  col(w('补救', 'Remedies'), 'count', 10, (r) => r.remedyGrants ?? 0),
  col(w('补救金额(元)', 'Remedy money (yuan)'), 'text', 16, (r) =>
    ((r.remedyYuanFen ?? 0) / 100).toFixed(2),
  ),
  col(w('补救措施', 'Remedy acts'), 'count', 10, (r) => r.remedyActs ?? 0),
  // 承诺 (issue 18): promises kept (on time or after a told change) and broken untold.
  col(
    w('承诺兑现', 'Promises kept'),
    'count',
    12,
    (r) => (r.promisesKept ?? 0) + (r.promisesKeptAfterChange ?? 0),
  ),
  col(w('承诺失信', 'Promises broken untold'), 'count', 14, (r) => r.promisesBrokenUntold ?? 0),
  // 大客户经理 (issue 18): a manager's VIP visits served themself and by others.
  col(w('大客户自办', 'VIP served own'), 'count', 12, (r) => r.vipServedOwn ?? 0),
  col(w('大客户他办', 'VIP served by others'), 'count', 12, (r) => r.vipServedByOthers ?? 0),
  // 业务知识考核 (issue 19): quiz attempts in the range, their mean score (a dash: none), passes.
  col(w('测验', 'Quizzes'), 'count', 10, (r) => r.quizAttempts ?? 0),
  col(w('测验均分(%)', 'Quiz avg (%)'), 'decimal', 14, (r) => r.quizAvgPct ?? null),
  col(w('测验通过', 'Quizzes passed'), 'count', 12, (r) => r.quizPassed ?? 0),
  // 抽查 (issue 19): spot checks made in the range and their mean percentage (a dash: none).
  col(w('抽查', 'Spot checks'), 'count', 10, (r) => r.spotChecks ?? 0),
  col(w('抽查均分(%)', 'Spot-check avg (%)'), 'decimal', 16, (r) => r.spotCheckAvgPct ?? null),
];

/** Waits exist only in hours in which someone arrived. */
const hourColumns: Column<HourRow>[] = [
  col(w('时段', 'Hour'), 'text', 13, (r) => hourSpan(r.hour)),
  col(w('到达(人/小时)', 'Arrivals per hour'), 'decimal', 16, (r) => oneDecimal(r.arrivalsPerHour)),
  col(w('平均办理(分钟)', 'Handling mean (min)'), 'minutes', 18, (r) =>
    minutesOrNull(r.handleMeanSec, r.arrivalsPerHour > 0),
  ),
  col(w('等候中位(分钟)', 'Wait p50 (min)'), 'minutes', 16, (r) =>
    minutesOrNull(r.waitP50Sec, r.arrivalsPerHour > 0),
  ),
  col(w('等候P90(分钟)', 'Wait p90 (min)'), 'minutes', 16, (r) =>
    minutesOrNull(r.waitP90Sec, r.arrivalsPerHour > 0),
  ),
  col(w('达标率', 'Within target'), 'percent', 14, (r) =>
    r.arrivalsPerHour > 0 ? r.withinTargetShare : null,
  ),
  col(w('实际窗口', 'Counters serving'), 'decimal', 14, (r) => oneDecimal(r.countersServing)),
  col(w('建议窗口', 'Counters recommended'), 'count', 14, (r) => r.countersRecommended),
];

const caseColumns = (lang: ExportLang): Column<CaseRow>[] => [
  col(w('工单类型', 'Case type'), 'text', 18, (r) =>
    r.total ? w('合计', 'Total')[lang] : lang === 'zh' ? r.nameZh : r.nameEn,
  ),
  col(w('受理', 'Opened'), 'count', 10, (r) => r.opened),
  col(w('办结', 'Closed'), 'count', 10, (r) => r.closed),
  col(w('按期', 'On time'), 'count', 10, (r) => r.onTime),
  col(w('按期率', 'On-time rate'), 'percent', 14, (r) => r.onTimeRate),
  col(w('在办', 'Open'), 'count', 10, (r) => r.open),
  col(w('超期', 'Overdue'), 'count', 10, (r) => r.overdue),
];

const estimateColumns = (ctx: ExportContext): Column<EstimateRow>[] => [
  col(w('维度', 'Scope'), 'text', 10, (r) => scopeWords[r.scope][ctx.lang]),
  col(w('项', 'Item'), 'text', 18, (r) =>
    r.scope === 'all'
      ? w('全部', 'All')[ctx.lang]
      : r.scope === 'service'
        ? ctx.serviceName(r.key)
        : hourKeySpan(r.key),
  ),
  col(w('样本', 'Samples'), 'count', 10, (r) => r.n),
  col(w('平均绝对误差(分钟)', 'Mean abs. error (min)'), 'minutes', 20, (r) =>
    r.n > 0 ? minutesOf(r.maeSec) : null,
  ),
  col(w('偏差(分钟)', 'Bias (min)'), 'signedMinutes', 14, (r) =>
    r.n > 0 ? minutesOf(r.biasSec) : null,
  ),
  col(w('朴素估计误差(分钟)', 'Naive estimate MAE (min)'), 'minutes', 22, (r) =>
    r.naiveMaeSec === null ? null : minutesOf(r.naiveMaeSec),
  ),
  col(w('超出上限', 'Later than told'), 'percent', 14, (r) => r.overHighShare),
];

const scopeWords = {
  all: w('合计', 'Overall'),
  service: w('业务', 'Service'),
  hour: w('时段', 'Hour'),
};

/** The tables a report exports one by one (CSV). */
export const reportTables = [
  'services',
  'clerks',
  'hours',
  'staffing',
  'cases',
  'estimates',
  'hardware',
] as const;
export type ReportTable = (typeof reportTables)[number];

export function tableOf(report: HallReport, table: ReportTable, ctx: ExportContext): Table {
  const { lang } = ctx;
  switch (table) {
    case 'services':
      return build(w('业务', 'Services'), serviceColumns(ctx), report.services, lang);
    case 'clerks':
      return build(w('人员考核', 'Clerks'), clerkColumns, report.clerks, lang);
    case 'hours':
      return build(w('时段排班', 'Hours'), hourColumns, report.hours, lang);
    case 'staffing': {
      const rows = report.staffingByService.flatMap((s) =>
        s.hours.map((h) => ({ ...h, serviceId: s.serviceId })),
      );
      const columns: Column<HourRow & { serviceId: string }>[] = [
        col(w('业务', 'Service'), 'text', 18, (r) => ctx.serviceName(r.serviceId)),
        ...hourColumns,
      ];
      return build(w('分业务排班', 'Staffing by service'), columns, rows, lang);
    }
    case 'cases':
      return build(
        w('工单', 'Cases'),
        caseColumns(lang),
        [...report.cases.byType, { ...report.cases, nameZh: '', nameEn: '', total: true }],
        lang,
      );
    case 'estimates':
      return build(
        w('预估准确度', 'Estimates'),
        estimateColumns(ctx),
        [
          { ...report.estimates.overall, scope: 'all' as const },
          ...report.estimates.byService.map((e) => ({ ...e, scope: 'service' as const })),
          ...report.estimates.byHour.map((e) => ({ ...e, scope: 'hour' as const })),
        ],
        lang,
      );
    case 'hardware':
      return report.hardware
        ? hardwareTable(report.hardware, lang)
        : { name: w('硬件故障', 'Hardware')[lang], headers: [], kinds: [], widths: [], rows: [] };
  }
}

/** Called within target over all services: each service weighted by the tickets it called. */
export function overallWithinTarget(report: HallReport): number | null {
  const called = report.services.reduce((s, r) => s + r.called, 0);
  if (called === 0) return null;
  return report.services.reduce((s, r) => s + r.withinTargetShare * r.called, 0) / called;
}

/** 满意 over everything rated, each clerk weighted by the ratings they had. */
export function overallSatisfaction(report: HallReport): number | null {
  const rated = report.clerks.reduce((s, c) => s + (c.satisfactionRate === null ? 0 : c.rated), 0);
  if (rated === 0) return null;
  return report.clerks.reduce((s, c) => s + (c.satisfactionRate ?? 0) * c.rated, 0) / rated;
}

export interface SummaryLine {
  label: string;
  value: Value;
  kind: Kind;
}

/** The report's headline figures, label and value, for the summary sheet and the bulletin. */
export function summaryOf(report: HallReport, ctx: ExportContext): SummaryLine[] {
  const { lang } = ctx;
  const o = report.opinions;
  const line = (label: Words, value: Value, kind: Kind = 'count'): SummaryLine => ({
    label: label[lang],
    value,
    kind,
  });
  return [
    line(w('营业厅', 'Hall'), ctx.hallName, 'text'),
    line(w('期间', 'Period'), rangeText(report.from, report.to, lang), 'text'),
    line(w('营业日', 'Business days'), report.days),
    line(w('取号', 'Tickets'), report.tickets),
    line(w('按时叫号率', 'Called within target'), overallWithinTarget(report), 'percent'),
    line(w('满意率', 'Satisfaction'), overallSatisfaction(report), 'percent'),
    line(w('意见', 'Opinions'), o.total),
    line(w('投诉', 'Complaints'), o.byCategory.complaint),
    line(w('建议', 'Suggestions'), o.byCategory.suggestion),
    line(w('表扬', 'Praise'), o.byCategory.praise),
    line(w('更正', 'Corrections'), o.byCategory.correction),
    line(w('重复诉求', 'Raised again'), o.repeated),
    line(
      w('平均办结时长(小时)', 'Mean time to close (h)'),
      o.meanHoursToClose === null ? null : oneDecimal(o.meanHoursToClose),
      'decimal',
    ),
    line(w('未结意见', 'Open opinions'), o.open),
    line(w(`超${o.dueHours}小时未结`, `Open past ${o.dueHours} h`), o.openPastDue),
    line(w('工单按期率', 'Cases on time'), report.cases.onTimeRate, 'percent'),
    line(w('超期工单', 'Overdue cases'), report.cases.overdue),
    line(w('生成于', 'Made at'), instantText(report.generatedAt, ctx.timeZone, lang), 'text'),
  ];
}
