import type { CaseType, CommandPayload, Ticket } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useView } from '../../../common/desk';
import { langOf } from '../../../common/format';
import { named } from '../../../common/hall-selectors';

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
  const phoneOk = phone === '' || /^1\d{10}$|^0\d{9,11}$/.test(phone);
  const accountOk = accountNo === '' || /^\d{6,20}$/.test(accountNo);
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
    phoneOk,
    accountOk,
    ready: caseTypeId !== '' && summary.trim().length >= 2 && phoneOk && accountOk,
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
      <label>
        {t('case.summary')}
        <input
          value={fields.summary}
          maxLength={200}
          onChange={(e) => fields.setSummary(e.target.value)}
          aria-label={t('case.summary')}
        />
      </label>
      <div className="row">
        <label>
          {t('customer.phone')}
          <input
            value={fields.phone}
            inputMode="numeric"
            aria-invalid={!fields.phoneOk}
            onChange={(e) => fields.setPhone(e.target.value.replace(/\D/g, ''))}
            aria-label={t('customer.phone')}
          />
        </label>
        <label>
          {t('customer.accountNo')}
          <input
            value={fields.accountNo}
            inputMode="numeric"
            aria-invalid={!fields.accountOk}
            onChange={(e) => fields.setAccountNo(e.target.value.replace(/\D/g, ''))}
            aria-label={t('customer.accountNo')}
          />
        </label>
      </div>
    </fieldset>
  );
}
