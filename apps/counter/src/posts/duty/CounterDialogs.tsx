import { CounterState, PauseReason, type Counter } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffView } from '../../common/desk';
import { staffById, staffLabel } from '../../common/hall-selectors';
import { ActionDialog, hasReason, ReasonField } from './ConsoleDialog';
import { ServiceOrder } from './ServiceOrder';

// The duty leader's overrides on counters and people, and the hall display's notice. Each
// override carries a reason; the clerk concerned sees it at once.

const STATES = CounterState.options;
const PAUSES = PauseReason.options;

export function CounterStateDialog({
  counter,
  onClose,
}: {
  counter: Counter;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<CounterState>(counter.state === 'open' ? 'paused' : 'open');
  const [pauseReason, setPause] = useState<PauseReason>('other');
  const [reason, setReason] = useState('');
  return (
    <ActionDialog
      title={t('console.override.counterStateTitle', { number: counter.number })}
      actionKey={`counter-state:${counter.id}`}
      command="override:counter-state"
      testId="counter-state-dialog"
      payload={
        hasReason(reason)
          ? {
              counterId: counter.id,
              state,
              ...(state === 'paused' ? { pauseReason } : {}),
              reason: reason.trim(),
            }
          : null
      }
      onClose={onClose}
    >
      <fieldset className="choices">
        <legend>{t('console.override.newState')}</legend>
        {STATES.map((s) => (
          <label key={s} className="choice">
            <input
              type="radio"
              name="counter-state"
              checked={state === s}
              onChange={() => setState(s)}
            />
            {t(`counter.${s}`)}
          </label>
        ))}
      </fieldset>
      {state === 'paused' && (
        <label>
          {t('console.override.pauseReason')}
          <select value={pauseReason} onChange={(e) => setPause(PauseReason.parse(e.target.value))}>
            {PAUSES.map((p) => (
              <option key={p} value={p}>
                {t(`pause.${p}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <ReasonField value={reason} onChange={setReason} />
    </ActionDialog>
  );
}

export function CounterServicesDialog({
  counter,
  onClose,
}: {
  counter: Counter;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [serviceIds, setIds] = useState(counter.serviceIds);
  const [reason, setReason] = useState('');
  return (
    <ActionDialog
      title={t('console.override.counterServicesTitle', { number: counter.number })}
      actionKey={`counter-services:${counter.id}`}
      command="override:counter-services"
      testId="counter-services-dialog"
      payload={
        hasReason(reason) && serviceIds.length > 0
          ? { counterId: counter.id, serviceIds, reason: reason.trim() }
          : null
      }
      onClose={onClose}
    >
      <ServiceOrder value={serviceIds} onChange={setIds} />
      <ReasonField value={reason} onChange={setReason} />
    </ActionDialog>
  );
}

export function SignOutDialog({ staffId, onClose }: { staffId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const [reason, setReason] = useState('');
  const staff = staffById(hall, staffId);
  return (
    <ActionDialog
      title={t('console.override.signOutTitle', { name: staffLabel(staff) })}
      actionKey={`sign-out:${staffId}`}
      command="override:sign-out"
      testId="sign-out-dialog"
      payload={hasReason(reason) ? { staffId, reason: reason.trim() } : null}
      onClose={onClose}
    >
      <p className="muted">{t('console.override.signOutExplain')}</p>
      <ReasonField value={reason} onChange={setReason} />
    </ActionDialog>
  );
}

export function NoticeDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const [text, setText] = useState(hall.config.notice ?? '');
  return (
    <ActionDialog
      title={t('console.notice.title')}
      actionKey="notice"
      command="hall:set-notice"
      testId="notice-dialog"
      confirmLabel={text.trim() ? t('console.notice.publish') : t('console.notice.clear')}
      payload={{ text: text.trim() }}
      onClose={onClose}
    >
      <label>
        {t('console.notice.text')}
        <textarea
          value={text}
          maxLength={120}
          aria-label={t('console.notice.text')}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <p className="muted">{t('console.notice.explain')}</p>
    </ActionDialog>
  );
}
