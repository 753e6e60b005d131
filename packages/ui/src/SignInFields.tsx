import { useTranslation } from 'react-i18next';
import { PIN_MAX_LENGTH, pinOf } from './sign-in';

/** The staff number and PIN fields of a sign-in form. Its words: `ui:signIn`. */
export function SignInFields({
  staffNo,
  pin,
  onStaffNo,
  onPin,
}: {
  staffNo: string;
  pin: string;
  onStaffNo: (staffNo: string) => void;
  onPin: (pin: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('ui:signIn.staffNo')}
        <input
          value={staffNo}
          autoComplete="username"
          inputMode="numeric"
          onChange={(e) => onStaffNo(e.target.value)}
          aria-label={t('ui:signIn.staffNo')}
        />
      </label>
      <label>
        {t('ui:signIn.pin')}
        <input
          type="password"
          value={pin}
          inputMode="numeric"
          autoComplete="current-password"
          maxLength={PIN_MAX_LENGTH}
          onChange={(e) => onPin(pinOf(e.target.value))}
          aria-label={t('ui:signIn.pin')}
        />
      </label>
    </>
  );
}
