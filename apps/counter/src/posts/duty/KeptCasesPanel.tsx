import { maskCustomer, type Case, type Snapshot } from '@onestop/shared';
import { useTranslation } from 'react-i18next';
import { DueBadge } from '../../common/DueBadge';
import { useNow, useOnline, useStaffView } from '../../common/desk';
import { formatDateTime, useLang } from '@onestop/ui';
import { caseTypeById, named, staffById, staffLabel } from '../../common/hall-selectors';
import { PanelHead } from './Panel';

// Cases kept over a sign-off (issue 15 item 8): an owner signing off keeps the cases not yet
// due (handover's `includeKept`); the duty leader sees every open case whose owner is off now,
// so nothing waits unseen while they are away. Customer data masked, as on every list.

/** Open cases whose owner is signed in nowhere, soonest due first. */
export function keptCases(hall: Snapshot): Case[] {
  const on = new Set(hall.sessions.filter((s) => s.endedAt === null).map((s) => s.staffId));
  return hall.cases
    .filter((c) => c.state === 'open' && !on.has(c.ownerStaffId))
    .sort((a, b) => a.dueAt - b.dueAt);
}

/** When the owner last signed off, if this desk saw it (today's sessions). */
export function offSince(hall: Snapshot, staffId: string): number | null {
  const ended = hall.sessions.flatMap((s) =>
    s.staffId === staffId && s.endedAt !== null ? [s.endedAt] : [],
  );
  return ended.length > 0 ? Math.max(...ended) : null;
}

export function KeptCasesPanel() {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const online = useOnline();
  const cases = keptCases(hall);
  return (
    <section className="card kept-cases" data-testid="kept-cases">
      <PanelHead title={t('console.kept.title', { count: cases.length })} stale={!online} />
      <p className="muted explain">{t('console.kept.explain')}</p>
      {cases.length === 0 ? (
        <p className="muted empty" data-testid="kept-cases-empty">
          {t('console.kept.none')}
        </p>
      ) : (
        <table className="grid-table">
          <thead>
            <tr>
              <th>{t('console.kept.case')}</th>
              <th>{t('console.kept.owner')}</th>
              <th>{t('console.kept.customer')}</th>
              <th>{t('console.kept.due')}</th>
              <th>{t('console.kept.status')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <KeptCaseRow key={c.id} item={c} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function KeptCaseRow({ item }: { item: Case }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  const now = useNow();
  const tz = hall.config.timeZone;
  const customer = maskCustomer(item.customer);
  const step = item.steps.find((s) => s.doneAt === null);
  const off = offSince(hall, item.ownerStaffId);
  return (
    <tr data-testid="kept-case" data-case={item.number}>
      <td>
        <b>{item.number}</b> {named(caseTypeById(hall, item.caseTypeId), lang)}
        <div className="muted">{item.summary}</div>
      </td>
      <td>
        {staffLabel(staffById(hall, item.ownerStaffId))}
        <div className="muted">
          {off === null
            ? t('console.kept.off')
            : t('console.kept.offSince', { time: formatDateTime(off, tz, lang) })}
        </div>
      </td>
      <td data-testid="kept-customer">
        {[customer.name, customer.phone, customer.accountNo].filter(Boolean).join(' · ') || '—'}
      </td>
      <td>
        <DueBadge dueAt={item.dueAt} now={now} timeZone={tz} />
      </td>
      <td>
        {t(`caseState.${item.state}`)}
        {step && <div className="muted">{t('console.kept.step', { step: named(step, lang) })}</div>}
      </td>
    </tr>
  );
}
