import type { CaseKind, CaseType, CaseTypeStep, PromiseRule } from '@onestop/shared';
import type { TFunction } from 'i18next';
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
          cell: (c) => (
            <span data-testid="case-type-promise">
              {t(`caseKind.${c.kind}`)} · {promiseText(t, c.promise)}
            </span>
          ),
        },
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

/** 承诺: "4 hours (business hours)". */
function promiseText(t: TFunction, p: PromiseRule) {
  return t('promiseRule.summary', {
    amount: p.amount,
    unit: t(`promiseRule.unit.${p.unit}`),
    clock: t(`promiseRule.clock.${p.clock}`),
  });
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
  const [kind, setKind] = useState<CaseKind>(caseType?.kind ?? 'case');
  // A new type's promise follows its limit in days until the admin sets it.
  const [promiseSet, setPromiseAmount] = useState<number | null | undefined>(
    caseType?.promise.amount,
  );
  const promiseAmount = promiseSet === undefined ? limitDays : promiseSet;
  const [unit, setUnit] = useState<PromiseRule['unit']>(caseType?.promise.unit ?? 'days');
  const [clock, setClock] = useState<PromiseRule['clock']>(caseType?.promise.clock ?? 'calendar');
  const setStep = (i: number, patch: Partial<CaseTypeStep>) =>
    setSteps(steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const ready =
    id &&
    nameZh.trim() &&
    nameEn.trim() &&
    limitDays !== null &&
    promiseAmount !== null &&
    steps.length > 0;
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
                kind,
                promise: { amount: promiseAmount ?? 1, unit, clock },
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
          <label>
            {t('promiseRule.kind')}
            <select
              value={kind}
              aria-label={t('promiseRule.kind')}
              onChange={(e) => setKind(e.target.value as CaseKind)}
            >
              {(['case', 'repair'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`caseKind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="promise-rule">
            <legend>{t('promiseRule.title')}</legend>
            <NumberField
              label={t('promiseRule.amount')}
              value={promiseAmount}
              onChange={setPromiseAmount}
              step={1}
            />
            <select
              value={unit}
              aria-label={t('promiseRule.unit.hours') + ' / ' + t('promiseRule.unit.days')}
              onChange={(e) => setUnit(e.target.value as PromiseRule['unit'])}
            >
              {(['hours', 'days'] as const).map((u) => (
                <option key={u} value={u}>
                  {t(`promiseRule.unit.${u}`)}
                </option>
              ))}
            </select>
            <select
              value={clock}
              aria-label={t('promiseRule.clock.business') + ' / ' + t('promiseRule.clock.calendar')}
              onChange={(e) => setClock(e.target.value as PromiseRule['clock'])}
            >
              {(['business', 'calendar'] as const).map((c) => (
                <option key={c} value={c}>
                  {t(`promiseRule.clock.${c}`)}
                </option>
              ))}
            </select>
          </fieldset>
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
