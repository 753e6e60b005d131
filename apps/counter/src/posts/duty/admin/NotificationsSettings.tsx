import {
  NotificationPurpose,
  TEMPLATE_MAX,
  TEMPLATE_PLACEHOLDERS,
  templateProblem,
  type NotificationSettings,
} from '@onestop/shared';
import { useTranslation } from 'react-i18next';
import { CheckField, NumberField } from './fields';

// The admin's notifications section of the hall's settings (issue 18 item 3): on or off, the
// turn-near distance, quiet hours, the per-customer limit, retries, and the templates in zh and
// en with their allowed placeholders, a problem shown as typed (the server refuses it too) and
// a preview with sample values.

const SAMPLE: Record<string, { zh: string; en: string }> = {
  number: { zh: 'A012', en: 'A012' },
  ahead: { zh: '2', en: '2' },
  service: { zh: '电费缴纳', en: 'Bill payment' },
  counter: { zh: '3', en: '3' },
  caseNumber: { zh: 'YK-20261203-001', en: 'YK-20261203-001' },
  newTime: { zh: '12月5日 17:00', en: '5 Dec 17:00' },
  reason: { zh: '需补充产权证明', en: 'a property document is missing' },
};

/** What the customer would read, with sample values (the hall's name for {hall}). */
export function previewOf(template: string, lang: 'zh' | 'en', hallName: string): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) =>
    name === 'hall' ? hallName : (SAMPLE[name]?.[lang] ?? whole),
  );
}

export function NotificationsSettings({
  value,
  onChange,
  hallName,
}: {
  value: NotificationSettings;
  onChange: (v: NotificationSettings) => void;
  hallName: { zh: string; en: string };
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<NotificationSettings>) => onChange({ ...value, ...patch });
  const quiet = value.quietHours;
  return (
    <fieldset data-testid="notification-settings">
      <legend>{t('notify.settings.title')}</legend>
      <div className="form-grid">
        <CheckField
          label={t('notify.settings.enabled')}
          checked={value.enabled}
          onChange={(enabled) => set({ enabled })}
        />
        <NumberField
          label={t('notify.settings.turnNearAhead')}
          value={value.turnNearAhead}
          onChange={(v) => set({ turnNearAhead: v ?? NaN })}
          step={1}
        />
        <NumberField
          label={t('notify.settings.perCustomerPerHour')}
          value={value.perCustomerPerHour}
          onChange={(v) => set({ perCustomerPerHour: v ?? NaN })}
          step={1}
        />
        <NumberField
          label={t('notify.settings.maxAttempts')}
          value={value.retry.maxAttempts}
          onChange={(v) => set({ retry: { ...value.retry, maxAttempts: v ?? NaN } })}
          step={1}
        />
        <NumberField
          label={t('notify.settings.backoffSec')}
          value={value.retry.backoffSec}
          onChange={(v) => set({ retry: { ...value.retry, backoffSec: v ?? NaN } })}
          step={5}
        />
      </div>
      <div className="form-grid" data-testid="quiet-hours">
        <CheckField
          label={t('notify.settings.noQuietHours')}
          checked={quiet === null}
          onChange={(none) => set({ quietHours: none ? null : { start: '21:00', end: '08:00' } })}
        />
        {quiet && (
          <>
            <label>
              {t('notify.settings.quietStart')}
              <input
                type="time"
                value={quiet.start}
                aria-label={t('notify.settings.quietStart')}
                onChange={(e) => set({ quietHours: { ...quiet, start: e.target.value } })}
              />
            </label>
            <label>
              {t('notify.settings.quietEnd')}
              <input
                type="time"
                value={quiet.end}
                aria-label={t('notify.settings.quietEnd')}
                onChange={(e) => set({ quietHours: { ...quiet, end: e.target.value } })}
              />
            </label>
          </>
        )}
      </div>
      <p className="muted">{t('notify.settings.quietNote')}</p>
      <h4>{t('notify.settings.templates')}</h4>
      {NotificationPurpose.options.map((purpose) => (
        <div key={purpose} className="template-pair" data-testid={`template-${purpose}`}>
          <p className="muted">
            <strong>{t(`notify.purpose.${purpose}`)}</strong> ·{' '}
            {t('notify.settings.placeholders', {
              list: TEMPLATE_PLACEHOLDERS[purpose].map((p) => `{${p}}`).join(' '),
            })}
          </p>
          {(['zh', 'en'] as const).map((lang) => {
            const text = value.templates[purpose][lang];
            const problem = templateProblem(purpose, text);
            const label = t(
              lang === 'zh' ? 'notify.settings.templateZh' : 'notify.settings.templateEn',
              {
                purpose: t(`notify.purpose.${purpose}`),
              },
            );
            return (
              <label key={lang} className="template">
                {label}
                <textarea
                  rows={2}
                  value={text}
                  maxLength={TEMPLATE_MAX}
                  aria-label={label}
                  aria-invalid={problem !== null}
                  onChange={(e) =>
                    set({
                      templates: {
                        ...value.templates,
                        [purpose]: { ...value.templates[purpose], [lang]: e.target.value },
                      },
                    })
                  }
                />
                {problem ? (
                  <small className="hint-error" role="alert">
                    {problem}
                  </small>
                ) : (
                  <small className="preview" data-testid={`preview-${purpose}-${lang}`}>
                    {t('notify.settings.preview')}: {previewOf(text, lang, hallName[lang])}
                  </small>
                )}
              </label>
            );
          })}
        </div>
      ))}
    </fieldset>
  );
}
