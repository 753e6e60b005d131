import type { CaseType, CaseTypeStep } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffView } from '../../../common/desk';
import type { Lang } from '../../../common/format';
import { named } from '../../../common/hall-selectors';
import { ActionDialog, useDialog } from '../ConsoleDialog';
import { NumberField, TextField } from './fields';

/** Case types (限时办结): time limit and steps with their limits; open cases keep their steps. */
export function CaseTypesAdmin() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { hall } = useStaffView();
  const dialog = useDialog<CaseType | 'new'>();
  const types = [...hall.caseTypes].sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <section className="card" data-testid="admin-case-types">
      <header className="panel-head">
        <h3>{t('console.admin.caseTypes')}</h3>
        <span className="muted">{t('console.admin.caseTypesExplain')}</span>
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => dialog.show('new')}>
          {t('console.admin.newCaseType')}
        </button>
      </header>
      {types.length === 0 ? (
        <p className="muted empty">{t('console.admin.noCaseTypes')}</p>
      ) : (
        <table className="grid-table">
          <tbody>
            {types.map((c) => (
              <tr key={c.id} data-case-type={c.id} className={c.active ? '' : 'inactive'}>
                <td>
                  <b>{named(c, lang)}</b>
                </td>
                <td>{t('case.limitDays', { count: c.limitDays })}</td>
                <td className="muted">
                  {c.steps.map((s) => `${named(s, lang)} (${s.limitDays})`).join(' → ')}
                </td>
                <td className="actions">
                  <button type="button" onClick={() => dialog.show(c)}>
                    {t('console.admin.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog.open && (
        <CaseTypeDialog
          caseType={dialog.open === 'new' ? null : dialog.open}
          onClose={dialog.close}
        />
      )}
    </section>
  );
}

const firstStep: CaseTypeStep = { nameZh: '受理', nameEn: 'Acceptance', limitDays: 0 };

function CaseTypeDialog({ caseType, onClose }: { caseType: CaseType | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
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
    <ActionDialog
      title={
        caseType
          ? t('console.admin.editCaseType', { name: caseType.nameZh })
          : t('console.admin.newCaseType')
      }
      actionKey="admin-case-type"
      command="admin:save-case-type"
      testId="case-type-dialog"
      confirmLabel={t('console.admin.save')}
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
      onClose={onClose}
    >
      <div className="form-grid">
        <TextField
          label={t('console.admin.id')}
          value={id}
          onChange={setId}
          disabled={caseType !== null}
        />
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
        <label className="choice">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          {t('console.admin.active')}
        </label>
      </div>
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
    </ActionDialog>
  );
}
