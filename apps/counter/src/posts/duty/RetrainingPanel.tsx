import type { RetrainingRow } from '@onestop/shared';
import { Dialog, formatDateTime, useLang } from '@onestop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, usePending, useStaffView } from '../../common/desk';
import { useQuery } from '../../common/use-query';
import { PanelHead } from './Panel';
import '../work/quiz/quiz.css';

// 再培训名单 (issue 19): who is below a quiz's pass mark for which service, since when; the duty
// leader lets a clerk work before they pass, with a reason (audited). Asked again as the hall
// changes and after each override.

export function RetrainingPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall, me } = useStaffView();
  const online = useOnline();
  const [cleared, setCleared] = useState(false);
  const [round, setRound] = useState(0);
  const [overriding, setOverriding] = useState<RetrainingRow | null>(null);
  const list = useQuery(
    'console:retraining-list',
    { cleared },
    online ? `${cleared}:${hall.seq}:${round}` : null,
  );
  const leader = me.roles.includes('duty_leader');
  const rows = list.data?.rows ?? [];
  const when = (at: number) => formatDateTime(at, hall.config.timeZone, lang);
  return (
    <section className="card retraining" data-testid="retraining-list">
      <PanelHead title={t('quiz.console.title')} stale={!online || list.error !== null}>
        <label className="inline">
          <input type="checkbox" checked={cleared} onChange={(e) => setCleared(e.target.checked)} />
          {t('quiz.console.showCleared')}
        </label>
      </PanelHead>
      <p className="muted">
        {hall.config.knowledgeBlocksService ? t('quiz.console.blocks') : t('quiz.console.keeps')}
      </p>
      {list.data === null ? (
        list.error ? (
          <p className="error" role="alert">
            {t(`errors.${list.error}`)}
          </p>
        ) : (
          <p className="muted">
            {online ? t('common.loading') : t('console.common.offlineNoData')}
          </p>
        )
      ) : rows.length === 0 ? (
        <p className="muted empty">{t('quiz.console.none')}</p>
      ) : (
        <ul className="retraining-rows">
          {rows.map((r) => (
            <li key={r.id} data-retraining={r.id} data-cleared={r.clearedAt !== null}>
              <div>
                <strong>
                  {r.staffName} <small>{r.staffNo}</small>
                </strong>{' '}
                · {lang === 'zh' ? r.serviceNameZh : r.serviceNameEn}
                <div className="muted">
                  {t('quiz.console.since', {
                    time: when(r.since),
                    quiz: r.quizName,
                    score: r.scorePct ?? '—',
                  })}
                </div>
                {r.clearedAt !== null && (
                  <div className="muted">
                    {r.clearedHow === 'override'
                      ? t('quiz.console.overridden', {
                          time: when(r.clearedAt),
                          reason: r.overrideReason ?? '',
                        })
                      : t('quiz.console.passed', { time: when(r.clearedAt) })}
                  </div>
                )}
              </div>
              {leader && r.clearedAt === null && (
                <button type="button" disabled={!online} onClick={() => setOverriding(r)}>
                  {t('quiz.console.override')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {overriding && (
        <OverrideDialog
          row={overriding}
          onDone={() => {
            setOverriding(null);
            setRound((n) => n + 1);
          }}
        />
      )}
    </section>
  );
}

function OverrideDialog({ row, onDone }: { row: RetrainingRow; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { runner } = useDesk();
  const pending = usePending('retrainingOverride');
  const [reason, setReason] = useState('');
  const service = lang === 'zh' ? row.serviceNameZh : row.serviceNameEn;
  return (
    <Dialog
      title={t('quiz.console.overrideTitle', { name: row.staffName, service })}
      testId="retraining-override"
      confirmLabel={t('quiz.console.override')}
      confirmDisabled={reason.trim().length < 2}
      pending={pending}
      onCancel={onDone}
      onConfirm={() =>
        void runner
          .run('retrainingOverride', 'console:retraining-override', {
            retrainingId: row.id,
            reason: reason.trim(),
          })
          .then((ack) => ack?.ok && onDone())
      }
    >
      <p>{t('quiz.console.overrideHelp')}</p>
      <label>
        {t('quiz.console.reason')}
        <textarea
          value={reason}
          maxLength={200}
          aria-label={t('quiz.console.reason')}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
    </Dialog>
  );
}
