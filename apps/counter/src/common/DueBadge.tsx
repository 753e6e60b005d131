import { useTranslation } from 'react-i18next';
import { dueStatus } from './due-status';
import { formatDateTime, langOf } from '@onestop/ui';

/** A due date that stands out when overdue or due today. */
export function DueBadge({
  dueAt,
  now,
  timeZone,
}: {
  dueAt: number;
  now: number;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const status = dueStatus(dueAt, now, timeZone);
  return (
    <span className={`due ${status}`} data-due={status}>
      {status === 'later' ? t('due.by') : t(`due.${status}`)}{' '}
      {formatDateTime(dueAt, timeZone, langOf(i18n.language))}
    </span>
  );
}
