import type { CaseType, CaseTypeStep } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffView } from '../../../common/desk';
import { useLang } from '@onestop/ui';
import { named } from '../../../common/hall-selectors';
import { useDialog } from '../ConsoleDialog';
import { AdminList, EditButton, SaveDialog } from './AdminList';
import { CheckField, NumberField, TextField } from './fields';

/** Case types (限时办结): time limit and steps with their limits; open cases keep their steps. */
export function CaseTypesAdmin() {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  const dialog = useDialog<{ caseType: CaseType | null }>();
  const types = [...hall.caseTypes].sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <AdminList
      testId="admin-case-types"
      title={t('console.admin.caseTypes')}
      explain={t('console.admin.caseTypesExplain')}
      newLabel={t('console.admin.newCaseType')}
      onNew={() => dialog.show({ caseType: null })}
      empty={t('console.admin.noCaseTypes')}
      rows={types}
      rowData={(c) => ({ 'data-case-type': c.id })}
      inactive={(c) => !c.active}
      columns={[
        { cell: (c) => <b>{named(c, lang)}</b> },
        { cell: (c) => t('case.limitDays', { count: c.limitDays }) },
        {
          className: 'muted',
          cell: (c) => c.steps.map((s) => `${named(s, lang)} (${s.limitDays})`).join(' → '),
        },
        {
          className: 'actions',
          cell: (c) => <EditButton onClick={() => dialog.show({ caseType: c })} />,
        },
      ]}
    >
      {dialog.open && <CaseTypeDialog caseType={dialog.open.caseType} onClose={dialog.close} />}
    </AdminList>
  );
}

const firstStep: CaseTypeStep = { nameZh: '受理', nameEn: 'Acceptance', limitDays: 0 };

function CaseTypeDialog({ caseType, onClose }: { caseType: CaseType | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  const [id, setId] = useState(caseType?.id ?? 'ct-');
  const [nameZh, setNameZh] = useState(caseType?.nameZh ?? '');
  const [nameEn, setNameEn] = useState(caseType?.nameEn ?? '');
  const [serviceId, setServiceId] = useState(caseType?.serviceId ?? '');
  const [limitDays, setLimit] = useState<number | null>(caseType?.limitDays ?? 5);
  const [steps, setSteps] = useState<CaseTypeStep[]>(caseType?.steps ?? [firstStep]);
  const [active, setActive] = useState(caseType?.active ?? true);
  const setStep = (i: number, patch: Partial<CaseTypeStep>) =>
    setSteps(steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const ready = id && nameZh.trim() && nameEn.trim() && limitDays !== null && steps.length > 0;
  return (
    <SaveDialog
      record="case-type"
      command="admin:save-case-type"
      title={
        caseType
          ? t('console.admin.editCaseType', { name: caseType.nameZh })
          : t('console.admin.newCaseType')
      }
      payload={
        ready
          ? {
              caseType: {
                id,
                nameZh,
                nameEn,
                serviceId: serviceId || null,
                limitDays,
                steps,
                active,
                sortOrder: caseType?.sortOrder ?? hall.caseTypes.length + 1,
              },
            }
          : null
      }
      id={id}
      onId={setId}
      editing={caseType !== null}
      onClose={onClose}
      fields={
        <>
          <TextField label={t('console.admin.nameZh')} value={nameZh} onChange={setNameZh} />
          <TextField label={t('console.admin.nameEn')} value={nameEn} onChange={setNameEn} />
          <label>
            {t('queue.service')}
            <select value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
              <option value="">—</option>
              {hall.services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.prefix} {named(s, lang)}
                </option>
              ))}
            </select>
          </label>
          <NumberField
            label={t('console.admin.limitDays')}
            value={limitDays}
            onChange={setLimit}
            step={1}
          />
          <CheckField label={t('console.admin.active')} checked={active} onChange={setActive} />
        </>
      }
    >
      <fieldset>
        <legend>{t('console.admin.steps')}</legend>
        <ol className="step-editor">
          {steps.map((s, i) => (
            <li key={i}>
              <input
                value={s.nameZh}
                aria-label={t('console.admin.stepNameZh', { n: i + 1 })}
                onChange={(e) => setStep(i, { nameZh: e.target.value })}
              />
              <input
                value={s.nameEn}
                aria-label={t('console.admin.stepNameEn', { n: i + 1 })}
                onChange={(e) => setStep(i, { nameEn: e.target.value })}
              />
              <input
                type="number"
                min={0}
                value={s.limitDays}
                aria-label={t('console.admin.stepDays', { n: i + 1 })}
                onChange={(e) => setStep(i, { limitDays: Number(e.target.value) })}
              />
              <button
                type="button"
                className="link"
                disabled={steps.length === 1}
                aria-label={t('console.admin.removeStep', { n: i + 1 })}
                onClick={() => setSteps(steps.filter((_, j) => j !== i))}
              >
                ✕
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          onClick={() => setSteps([...steps, { nameZh: '', nameEn: '', limitDays: 1 }])}
        >
          {t('console.admin.addStep')}
        </button>
        <p className="muted">{t('console.admin.stepsHint')}</p>
      </fieldset>
    </SaveDialog>
  );
}
