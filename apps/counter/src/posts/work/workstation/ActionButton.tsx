import { useTranslation } from 'react-i18next';
import { shortcutLabel, type WorkAction } from './shortcuts';
import type { useWorkActions } from './use-work-actions';

/** A work action with its shortcut on it; disabled while not applicable or already sent. */
export function ActionButton({
  action,
  actions,
  primary,
}: {
  action: WorkAction;
  actions: ReturnType<typeof useWorkActions>;
  primary?: boolean;
}) {
  const { t } = useTranslation();
  const busy = Boolean(actions.pending[action]);
  return (
    <button
      type="button"
      className={`action${primary ? ' primary' : ''}${busy ? ' busy' : ''}`}
      data-action={action}
      disabled={!actions.available[action] || busy}
      aria-keyshortcuts={shortcutLabel(action)}
      onClick={() => actions.perform(action)}
    >
      <span>{busy ? t('common.sending') : t(`action.${action}`)}</span>
      <kbd>{shortcutLabel(action)}</kbd>
    </button>
  );
}
