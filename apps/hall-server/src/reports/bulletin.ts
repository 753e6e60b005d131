import type { HallReport } from '@onestop/shared';
import { bulletinStyle } from './bulletin-style';
import type { ExportContext, ExportLang } from './readable';
import { instantText, minutesOf, oneDecimal, percentText, rangeText } from './readable';
import { remediesByClassTable } from './remedies';
import { barChart, chartColors, columnChart, escapeXml } from './svg-charts';
import { overallSatisfaction, overallWithinTarget, tableOf, valueText, type Table } from './tables';

// The weekly bulletin (周通报): one page of headline figures and charts, then a page each for
// services and cases, the clerks' appraisal, and staffing by hour. Plain HTML and inline SVG,
// no script, so it opens under the hall's CSP and Chromium prints it to A4 PDF as it is.

const words = {
  zh: {
    title: '服务通报',
    days: '营业日',
    made: '生成于',
    tickets: '取号',
    withinTarget: '按时叫号率',
    satisfaction: '满意率',
    opinions: '意见',
    complaints: '投诉',
    casesOnTime: '工单按期率',
    overdue: '超期',
    rated: '评价',
    arrivals: '分时到达(人/小时,日均)',
    waits: '分时等候(分钟)',
    p50: '中位',
    p90: 'P90',
    target: (v: string) => `目标 ${v}`,
    minutes: (m: number) => `${m} 分钟`,
    serviceLevel: '各业务按时叫号率',
    clerkSatisfaction: '人员满意率',
    serviceSatisfaction: '各业务满意率',
    counters: '分时窗口(实际与建议)',
    peakCounters: '峰时建议窗口',
    serving: '实际窗口',
    recommended: '建议窗口',
    noData: '无数据',
    services: '业务',
    cases: '工单',
    clerks: '人员考核',
    remedies: '补救成本:哪些问题代价最高',
    staffing: (level: string, wait: string) => `分时段排班(服务水平 ${level} / ${wait} 分钟)`,
    opinionLine: (o: HallReport['opinions'], mean: string) =>
      `意见 ${o.total} 条:投诉 ${o.byCategory.complaint},建议 ${o.byCategory.suggestion},表扬 ${o.byCategory.praise},更正 ${o.byCategory.correction};重复诉求 ${o.repeated};已结 ${o.closed}(平均 ${mean} 小时);超 ${o.dueHours} 小时未结 ${o.openPastDue}。`,
    page: '"第 " counter(page) " 页 / 共 " counter(pages) " 页"',
  },
  en: {
    title: 'Service bulletin',
    days: 'business days',
    made: 'Made',
    tickets: 'Tickets',
    withinTarget: 'Called within target',
    satisfaction: 'Satisfaction',
    opinions: 'Opinions',
    complaints: 'complaints',
    casesOnTime: 'Cases on time',
    overdue: 'overdue',
    rated: 'rated',
    arrivals: 'Arrivals by hour (per hour, daily mean)',
    waits: 'Waits by hour (min)',
    p50: 'Median',
    p90: 'P90',
    target: (v: string) => `Target ${v}`,
    minutes: (m: number) => `${m} min`,
    serviceLevel: 'Called within target, per service',
    clerkSatisfaction: 'Satisfaction per clerk',
    serviceSatisfaction: 'Satisfaction per service',
    counters: 'Counters by hour (serving and recommended)',
    peakCounters: 'Counters needed at peak',
    serving: 'Serving',
    recommended: 'Recommended',
    noData: 'No data',
    services: 'Services',
    cases: 'Cases',
    clerks: 'Clerks',
    remedies: 'Remedies: which problems cost most',
    staffing: (level: string, wait: string) =>
      `Staffing by hour (service level ${level} within ${wait} min)`,
    opinionLine: (o: HallReport['opinions'], mean: string) =>
      `${o.total} opinions: ${o.byCategory.complaint} complaints, ${o.byCategory.suggestion} suggestions, ${o.byCategory.praise} praise, ${o.byCategory.correction} corrections; ${o.repeated} raised again; ${o.closed} closed (mean ${mean} h); ${o.openPastDue} open past ${o.dueHours} h.`,
    page: '"Page " counter(page) " of " counter(pages)',
  },
} satisfies Record<ExportLang, unknown>;

type Words = (typeof words)[ExportLang];

function htmlTable(table: Table, opts: { totalRow?: boolean } = {}): string {
  const cls = (i: number) => (table.kinds[i] === 'text' ? ' class="text"' : '');
  const head = table.headers.map((h, i) => `<th${cls(i)}>${escapeXml(h)}</th>`).join('');
  const body = table.rows
    .map((row, r) => {
      const total = opts.totalRow && r === table.rows.length - 1 ? ' class="total"' : '';
      const cells = row.map((v, i) => {
        const kind = table.kinds[i]!;
        const c = kind === 'text' ? 'text' : v === null ? 'none' : '';
        return `<td${c ? ` class="${c}"` : ''}>${escapeXml(valueText(v, kind))}</td>`;
      });
      return `<tr${total}>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead>\n<tbody>${body}</tbody></table>`;
}

function kpi(label: string, value: string, sub = ''): string {
  const note = sub ? `<span class="sub">${escapeXml(sub)}</span>` : '';
  return `<div class="kpi"><span class="label">${escapeXml(label)}</span><span class="value">${escapeXml(value)}</span>${note}</div>`;
}

function headline(report: HallReport, t: Words): string {
  const rated = report.clerks.reduce((s, c) => s + c.rated, 0);
  const o = report.opinions;
  return `<section class="kpis">
${kpi(t.tickets, String(report.tickets), `${report.days} ${t.days}`)}
${kpi(t.withinTarget, percentText(overallWithinTarget(report)))}
${kpi(t.satisfaction, percentText(overallSatisfaction(report)), `${t.rated} ${rated}`)}
${kpi(t.opinions, String(o.total), `${t.complaints} ${o.byCategory.complaint}`)}
${kpi(t.casesOnTime, percentText(report.cases.onTimeRate), `${t.overdue} ${report.cases.overdue}`)}
${kpi(t.peakCounters, String(maxRecommended(report)))}
</section>`;
}

const maxRecommended = (r: HallReport) => Math.max(0, ...r.hours.map((h) => h.countersRecommended));

const figure = (caption: string, svg: string, cls = '') =>
  `<figure${cls ? ` class="${cls}"` : ''}><figcaption>${escapeXml(caption)}</figcaption>${svg}</figure>`;

const hourTick = (h: number) => String(h).padStart(2, '0');

type Hour = HallReport['hours'][number];
type ColumnSpec = Parameters<typeof columnChart>[0];

/** A column chart over the report's hours, figures to one decimal. */
function hourlyChart(
  t: Words,
  title: string,
  hours: Hour[],
  series: { name: string; value: (h: Hour) => number | null; color: string }[],
  more: Partial<ColumnSpec> = {},
): string {
  return columnChart({
    title,
    categories: hours.map((h) => hourTick(h.hour)),
    series: series.map((s) => ({ name: s.name, values: hours.map(s.value), color: s.color })),
    format: (v) => String(oneDecimal(v)),
    emptyText: t.noData,
    ...more,
  });
}

function charts(report: HallReport, ctx: ExportContext, t: Words): string {
  const hours = report.hours;
  const busy = (h: (typeof hours)[number], v: number) => (h.arrivalsPerHour > 0 ? v : null);
  const targetMin = minutesOf(report.staffing.targetWaitSec);
  const level = report.staffing.serviceLevel;
  const byService = report.services
    .filter((s) => s.called > 0)
    .map((s) => ({ label: ctx.serviceName(s.serviceId), value: s.withinTargetShare }));
  const satisfaction = report.services
    .filter((s) => s.satisfactionRate !== null)
    .map((s) => ({ label: ctx.serviceName(s.serviceId), value: s.satisfactionRate! }));
  return `<section class="charts">
${figure(
  t.arrivals,
  hourlyChart(
    t,
    t.arrivals,
    hours,
    [{ name: t.arrivals, value: (h) => oneDecimal(h.arrivalsPerHour), color: chartColors.brand }],
    { valueLabels: hours.length <= 12 },
  ),
)}
${figure(
  t.waits,
  hourlyChart(
    t,
    t.waits,
    hours,
    [
      { name: t.p50, value: (h) => busy(h, minutesOf(h.waitP50Sec)), color: chartColors.light },
      { name: t.p90, value: (h) => busy(h, minutesOf(h.waitP90Sec)), color: chartColors.brand },
    ],
    { goal: { value: targetMin, label: t.target(t.minutes(targetMin)) } },
  ),
)}
${figure(
  t.serviceLevel,
  barChart({
    title: t.serviceLevel,
    rows: byService,
    max: 1,
    format: percentText,
    goal: { value: level, label: t.target(percentText(level)) },
    emptyText: t.noData,
  }),
)}
${figure(
  t.serviceSatisfaction,
  barChart({
    title: t.serviceSatisfaction,
    rows: satisfaction,
    max: 1,
    format: percentText,
    emptyText: t.noData,
  }),
)}
${staffingChart(report, t)}
</section>`;
}

/** Satisfaction per clerk, best first, for the appraisal page. */
function clerkChart(report: HallReport, t: Words): string {
  const byClerk = report.clerks
    .filter((c) => c.satisfactionRate !== null)
    .map((c) => ({ label: c.name, value: c.satisfactionRate! }))
    .sort((a, b) => b.value - a.value);
  const chart = barChart({
    title: t.clerkSatisfaction,
    rows: byClerk,
    max: 1,
    format: percentText,
    emptyText: t.noData,
  });
  return figure(t.clerkSatisfaction, chart, 'half');
}

/** Which problems cost most (issue 18): remedies per complaint class, when any were given. */
function remediesSection(report: HallReport, lang: ExportLang, t: Words): string {
  if (!report.remedies?.byClass.length) return '';
  return `\n<h2>${escapeXml(t.remedies)}</h2>\n${htmlTable(remediesByClassTable(report.remedies, lang))}`;
}

function staffingChart(report: HallReport, t: Words): string {
  return figure(
    t.counters,
    hourlyChart(
      t,
      t.counters,
      report.hours,
      [
        { name: t.serving, value: (h) => oneDecimal(h.countersServing), color: chartColors.light },
        { name: t.recommended, value: (h) => h.countersRecommended, color: chartColors.brand },
      ],
      { size: { width: 720, height: 170 } },
    ),
    'wide',
  );
}

/** The weekly bulletin (周通报) as a page made for printing to A4 PDF. */
export function reportToBulletinHtml(report: HallReport, ctx: ExportContext): string {
  const t = words[ctx.lang];
  const range = rangeText(report.from, report.to, ctx.lang);
  const o = report.opinions;
  const mean = o.meanHoursToClose === null ? '—' : oneDecimal(o.meanHoursToClose).toFixed(1);
  const style = bulletinStyle({ left: `${ctx.hallName} · ${t.title} · ${range}`, page: t.page });
  const lang = ctx.lang === 'zh' ? 'zh-CN' : 'en';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<title>${escapeXml(`${ctx.hallName} ${t.title} ${range}`)}</title>
<style>${style}</style></head><body>
<header class="masthead"><div class="hall">${escapeXml(ctx.hallName)}</div>
<h1>${escapeXml(t.title)}</h1>
<p class="period">${escapeXml(`${range} · ${report.days} ${t.days} · ${t.made} ${instantText(report.generatedAt, ctx.timeZone, ctx.lang)}`)}</p></header>
${headline(report, t)}
${charts(report, ctx, t)}
<section class="sheet"><h2>${escapeXml(t.services)}</h2>
${htmlTable(tableOf(report, 'services', ctx))}
<h2>${escapeXml(t.cases)}</h2>
${htmlTable(tableOf(report, 'cases', ctx), { totalRow: true })}
<p class="note">${escapeXml(t.opinionLine(o, mean))}</p></section>
<section class="sheet"><h2>${escapeXml(t.clerks)}</h2>
${htmlTable(tableOf(report, 'clerks', ctx))}
${clerkChart(report, t)}${remediesSection(report, ctx.lang, t)}</section>
<section class="sheet"><h2>${escapeXml(t.staffing(percentText(report.staffing.serviceLevel), String(minutesOf(report.staffing.targetWaitSec))))}</h2>
${htmlTable(tableOf(report, 'hours', ctx))}</section>
</body></html>`;
}
