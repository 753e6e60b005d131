import { useTranslation } from 'react-i18next';
import { useNow } from '../../common/desk';
import { formatBytes } from './download';
import type { ExportKind, Exports, RunningExport } from './use-exports';

// The report's files: the XLSX workbook and the weekly bulletin (周通报) printed to PDF; while
// one is on its way, how far it has come and a cancel button.

function exportName(kind: ExportKind, t: (key: string) => string): string {
  if (kind === 'xlsx') return t('reports.export.xlsx');
  if (kind === 'bulletin') return t('reports.export.bulletin');
  return t('reports.export.csv');
}

function Progress({ running, onCancel }: { running: RunningExport; onCancel: () => void }) {
  const { t } = useTranslation();
  const now = useNow(500);
  const { received, total } = running.progress;
  const seconds = Math.max(0, Math.floor((now - running.startedAt) / 1000));
  return (
    <div className="export-progress" role="status" data-testid="export-progress">
      <span>{t('reports.export.running', { what: exportName(running.kind, t) })}</span>
      {total === null ? (
        <progress aria-label={t('reports.export.progress')} />
      ) : (
        <progress aria-label={t('reports.export.progress')} value={received} max={total} />
      )}
      <span className="muted">
        {total === null
          ? t('reports.export.receivedFor', { size: formatBytes(received), seconds })
          : t('reports.export.receivedOf', {
              size: formatBytes(received),
              total: formatBytes(total),
            })}
      </span>
      <button type="button" className="small" data-testid="export-cancel" onClick={onCancel}>
        {t('reports.export.cancel')}
      </button>
    </div>
  );
}

export function ExportBar({ exports, disabled }: { exports: Exports; disabled: boolean }) {
  const { t } = useTranslation();
  const { running, outcome, start, cancel } = exports;
  return (
    <div className="export-bar">
      <button
        type="button"
        data-testid="export-xlsx"
        disabled={disabled || running !== null}
        onClick={() => void start('xlsx')}
      >
        {t('reports.export.xlsx')}
      </button>
      <button
        type="button"
        data-testid="export-bulletin"
        disabled={disabled || running !== null}
        onClick={() => void start('bulletin')}
      >
        {t('reports.export.bulletin')}
      </button>
      {running && <Progress running={running} onCancel={cancel} />}
      {!running && outcome && (
        <span
          className={`export-outcome ${outcome.result}`}
          role="status"
          data-testid="export-outcome"
          data-result={outcome.result}
        >
          {outcome.result === 'saved' && t('reports.export.saved', { file: outcome.filename })}
          {outcome.result === 'printing' && t('reports.export.printing')}
          {outcome.result === 'cancelled' && t('reports.export.cancelled')}
          {outcome.result === 'failed' &&
            t('reports.export.failed', { reason: t(`errors.${outcome.code}`) })}
        </span>
      )}
    </div>
  );
}
