import type { CaseType, CommandPayload, Ticket } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useView } from '../../../common/desk';
import { langOf } from '@onestop/ui';
import { named } from '../../../common/hall-selectors';
import { accountNoOk, longEnough, phoneOk } from './contact-rules';
import { DigitsField, TextField } from './dialog-kit';

// Opening a case from a visit: the hall's case types (steps and time limit come with the type,
// the one for the visit's service first), a summary, and the customer's contact details.

const none: CaseType[] = [];

export function useCaseFields(ticket: Ticket | undefined) {
  const caseTypes = useView((v) => v.hall?.caseTypes ?? none).filter((c) => c.active);
  const suggested = caseTypes.find((c) => c.serviceId === ticket?.serviceId) ?? caseTypes[0];
  const [caseTypeId, setCaseTypeId] = useState(suggested?.id ?? '');
  const [summary, setSummary] = useState('');
  const [phone, setPhone] = useState(ticket?.customer.phone ?? '');
  const [accountNo, setAccountNo] = useState(ticket?.customer.accountNo ?? '');
  const phoneValid = phoneOk(phone);
  const accountValid = accountNoOk(accountNo);
  return {
    caseTypes,
    caseTypeId,
    setCaseTypeId,
    summary,
    setSummary,
    phone,
    setPhone,
    accountNo,
    setAccountNo,
    phoneOk: phoneValid,
    accountOk: accountValid,
    ready: caseTypeId !== '' && longEnough(summary) && phoneValid && accountValid,
    payload: (ticketId: string): CommandPayload<'case:open'> => ({
      ticketId,
      caseTypeId,
      summary: summary.trim(),
      customer: {
        phone: phone || null,
        accountNo: accountNo || null,
        name: ticket?.customer.name ?? null,
      },
    }),
  };
}

export function CaseFields({ fields }: { fields: ReturnType<typeof useCaseFields> }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const type = fields.caseTypes.find((c) => c.id === fields.caseTypeId);
  return (
    <fieldset className="case-fields">
      <legend>{t('case.new')}</legend>
      <label>
        {t('case.type')}
        <select
          value={fields.caseTypeId}
          onChange={(e) => fields.setCaseTypeId(e.target.value)}
          aria-label={t('case.type')}
        >
          {fields.caseTypes.map((c) => (
            <option key={c.id} value={c.id}>
              {named(c, lang)} · {t('case.limitDays', { count: c.limitDays })}
            </option>
          ))}
        </select>
      </label>
      {type && (
        <p className="muted steps-preview">
          {type.steps.map((s) => (lang === 'zh' ? s.nameZh : s.nameEn)).join(' → ')}
        </p>
      )}
      <TextField
        label={t('case.summary')}
        value={fields.summary}
        onChange={fields.setSummary}
        maxLength={200}
      />
      <div className="row">
        <DigitsField
          label={t('customer.phone')}
          value={fields.phone}
          onChange={fields.setPhone}
          valid={fields.phoneOk}
        />
        <DigitsField
          label={t('customer.accountNo')}
          value={fields.accountNo}
          onChange={fields.setAccountNo}
          valid={fields.accountOk}
        />
      </div>
    </fieldset>
  );
}
