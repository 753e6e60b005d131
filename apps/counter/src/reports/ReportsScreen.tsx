import { useTranslation } from 'react-i18next';

// The console's reports tab. Owned by the reports screen (issue 7); the console mounts it.

export function ReportsScreen() {
  const { t } = useTranslation();
  return (
    <section className="card" data-testid="reports">
      <h3>{t('reports.title')}</h3>
    </section>
  );
}
