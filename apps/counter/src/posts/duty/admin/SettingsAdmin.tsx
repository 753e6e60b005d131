import {
  CASE_WARN_MS,
  DEFAULT_TASK_PROMISE,
  notificationSettingsOf,
  sessionLimitsOf,
  type AnnounceVoice,
  type CallWeights,
  type CaseWarning,
  type HallConfig,
} from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, usePending, useStaffView } from '../../../common/desk';
import { RefusalFor } from '../ConsoleDialog';
import { NumberField, TextField } from './fields';
import { NotificationsSettings } from './NotificationsSettings';
import { PromiseSettings } from './PromiseSettings';

// The hall's settings through `admin:configure`: names, recalls and time-outs, calling weights
// and the ticket's wording. Only what changed is sent; the server refuses an invalid value and
// names its field.

const EDITABLE = [
  'nameZh',
  'nameEn',
  'recallsBeforeNoShow',
  'noShowAfterSec',
  'evaluationTimeoutSec',
  'counterDropGraceSec',
  'callWeights',
  'ticketFooterZh',
  'ticketFooterEn',
  'announceZh',
  'announceEn',
  'announceVoice',
  'businessHours',
  'sessionIdleMin',
  'sessionMaxHours',
  'caseWarning',
  'notifications',
  'taskPromise',
  'promiseWarnPercent',
] as const satisfies readonly (keyof HallConfig)[];

type Editable = Pick<HallConfig, (typeof EDITABLE)[number]>;

/** 限时办结's warning as the hall has it, or its default (24 hours before the due time). */
const DEFAULT_CASE_WARNING: CaseWarning = { by: 'hours', hours: CASE_WARN_MS / 3_600_000 };

const WEIGHTS: (keyof CallWeights)[] = [
  'returning',
  'appointment',
  'priority',
  'vip',
  'normal',
  'perMinutePastTarget',
  'passOverTargets',
];

function editable(c: HallConfig): Editable {
  return {
    nameZh: c.nameZh,
    nameEn: c.nameEn,
    recallsBeforeNoShow: c.recallsBeforeNoShow,
    noShowAfterSec: c.noShowAfterSec,
    evaluationTimeoutSec: c.evaluationTimeoutSec,
    counterDropGraceSec: c.counterDropGraceSec,
    callWeights: c.callWeights,
    ticketFooterZh: c.ticketFooterZh,
    ticketFooterEn: c.ticketFooterEn,
    announceZh: c.announceZh,
    announceEn: c.announceEn,
    announceVoice: c.announceVoice ?? 'speech',
    businessHours: c.businessHours,
    // Shown with their defaults when the hall has never set them.
    sessionIdleMin: sessionLimitsOf(c).idleMs / 60_000,
    sessionMaxHours: sessionLimitsOf(c).maxMs / 3_600_000,
    caseWarning: c.caseWarning ?? DEFAULT_CASE_WARNING,
    notifications: notificationSettingsOf(c),
    taskPromise: c.taskPromise ?? DEFAULT_TASK_PROMISE,
    promiseWarnPercent: c.promiseWarnPercent,
  };
}

/** Only the settings that differ from the hall's. */
export function changedSettings(before: Editable, after: Editable): Partial<Editable> {
  const out: Partial<Editable> = {};
  const take = <K extends keyof Editable>(key: K) => {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) out[key] = after[key];
  };
  EDITABLE.forEach(take);
  return out;
}

export function SettingsAdmin() {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const { hall } = useStaffView();
  const online = useOnline();
  const busy = usePending('admin-configure');
  const [form, setForm] = useState<Editable>(() => editable(hall.config));
  const changes = changedSettings(editable(hall.config), form);
  const num = (k: keyof Editable) => (v: number | null) => setForm({ ...form, [k]: v ?? NaN });
  const weight = (k: keyof CallWeights) => (v: number | null) =>
    setForm({ ...form, callWeights: { ...form.callWeights, [k]: v ?? NaN } });
  return (
    <section className="card settings-admin" data-testid="admin-settings">
      <h3>{t('console.admin.settings')}</h3>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void runner.run('admin-configure', 'admin:configure', { settings: changes });
        }}
      >
        <div className="form-grid">
          <TextField
            label={t('console.admin.hallNameZh')}
            value={form.nameZh}
            onChange={(v) => setForm({ ...form, nameZh: v })}
          />
          <TextField
            label={t('console.admin.hallNameEn')}
            value={form.nameEn}
            onChange={(v) => setForm({ ...form, nameEn: v })}
          />
          <label>
            {t('console.admin.timeZone')}
            <input value={hall.config.timeZone} disabled aria-label={t('console.admin.timeZone')} />
            <small className="muted">{t('console.admin.timeZoneFixed')}</small>
          </label>
          <NumberField
            label={t('console.admin.recalls')}
            value={form.recallsBeforeNoShow}
            onChange={num('recallsBeforeNoShow')}
            step={1}
          />
          <NumberField
            label={t('console.admin.noShowAfter')}
            value={form.noShowAfterSec}
            onChange={num('noShowAfterSec')}
            step={1}
          />
          <NumberField
            label={t('console.admin.evaluationTimeout')}
            value={form.evaluationTimeoutSec}
            onChange={num('evaluationTimeoutSec')}
            step={1}
          />
          <NumberField
            label={t('console.admin.dropGrace')}
            value={form.counterDropGraceSec}
            onChange={num('counterDropGraceSec')}
            step={1}
          />
          <NumberField
            label={t('console.admin.sessionIdle')}
            value={form.sessionIdleMin ?? null}
            onChange={num('sessionIdleMin')}
            step={5}
          />
          <NumberField
            label={t('console.admin.sessionMax')}
            value={form.sessionMaxHours ?? null}
            onChange={num('sessionMaxHours')}
            step={1}
          />
        </div>
        <fieldset>
          <legend>{t('console.admin.callWeights')}</legend>
          <div className="form-grid">
            {WEIGHTS.map((k) => (
              <NumberField
                key={k}
                label={t(`console.admin.weight.${k}`)}
                value={form.callWeights[k] ?? null}
                onChange={weight(k)}
              />
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('console.admin.wording')}</legend>
          <div className="form-grid wide">
            <TextField
              label={t('console.admin.footerZh')}
              value={form.ticketFooterZh}
              onChange={(v) => setForm({ ...form, ticketFooterZh: v })}
            />
            <TextField
              label={t('console.admin.footerEn')}
              value={form.ticketFooterEn}
              onChange={(v) => setForm({ ...form, ticketFooterEn: v })}
            />
            <TextField
              label={t('console.admin.announceZh')}
              value={form.announceZh}
              onChange={(v) => setForm({ ...form, announceZh: v })}
            />
            <TextField
              label={t('console.admin.announceEn')}
              value={form.announceEn}
              onChange={(v) => setForm({ ...form, announceEn: v })}
            />
          </div>
          <p className="muted">{t('console.admin.announceHint')}</p>
          <div className="form-grid">
            <label>
              {t('console.admin.announceVoice')}
              <select
                aria-label={t('console.admin.announceVoice')}
                value={form.announceVoice}
                onChange={(e) =>
                  setForm({ ...form, announceVoice: e.target.value as AnnounceVoice })
                }
              >
                <option value="speech">{t('console.admin.announceVoiceSpeech')}</option>
                <option value="recorded">{t('console.admin.announceVoiceRecorded')}</option>
              </select>
            </label>
          </div>
          <p className="muted">{t('console.admin.announceVoiceHint')}</p>
        </fieldset>
        <CaseWarningField
          value={form.caseWarning ?? DEFAULT_CASE_WARNING}
          onChange={(caseWarning) => setForm({ ...form, caseWarning })}
        />
        <PromiseSettings
          warnPercent={form.promiseWarnPercent}
          onWarnPercent={(promiseWarnPercent) => setForm({ ...form, promiseWarnPercent })}
          taskPromise={form.taskPromise ?? DEFAULT_TASK_PROMISE}
          onTaskPromise={(taskPromise) => setForm({ ...form, taskPromise })}
        />
        <NotificationsSettings
          value={form.notifications ?? notificationSettingsOf(hall.config)}
          onChange={(notifications) => setForm({ ...form, notifications })}
          hallName={{ zh: form.nameZh, en: form.nameEn }}
        />
        <fieldset data-testid="business-hours">
          <legend>{t('console.admin.businessHours')}</legend>
          <label className="choice">
            <input
              type="checkbox"
              checked={form.businessHours === null}
              onChange={(e) =>
                setForm({
                  ...form,
                  businessHours: e.target.checked ? null : { open: '08:30', close: '17:30' },
                })
              }
            />
            {t('console.admin.anyTime')}
          </label>
          {form.businessHours && (
            <div className="form-grid">
              <label>
                {t('console.admin.opensAt')}
                <input
                  type="time"
                  value={form.businessHours.open}
                  onChange={(e) =>
                    setForm({
                      ...form,
                      businessHours: { ...form.businessHours!, open: e.target.value },
                    })
                  }
                />
              </label>
              <label>
                {t('console.admin.closesAt')}
                <input
                  type="time"
                  value={form.businessHours.close}
                  onChange={(e) =>
                    setForm({
                      ...form,
                      businessHours: { ...form.businessHours!, close: e.target.value },
                    })
                  }
                />
              </label>
            </div>
          )}
          <p className="muted">{t('console.admin.businessHoursNote')}</p>
        </fieldset>
        <div className="row-end">
          <button type="button" onClick={() => setForm(editable(hall.config))}>
            {t('console.admin.revert')}
          </button>
          <button
            type="submit"
            className="primary"
            disabled={!online || busy || Object.keys(changes).length === 0}
          >
            {t('console.admin.saveSettings', { count: Object.keys(changes).length })}
          </button>
        </div>
        <RefusalFor actionKey="admin-configure" />
      </form>
    </section>
  );
}

/** 限时办结: warn a number of hours before a case's due time, or a share of the time promised. */
function CaseWarningField(props: { value: CaseWarning; onChange: (w: CaseWarning) => void }) {
  const { t } = useTranslation();
  const w = props.value;
  return (
    <fieldset data-testid="case-warning">
      <legend>{t('caseWarning.title')}</legend>
      <div className="form-grid">
        <label>
          {t('caseWarning.by')}
          <select
            aria-label={t('caseWarning.by')}
            value={w.by}
            onChange={(e) =>
              props.onChange(
                e.target.value === 'share' ? { by: 'share', percent: 20 } : DEFAULT_CASE_WARNING,
              )
            }
          >
            <option value="hours">{t('caseWarning.byHours')}</option>
            <option value="share">{t('caseWarning.byShare')}</option>
          </select>
        </label>
        {w.by === 'hours' ? (
          <NumberField
            label={t('caseWarning.hours')}
            value={w.hours}
            onChange={(v) => props.onChange({ by: 'hours', hours: v ?? NaN })}
            step={1}
          />
        ) : (
          <NumberField
            label={t('caseWarning.percent')}
            value={w.percent}
            onChange={(v) => props.onChange({ by: 'share', percent: v ?? NaN })}
            step={5}
          />
        )}
      </div>
      <p className="muted">{t('caseWarning.hint')}</p>
    </fieldset>
  );
}
