import { langOf } from '@onestop/ui';
import { useTranslation } from 'react-i18next';
import { named } from '../../../common/hall-selectors';
import { amountText, grantsOfToday, kindOf } from '../../../common/remedy-view';
import { useWork } from '../workstation/work-context';

/** The clerk's remedies of today and any still waiting, with where each stands (live). */
export function MyRemedies() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { hall, me } = useWork();
  const today = new Set(grantsOfToday(hall).map((g) => g.id));
  const mine = (hall.remedyGrants ?? [])
    .filter((g) => g.grantedByStaffId === me.id && (today.has(g.id) || g.state === 'pending'))
    .sort((a, b) => b.requestedAt - a.requestedAt);
  return (
    <section className="my-remedies" data-testid="my-remedies">
      <h3>{t('remedy.mine', { count: mine.length })}</h3>
      {mine.length === 0 ? (
        <p className="muted empty">{t('remedy.noneToday')}</p>
      ) : (
        <ul className="items">
          {mine.map((g) => {
            const kind = kindOf(hall, g.remedyKindId);
            const unit = kind?.unit ?? 'count';
            return (
              <li key={g.id} data-testid="my-remedy" data-state={g.state}>
                <span className={`state-badge ${g.state}`}>{t(`remedy.state.${g.state}`)}</span>{' '}
                {kind ? named(kind, lang) : g.remedyKindId} · {amountText(g.amount, unit)}{' '}
                {t(`remedy.unit.${unit}`)}
                {g.customerMasked && <span className="muted"> · {g.customerMasked}</span>}
                {g.decisionNote && <span className="muted"> · {g.decisionNote}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
