import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useView } from './desk';
import { forgetScreenToken, rememberPadCounter, saveScreenToken } from './device-identity';
import { LanguageToggle } from './LanguageToggle';

/**
 * An unpaired or refused device: the duty leader or admin issues a six-digit code on the
 * console; `device:pair` gives this device its token, kept for every later start.
 */
export function PairingScreen() {
  const { t } = useTranslation();
  const { screen, connection } = useDesk();
  const refusal = useView((v) => v.refusal);
  const [code, setCode] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'failed'>('idle');
  const [error, setError] = useState<string | null>(null);

  async function pair() {
    setState('sending');
    const ack = await connection.send(
      'device:pair',
      { pairingCode: code },
      { giveUpAfterMs: 10_000 },
    );
    if (!ack.ok) {
      setState('failed');
      setError(t(`errors.${ack.code}`));
      return;
    }
    saveScreenToken(screen, ack.data.deviceToken);
    if (screen === 'pad' && ack.data.counterId) rememberPadCounter(ack.data.counterId);
    // Start afresh with the new identity (and without a demo token in the address).
    window.location.replace(window.location.pathname);
  }

  return (
    <main className="centered-screen pairing" data-testid="pairing">
      <header className="corner">
        <LanguageToggle />
      </header>
      <h1>{t('pairing.title')}</h1>
      <p className="muted">
        {refusal ? t(`errors.${refusal}`) : t('pairing.notPaired')} {t('pairing.explain')}
      </p>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (/^\d{6}$/.test(code)) void pair();
        }}
      >
        <label>
          {t('pairing.code')}
          <input
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            aria-label={t('pairing.code')}
          />
        </label>
        <button
          type="submit"
          className="primary"
          disabled={!/^\d{6}$/.test(code) || state === 'sending'}
        >
          {state === 'sending' ? t('common.sending') : t('pairing.pair')}
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {refusal && (
          <button
            type="button"
            className="link"
            onClick={() => {
              forgetScreenToken(screen);
              window.location.replace(window.location.pathname);
            }}
          >
            {t('pairing.forget')}
          </button>
        )}
      </form>
    </main>
  );
}
