import { useEffect } from 'react';
import { matchShortcut } from './shortcuts';
import type { useWorkActions } from './use-work-actions';
import { useWorkstationStore } from './work-context';

/** The workstation's keys, while no dialog is open (a dialog has Enter and Escape). */
export function useShortcuts(actions: ReturnType<typeof useWorkActions>): void {
  const store = useWorkstationStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = matchShortcut(e);
      if (!action) return;
      e.preventDefault(); // F1 help, Alt menus: ours on this screen
      if (store.getState().dialog || e.repeat) return;
      if (actions.available[action] && !actions.pending[action]) actions.perform(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, store]);
}
