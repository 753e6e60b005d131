import type { Snapshot } from '@onestop/shared';
import { formatDateTime, langOf } from '@onestop/ui';
import { useTranslation } from 'react-i18next';
import { useNow, useOnline } from '../../../common/desk';
import { useQuery } from '../../../common/use-query';
import { useWork, useWorkstationStore } from '../workstation/work-context';
import { promisesOf, type PromiseItem } from './promise-view';
import './promises.css';

// 承诺 on the owner's list: every open case and support task the clerk owns, what is due first
// at the top, with its promised time and where it stands (on time, warning, overdue, changed);
// "Record new time" (改约) opens the re-set dialog.

export function PromiseList() {
  const { t } = useTranslation();
  const { hall, me } = useWork();
  const now = useNow();
  const items = promisesOf(hall, me.id, now);
  return (
    <section className="promises" data-testid="promises">
      <h3>{t('promise.title', { count: items.length })}</h3>
      {items.length === 0 ? (
        <p className="muted empty">{t('promise.empty')}</p>
      ) : (
        <ul className="items">
          {items.map((p) => (
            <PromiseRow key={`${p.kind}-${p.id}`} item={p} hall={hall} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PromiseRow({ item, hall }: { item: PromiseItem; hall: Snapshot }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const tz = hall.config.timeZone;
  const online = useOnline();
  const store = useWorkstationStore();
  const last = item.changes.at(-1);
  const type = item.caseTypeId ? hall.caseTypes.find((x) => x.id === item.caseTypeId) : undefined;
  return (
    <li
      className={`promise ${item.stage}`}
      data-testid="promise-row"
      data-subject={item.id}
      data-stage={item.stage}
      data-changed={item.changes.length > 0}
    >
      <div>
        <span className="badge">{t(`promise.kind.${item.kind}`)}</span>{' '}
        <strong>{item.label}</strong>
        {type && <span className="muted"> {lang === 'zh' ? type.nameZh : type.nameEn}</span>}
      </div>
      <div>
        <span className={`due ${item.stage}`} data-testid="promise-stage">
          {t(`promise.stage.${item.stage}`)}
        </span>{' '}
        <span data-testid="promise-due">
          {t('promise.due', { time: formatDateTime(item.dueAt, tz, lang) })}
        </span>
        {item.changes.length > 0 && (
          <>
            {' '}
            <span className="badge changed" data-testid="promise-changed">
              {t('promise.changedCount', { count: item.changes.length })}
            </span>{' '}
            <span className="muted">
              {t('promise.first', { time: formatDateTime(item.promisedAt, tz, lang) })}
            </span>
          </>
        )}
        <button
          type="button"
          className="link"
          disabled={!online}
          onClick={() =>
            store.setState({
              dialog: { kind: 'resetPromise', subject: { kind: item.kind, id: item.id } },
            })
          }
        >
          {t('promise.reset')}
        </button>
      </div>
      {last && (
        <div className="muted" data-testid="promise-last-change">
          {t('promise.lastChange', {
            time: formatDateTime(last.at, tz, lang),
            reason: last.reason,
            told: t(`promise.toldState.${last.told}`),
          })}
          {last.notificationId && <DeliveryState subject={item} id={last.notificationId} />}
        </div>
      )}
    </li>
  );
}

/** The notification's delivery state, asked of the hall (this record's log), every 15 s. */
function DeliveryState({ subject, id }: { subject: PromiseItem; id: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const log = useQuery(
    'notification:list',
    { subjectKind: subject.kind, subjectId: subject.id },
    `${id}:${Math.floor(now / 15_000)}`,
  );
  const n = log.data?.notifications.find((x) => x.id === id);
  if (!n) return null;
  return (
    <span data-testid="promise-delivery" data-state={n.state}>
      {' · '}
      {t('promise.delivery', { state: t(`promise.deliveryState.${n.state}`) })}
    </span>
  );
}
