import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad } from './Keypad';
import {
  afterAttempt,
  atTime,
  canPair,
  pairingCodeLength,
  refusalText,
  secondsLeft,
  type PairingAttempt,
  type PairingState,
} from './pairing-state';
import './pairing.css';

/** Why a device is on the pairing screen: the hall's refusal of its token, if any. */
function reasonText(reason: string | null, language: string, other: string): string {
  return reason === 'not_paired' || reason === 'device_revoked' || reason === null
    ? refusalText(reason ?? 'not_paired', language)
    : other;
}

/**
 * An unpaired or refused device (kiosk, display, guide desk, workstation, pad, back office): a
 * six-digit code from the duty-leader console, typed or tapped on the keypad, pairs it. `pair`
 * sends the code (`pairDevice` in @onestop/client) and, once paired, keeps the token and
 * restarts the page. Its words: `ui:pairing`.
 */
export function PairingScreen({
  reason,
  pair,
  className = '',
  corner,
  children,
}: {
  /** The hall's refusal that brought the device here (`not_paired`, `device_revoked`, …). */
  reason: string | null;
  pair: (code: string) => Promise<PairingAttempt>;
  className?: string;
  /** Shown in the top corner (a language toggle). */
  corner?: ReactNode;
  /** Shown under the form (a way to forget a refused token). */
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const [code, setCode] = useState('');
  const [state, setState] = useState<PairingState>({ step: 'entering' });
  const [now, setNow] = useState(() => Date.now());
  const locked = state.step === 'locked';

  useEffect(() => {
    if (!locked) return;
    const timer = setInterval(() => {
      const at = Date.now();
      setNow(at);
      setState((s) => atTime(s, at));
    }, 1000);
    return () => clearInterval(timer);
  }, [locked]);

  async function send() {
    setState({ step: 'sending' });
    const attempt = await pair(code);
    const at = Date.now();
    setNow(at);
    setState(afterAttempt(attempt, at));
  }

  return (
    <main className={`pairing ${className}`.trim()} data-testid="pairing">
      {corner && <header className="corner">{corner}</header>}
      <h1>{t('ui:pairing.title')}</h1>
      <p className="pairing-reason" role="alert">
        {reasonText(reason, i18n.language, t('ui:pairing.otherReason'))}
      </p>
      <p className="pairing-help">{t('ui:pairing.help')}</p>
      <form
        className="pairing-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (canPair(state, code, Date.now())) void send();
        }}
      >
        <label className="field">
          {t('ui:pairing.code')}
          <input
            className="pairing-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={pairingCodeLength}
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, pairingCodeLength))}
          />
        </label>
        <Keypad
          value={code}
          onChange={setCode}
          maxLength={pairingCodeLength}
          label={t('ui:pairing.code')}
        />
        <PairingFeedback state={state} now={now} />
        <button type="submit" className="primary" disabled={!canPair(state, code, now)}>
          {state.step === 'sending' ? t('ui:pairing.sending') : t('ui:pairing.pair')}
        </button>
      </form>
      {children}
    </main>
  );
}

/** What the last attempt came to: the hall's reason, the lockout's time left, or no answer. */
export function PairingFeedback({ state, now }: { state: PairingState; now: number }) {
  const { t, i18n } = useTranslation();
  const text =
    state.step === 'refused'
      ? refusalText(state.code, i18n.language)
      : state.step === 'locked'
        ? t('ui:pairing.locked', { seconds: secondsLeft(state.until, now) })
        : state.step === 'offline'
          ? t('ui:pairing.offline')
          : null;
  if (text === null) return null;
  return (
    <p className="hint-error error" role="alert" data-state={state.step}>
      {text}
    </p>
  );
}
