import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad } from '@onestop/ui';
import { ActionPair } from '../common/ActionPair';
import { bridge } from '../common/bridge';
import { isExitGesture } from '../common/idle-timer';

/**
 * Inside the kiosk shell only: five quick taps on the hall's name open a PIN pad; the shell
 * checks the admin PIN and quits kiosk mode. In a browser it is just the heading.
 */
export function AdminExit({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const exit = bridge().requestExit;
  const taps = useRef<number[]>([]);
  const [open, setOpen] = useState(false);
  const [pin, setPin] = useState('');
  const [wrong, setWrong] = useState(false);
  if (!exit) return <>{children}</>;

  const tap = () => {
    const now = Date.now();
    taps.current = [...taps.current.slice(-4), now];
    if (isExitGesture(taps.current, now)) {
      taps.current = [];
      setOpen(true);
    }
  };
  const close = () => {
    setOpen(false);
    setPin('');
    setWrong(false);
  };
  const submit = async () => {
    const ok = await exit(pin);
    if (!ok) {
      setWrong(true);
      setPin('');
    }
  };

  return (
    <>
      <div className="admin-exit-target" onPointerDown={tap}>
        {children}
      </div>
      {open && (
        <div className="dialog-backdrop">
          <div role="dialog" aria-modal="true" aria-label={t('adminExit')} className="dialog">
            <h2>{t('adminExit')}</h2>
            <p>{t('adminPin')}</p>
            <output className="entry">{'•'.repeat(pin.length) || '\u00a0'}</output>
            {wrong && <p className="hint-error">{t('wrongPin')}</p>}
            <Keypad value={pin} onChange={setPin} maxLength={8} label={t('adminPin')} />
            <ActionPair
              backLabel={t('cancel')}
              onBack={close}
              label={t('exit')}
              disabled={pin.length < 4}
              onAction={() => void submit()}
            />
          </div>
        </div>
      )}
    </>
  );
}
