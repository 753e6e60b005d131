import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The column heads of a table of queues, one row a service; `children` adds heads after them. */
export function QueueHead({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        <th>{t('queue.service')}</th>
        <th>{t('queue.waiting')}</th>
        <th>{t('queue.longest')}</th>
        <th>{t('queue.estimate')}</th>
        {children}
      </tr>
    </thead>
  );
}
