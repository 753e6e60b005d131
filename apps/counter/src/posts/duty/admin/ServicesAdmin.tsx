import type { Service } from '@onestop/shared';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useStaffView } from '../../../common/desk';
import { formatDuration, type Lang } from '../../../common/format';
import { ActionDialog, useDialog } from '../ConsoleDialog';
import { CaseTypesAdmin } from './CaseTypesAdmin';
import { NumberField, TextField } from './fields';

// Services: prefix letter, names, category, target wait and handling time, daily cap. A change
// reaches every kiosk at once; the server refuses what does not fit and says which field.

/** The categories the hall's screens know (business items at finish): shown by name. */
const CATEGORIES = ['billing', 'connection', 'account', 'enquiry'] as const;
const OWN = '(own)';

/** A category by name; one an admin typed (not a known one) is its own name. */
export function categoryName(code: string, t: TFunction): string {
  return (CATEGORIES as readonly string[]).includes(code)
    ? t(`console.admin.categories.${code}`)
    : code;
}

function CategoryField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const known = (CATEGORIES as readonly string[]).includes(value);
  const [own, setOwn] = useState(!known && value !== '');
  return (
    <>
      <label>
        {t('console.admin.category')}
        <select
          aria-label={t('console.admin.category')}
          value={own ? OWN : value}
          onChange={(e) => {
            const v = e.target.value;
            setOwn(v === OWN);
            onChange(v === OWN ? '' : v);
          }}
        >
          {value === '' && !own && <option value="">{t('common.choose')}</option>}
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`console.admin.categories.${c}`)}
            </option>
          ))}
          <option value={OWN}>{t('console.admin.categoryOther')}</option>
        </select>
      </label>
      {own && (
        <TextField label={t('console.admin.categoryOwn')} value={value} onChange={onChange} />
      )}
    </>
  );
}

export function ServicesAdmin() {
  return (
    <>
      <ServicesTable />
      <CaseTypesAdmin />
    </>
  );
}

function ServicesTable() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { hall } = useStaffView();
  const dialog = useDialog<Service | 'new'>();
  const services = [...hall.services].sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <section className="card" data-testid="admin-services">
      <header className="panel-head">
        <h3>{t('console.admin.services')}</h3>
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => dialog.show('new')}>
          {t('console.admin.newService')}
        </button>
      </header>
      {services.length === 0 ? (
        <p className="muted empty">{t('console.hall.noServices')}</p>
      ) : (
        <table className="grid-table">
          <thead>
            <tr>
              <th>{t('console.admin.prefix')}</th>
              <th>{t('console.admin.nameZh')}</th>
              <th>{t('console.admin.nameEn')}</th>
              <th>{t('console.admin.category')}</th>
              <th>{t('console.admin.targetWait')}</th>
              <th>{t('console.admin.targetHandle')}</th>
              <th>{t('console.admin.dailyCap')}</th>
              <th>{t('console.admin.active')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {services.map((s) => (
              <tr key={s.id} data-service={s.id} className={s.active ? '' : 'inactive'}>
                <td>
                  <b>{s.prefix}</b>
                </td>
                <td>{s.nameZh}</td>
                <td>{s.nameEn}</td>
                <td data-testid="service-category">{categoryName(s.category, t)}</td>
                <td className="num">{formatDuration(s.targetWaitSec, lang)}</td>
                <td className="num">{formatDuration(s.targetHandleSec, lang)}</td>
                <td className="num">{s.dailyCap ?? '—'}</td>
                <td>{s.active ? '✓' : t('console.admin.inactive')}</td>
                <td>
                  <button type="button" onClick={() => dialog.show(s)}>
                    {t('console.admin.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog.open && (
        <ServiceDialog
          service={dialog.open === 'new' ? null : dialog.open}
          onClose={dialog.close}
        />
      )}
    </section>
  );
}

function ServiceDialog({ service, onClose }: { service: Service | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState({
    id: service?.id ?? '',
    prefix: service?.prefix ?? '',
    nameZh: service?.nameZh ?? '',
    nameEn: service?.nameEn ?? '',
    category: service?.category ?? '',
    descriptionZh: service?.descriptionZh ?? '',
    descriptionEn: service?.descriptionEn ?? '',
    targetWaitMin: service ? service.targetWaitSec / 60 : 10,
    targetHandleMin: service ? service.targetHandleSec / 60 : 5,
    dailyCap: service?.dailyCap ?? null,
    active: service?.active ?? true,
    sortOrder: service?.sortOrder ?? 0,
  });
  const set =
    <K extends keyof typeof f>(k: K) =>
    (v: (typeof f)[K]) =>
      setF({ ...f, [k]: v });
  const complete = f.id && f.prefix && f.nameZh && f.nameEn && f.category;
  return (
    <ActionDialog
      title={
        service
          ? t('console.admin.editService', { name: service.nameZh })
          : t('console.admin.newService')
      }
      actionKey="admin-service"
      command="admin:save-service"
      testId="service-dialog"
      confirmLabel={t('console.admin.save')}
      payload={
        complete
          ? {
              service: {
                id: f.id.trim(),
                prefix: f.prefix.trim().toUpperCase(),
                nameZh: f.nameZh,
                nameEn: f.nameEn,
                category: f.category,
                descriptionZh: f.descriptionZh,
                descriptionEn: f.descriptionEn,
                targetWaitSec: Math.round(f.targetWaitMin * 60),
                targetHandleSec: Math.round(f.targetHandleMin * 60),
                dailyCap: f.dailyCap,
                active: f.active,
                sortOrder: f.sortOrder,
              },
            }
          : null
      }
      onClose={onClose}
    >
      <div className="form-grid">
        <TextField
          label={t('console.admin.id')}
          value={f.id}
          onChange={set('id')}
          disabled={service !== null}
        />
        <TextField
          label={t('console.admin.prefix')}
          value={f.prefix}
          onChange={set('prefix')}
          maxLength={1}
        />
        <TextField label={t('console.admin.nameZh')} value={f.nameZh} onChange={set('nameZh')} />
        <TextField label={t('console.admin.nameEn')} value={f.nameEn} onChange={set('nameEn')} />
        <CategoryField value={f.category} onChange={set('category')} />
        <NumberField
          label={t('console.admin.sortOrder')}
          value={f.sortOrder}
          onChange={(v) => set('sortOrder')(v ?? 0)}
        />
        <TextField
          label={t('console.admin.descriptionZh')}
          value={f.descriptionZh}
          onChange={set('descriptionZh')}
        />
        <TextField
          label={t('console.admin.descriptionEn')}
          value={f.descriptionEn}
          onChange={set('descriptionEn')}
        />
        <NumberField
          label={t('console.admin.targetWaitMin')}
          value={f.targetWaitMin}
          onChange={(v) => set('targetWaitMin')(v ?? 0)}
        />
        <NumberField
          label={t('console.admin.targetHandleMin')}
          value={f.targetHandleMin}
          onChange={(v) => set('targetHandleMin')(v ?? 0)}
        />
        <NumberField
          label={t('console.admin.dailyCapHint')}
          value={f.dailyCap}
          onChange={set('dailyCap')}
        />
        <label className="choice">
          <input
            type="checkbox"
            checked={f.active}
            onChange={(e) => set('active')(e.target.checked)}
          />
          {t('console.admin.active')}
        </label>
      </div>
    </ActionDialog>
  );
}
