import type { SpotCheckItem } from '@onestop/shared';
import { MAX_SPOT_CHECK_ITEMS } from '@onestop/shared';
import { useLang } from '@onestop/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, usePending, useStaffView } from '../../../common/desk';
import { named } from '../../../common/hall-selectors';
import { useQuery } from '../../../common/use-query';
import { RefusalFor } from '../ConsoleDialog';

// 抽查清单: the admin's checklist per service — items and their points; a service without its
// own uses the hall's default. Checks already saved keep the list they were scored on.

const ACTION = 'admin-spot-checklist';

export function SpotChecklistAdmin() {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  const { runner } = useDesk();
  const online = useOnline();
  const busy = usePending(ACTION);
  const [serviceId, setServiceId] = useState(hall.services[0]?.id ?? '');
  const [saved, setSaved] = useState(0);
  const lists = useQuery('spot-check:checklists', {}, online ? `lists:${saved}` : null);
  const current = lists.data?.checklists.find((l) => l.serviceId === serviceId);
  const [items, setItems] = useState<SpotCheckItem[]>([]);
  useEffect(() => setItems(current ? [...current.items] : []), [current]);
  const change = (i: number, patch: Partial<SpotCheckItem>) =>
    setItems((all) => all.map((item, j) => (j === i ? { ...item, ...patch } : item)));
  const save = (next: SpotCheckItem[]) =>
    void runner
      .run(ACTION, 'admin:save-spot-checklist', { serviceId, items: next })
      .then((ack) => ack?.ok && setSaved((n) => n + 1));
  const points = items.reduce((s, i) => s + (Number.isFinite(i.weight) ? i.weight : 0), 0);
  return (
    <section className="card" data-testid="admin-spot-checklist">
      <h3>{t('console.spotChecks.checklist')}</h3>
      <p className="muted">{t('console.spotChecks.checklistExplain')}</p>
      <label className="inline">
        {t('console.spotChecks.service')}{' '}
        <select value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
          {hall.services.map((s) => (
            <option key={s.id} value={s.id}>
              {s.prefix} {named(s, lang)}
            </option>
          ))}
        </select>
        {current && (
          <span className="badge" data-testid="checklist-kind">
            {current.custom ? t('console.spotChecks.own') : t('console.spotChecks.default')}
          </span>
        )}
      </label>
      {lists.error ? (
        <p className="error" role="alert">
          {t(`errors.${lists.error}`)}
        </p>
      ) : lists.data === null ? (
        <p className="muted empty">
          {online ? t('console.spotChecks.loading') : t('console.common.offlineNoData')}
        </p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save(items);
          }}
        >
          <table className="grid-table">
            <thead>
              <tr>
                <th>{t('console.spotChecks.itemId')}</th>
                <th>{t('console.spotChecks.nameZh')}</th>
                <th>{t('console.spotChecks.nameEn')}</th>
                <th>{t('console.spotChecks.weight')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {items.map((item, i) => (
                <tr key={i} data-testid="checklist-item">
                  <td>
                    <input
                      value={item.id}
                      maxLength={30}
                      aria-label={t('console.spotChecks.itemId')}
                      onChange={(e) => change(i, { id: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      value={item.nameZh}
                      maxLength={20}
                      aria-label={t('console.spotChecks.nameZh')}
                      onChange={(e) => change(i, { nameZh: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      value={item.nameEn}
                      maxLength={40}
                      aria-label={t('console.spotChecks.nameEn')}
                      onChange={(e) => change(i, { nameEn: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      type="number"
                      min={1}
                      max={100}
                      step={1}
                      value={Number.isFinite(item.weight) ? item.weight : ''}
                      aria-label={t('console.spotChecks.weight')}
                      onChange={(e) => change(i, { weight: Number(e.target.value) })}
                    />
                  </td>
                  <td className="actions">
                    <button
                      type="button"
                      onClick={() => setItems((all) => all.filter((_, j) => j !== i))}
                    >
                      {t('console.spotChecks.removeItem')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row">
            <button
              type="button"
              disabled={items.length >= MAX_SPOT_CHECK_ITEMS}
              onClick={() =>
                setItems((all) => [...all, { id: '', nameZh: '', nameEn: '', weight: 10 }])
              }
            >
              {t('console.spotChecks.addItem')}
            </button>
            <span className="muted">{t('console.spotChecks.points', { points })}</span>
            <span className="spacer" />
            <button
              type="button"
              disabled={!online || busy || !current?.custom}
              onClick={() => save([])}
            >
              {t('console.spotChecks.resetChecklist')}
            </button>
            <button type="submit" disabled={!online || busy || items.length === 0}>
              {t('console.spotChecks.saveChecklist')}
            </button>
          </div>
          <RefusalFor actionKey={ACTION} />
        </form>
      )}
    </section>
  );
}
