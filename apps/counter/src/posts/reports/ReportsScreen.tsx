import { useCallback, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline, useStaffView } from '../../common/desk';
import { formatDuration, type Lang } from '@onestop/ui';
import { named } from '../../common/hall-selectors';
import { useQuery } from '../../common/use-query';
import { addStrings, useLanguage } from '../../i18n';
import { percent } from './cells';
import { ExportBar } from './ExportBar';
import { CasesSection, OpinionsSection } from './FollowUpSections';
import { ClerksSection, ServicesSection } from './PeopleSections';
import { ClerkTrendSection } from './ClerkTrendSection';
import { RemediesSection } from './RemediesSection';
import { HardwareSection } from './HardwareSection';
import { presetRange, type DayRange } from './range';
import { RangePicker } from './RangePicker';
import { SegTabs } from './SegTabs';
import './reports.css';
import type { SectionProps } from './section-kit';
import { headline, isEmptyReport, reportState } from './shape';
import { reportsEn, reportsZh } from './strings';
import { EstimatesSection } from './EstimatesSection';
import { HoursSection } from './HoursSection';
import { StaffingSection } from './StaffingSection';
import { useExports } from './use-exports';

// The console's reports tab (issue 7), for any range of business days, per service, per clerk (the
// appraisal), per hour, opinions, cases, staffing by time of day and the wait estimate's
// accuracy, with charts, sortable tables and the files (XLSX, CSV, the weekly bulletin). A chunk
// of its own with ECharts, loaded when the tab is opened; its words come with it.

addStrings(reportsZh, reportsEn);

const sectionKeys = [
  'services',
  'clerks',
  'hours',
  'staffing',
  'opinions',
  'cases',
  'remedies',
  'hardware',
  'estimates',
  'trends',
] as const;
type Section = (typeof sectionKeys)[number];
const sections: Record<Section, ComponentType<SectionProps>> = {
  services: ServicesSection,
  clerks: ClerksSection,
  hours: HoursSection,
  staffing: StaffingSection,
  opinions: OpinionsSection,
  cases: CasesSection,
  remedies: RemediesSection,
  hardware: HardwareSection,
  estimates: EstimatesSection,
  // A clerk's months (考核趋势): its own range, so the section takes none of the report's.
  trends: ClerkTrendSection,
};

export function ReportsScreen() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { hall } = useStaffView();
  const online = useOnline();
  const today = hall.businessDay;
  const [range, setRange] = useState<DayRange>(() => presetRange('today', today));
  const [serviceLevel, setServiceLevel] = useState(0.8);
  const [section, setSection] = useState<Section>('services');
  const [attempt, setAttempt] = useState(0);
  const query = useQuery(
    'report:get',
    { ...range, serviceLevel },
    online ? `${range.from}|${range.to}|${serviceLevel}|${attempt}` : null,
  );
  const exports = useExports(range, serviceLevel, lang);
  const serviceName = useCallback(
    (id: string) => {
      // Only the services, not the whole hall: the charts redraw when this changes.
      const service = hall.services.find((s) => s.id === id);
      return service ? named(service, lang) : id;
    },
    [hall.services, lang],
  );

  const report = query.data;
  const matches =
    report !== null &&
    report.from === range.from &&
    report.to === range.to &&
    report.staffing.serviceLevel === serviceLevel;
  const state = reportState({
    loading: query.loading,
    error: query.error !== null,
    matches,
    online,
    empty: matches && isEmptyReport(report),
  });

  return (
    <section className="reports" data-testid="reports" data-state={state}>
      <header className="reports-toolbar card">
        <h3>{t('reports.title')}</h3>
        <RangePicker
          range={range}
          today={today}
          onRange={setRange}
          serviceLevel={serviceLevel}
          onServiceLevel={setServiceLevel}
        />
        <span className="spacer" />
        <ExportBar exports={exports} disabled={!online || state !== 'ready'} />
      </header>
      {!online && matches && (
        <p className="reports-stale" role="status" data-testid="reports-stale">
          {t('reports.state.stale')}
        </p>
      )}
      {state === 'loading' && (
        <div className="reports-state card" role="status" data-testid="reports-loading">
          <span className="spinner" aria-hidden="true" />
          {t('reports.state.loading')}
        </div>
      )}
      {state === 'offline' && (
        <div className="reports-state card" role="status" data-testid="reports-offline">
          <strong>{t('reports.state.offline')}</strong>
          <p className="muted">{t('reports.state.offlineHint')}</p>
        </div>
      )}
      {state === 'error' && (
        <div className="reports-state card error-state" role="alert" data-testid="reports-error">
          <strong>{t('reports.state.error')}</strong>
          <p className="muted">{t(`errors.${query.error!}`)}</p>
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('reports.state.retry')}
          </button>
        </div>
      )}
      {state === 'empty' && (
        <div className="reports-state card" data-testid="reports-empty">
          <strong>{t('reports.state.empty', { from: range.from, to: range.to })}</strong>
          <p className="muted">{t('reports.state.emptyHint')}</p>
        </div>
      )}
      {state === 'empty' && (
        <div className="card report-body">
          <ClerkTrendSection />
        </div>
      )}
      {state === 'ready' && report && (
        <>
          <Headline report={report} lang={lang} />
          <SegTabs
            as="nav"
            className="seg report-sections"
            keys={sectionKeys}
            chosen={section}
            onChoose={setSection}
            text={(s) => t(`reports.section.${s}`)}
            label={t('reports.title')}
            data="section"
          />
          <div className={`card report-body${query.loading ? ' refreshing' : ''}`}>
            <Body section={section} props={{ report, lang, serviceName, exports, online }} />
          </div>
        </>
      )}
    </section>
  );
}

function Body({ section, props }: { section: Section; props: SectionProps }) {
  const Section = sections[section];
  return <Section {...props} />;
}

function Headline({ report, lang }: { report: SectionProps['report']; lang: Lang }) {
  const { t } = useTranslation();
  const h = headline(report);
  const figures: [string, string, string][] = [
    ['tickets', t('reports.figure.tickets'), String(h.tickets)],
    ['served', t('reports.figure.served'), String(h.served)],
    ['withinTarget', t('reports.figure.withinTarget'), percent(h.withinTarget)],
    [
      'handleMean',
      t('reports.figure.handleMean'),
      h.handleMeanSec === null ? '—' : formatDuration(h.handleMeanSec, lang),
    ],
    ['satisfaction', t('reports.figure.satisfaction'), percent(h.satisfaction)],
    ['opinions', t('reports.figure.opinions'), String(h.opinions)],
    ['casesOnTime', t('reports.figure.onTimeRate'), percent(h.casesOnTimeRate)],
  ];
  return (
    <div className="figures headline" data-testid="reports-headline">
      {figures.map(([key, label, value]) => (
        <div key={key} className="figure" data-figure={key}>
          <span className="figure-value">{value}</span>
          <span className="figure-label">{label}</span>
        </div>
      ))}
      <span className="muted generated">
        {t('reports.generated', { count: report.days, ms: report.elapsedMs })}
      </span>
    </div>
  );
}
