import type { StatusCase } from '@onestop/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@onestop/ui';
import { useLang } from '../common/use-lang';

// 承诺 on the customer's phone: the cases opened from their visit, each with the time promised
// on their receipt slip, and every new time with the reason they were told.

/** As the desk and the slip's hall write it: `12月5日 23:59` / `5 Dec 23:59`, in the hall's zone. */
function when(ms: number, lang: 'zh' | 'en', timeZone: string | undefined): string {
  return formatDateTime(ms, timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone, lang);
}

export function StatusCases({
  cases,
  timeZone,
}: {
  cases: readonly StatusCase[];
  timeZone?: string | undefined;
}) {
  const { t } = useTranslation();
  const { pick, zh } = useLang();
  if (cases.length === 0) return null;
  const at = (ms: number) => when(ms, zh ? 'zh' : 'en', timeZone);
  return (
    <section className="status-card status-cases" data-testid="status-cases">
      <h2>{t('statusCasesTitle')}</h2>
      {cases.map((c) => (
        <article
          key={c.number}
          className="status-case"
          data-testid="status-case"
          data-state={c.state}
        >
          <p>
            <span className="badge">{t(`statusCaseKind_${c.kind}`)}</span>{' '}
            <strong>{c.number}</strong> {pick(c.typeNameZh, c.typeNameEn)}
          </p>
          <dl className="status-facts">
            <div>
              <dt>{t('statusPromised')}</dt>
              <dd data-testid="status-promised">{at(c.dueAt)}</dd>
            </div>
            <div>
              <dt>
                {c.state === 'open'
                  ? t('statusCaseOpen')
                  : t('statusCaseClosed', { time: at(c.closedAt ?? c.dueAt) })}
              </dt>
              <dd>
                {c.changes.length > 0 ? t('statusFirstPromised', { time: at(c.promisedAt) }) : ''}
              </dd>
            </div>
          </dl>
          {c.changes.length > 0 && (
            <ul className="status-changes">
              {c.changes.map((x) => (
                <li key={x.at} data-testid="status-change">
                  {t('statusChanged', { time: at(x.at), to: at(x.toDueAt), reason: x.reason })}
                </li>
              ))}
            </ul>
          )}
        </article>
      ))}
    </section>
  );
}
