import type { Service } from '@onestop/shared';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useStaffView } from '../../../common/desk';
import { formatDuration, useLang } from '@onestop/ui';
import { useDialog } from '../ConsoleDialog';
import { AdminList, EditButton, SaveDialog } from './AdminList';
import { CaseTypesAdmin } from './CaseTypesAdmin';
import { CheckField, NumberField, TextField } from './fields';

// Services: prefix letter, names, category, target wait and handling time, daily cap. A change
// reaches every kiosk at once; the server refuses what does not fit and says which field.

/** The categories the hall's screens know (business items at finish): shown by name. */
const CATEGORIES = ['billing', 'connection', 'account', 'enquiry'] as const;
const OWN = '(own)';

const isKnown = (code: string) => CATEGORIES.some((c) => c === code);

/** A category by name; one an admin typed (not a known one) is its own name. */
export function categoryName(code: string, t: TFunction): string {
  return isKnown(code) ? t(`console.admin.categories.${code}`) : code;
}

function CategoryField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const [own, setOwn] = useState(!isKnown(value) && value !== '');
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
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  const dialog = useDialog<{ service: Service | null }>();
  const services = [...hall.services].sort((a, b) => a.sortOrder - b.sortOrder);
  const minutes = (sec: number) => formatDuration(sec, lang);
  return (
    <AdminList
      testId="admin-services"
      title={t('console.admin.services')}
      newLabel={t('console.admin.newService')}
      onNew={() => dialog.show({ service: null })}
      empty={t('console.hall.noServices')}
      rows={services}
      rowData={(s) => ({ 'data-service': s.id })}
      inactive={(s) => !s.active}
      columns={[
        { head: t('console.admin.prefix'), cell: (s) => <b>{s.prefix}</b> },
        { head: t('console.admin.nameZh'), cell: (s) => s.nameZh },
        { head: t('console.admin.nameEn'), cell: (s) => s.nameEn },
        {
          head: t('console.admin.category'),
          cell: (s) => <span data-testid="service-category">{categoryName(s.category, t)}</span>,
        },
        {
          head: t('console.admin.targetWait'),
          className: 'num',
          cell: (s) => minutes(s.targetWaitSec),
        },
        {
          head: t('console.admin.targetHandle'),
          className: 'num',
          cell: (s) => minutes(s.targetHandleSec),
        },
        { head: t('console.admin.dailyCap'), className: 'num', cell: (s) => s.dailyCap ?? '—' },
        {
          head: t('console.admin.active'),
          cell: (s) => (s.active ? '✓' : t('console.admin.inactive')),
        },
        { head: '', cell: (s) => <EditButton onClick={() => dialog.show({ service: s })} /> },
      ]}
    >
      {dialog.open && <ServiceDialog service={dialog.open.service} onClose={dialog.close} />}
    </AdminList>
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
    <SaveDialog
      record="service"
      command="admin:save-service"
      title={
        service
          ? t('console.admin.editService', { name: service.nameZh })
          : t('console.admin.newService')
      }
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
      id={f.id}
      onId={set('id')}
      editing={service !== null}
      onClose={onClose}
      fields={
        <>
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
          <CheckField
            label={t('console.admin.active')}
            checked={f.active}
            onChange={set('active')}
          />
        </>
      }
    />
  );
}
