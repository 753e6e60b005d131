import { readDeviceToken, saveDeviceToken, useHall, type HallConnection } from '@onestop/client';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad } from '@onestop/ui';
import { useAckText } from './ack-text';
import { hallConnection } from './connection';

// A device the hall does not know (no token, a wrong one, or revoked) shows the pairing screen:
// a six-digit code from the duty-leader console pairs it and the token is kept on the device.

/**
 * Connects to the hall once the device has a token (from pairing, or `?token=` for the demo
 * hall's pre-paired devices) and renders the screen; otherwise, or when the hall refuses the
 * token, the pairing screen.
 */
export function PairedOnly({
  sessionToken = null,
  children,
}: {
  sessionToken?: string | null;
  children: (connection: HallConnection) => ReactNode;
}) {
  const deviceToken = useMemo(() => readDeviceToken(), []);
  if (!deviceToken) return <PairingScreen refusal="not_paired" />;
  return <Linked connection={hallConnection(deviceToken, sessionToken)}>{children}</Linked>;
}

function Linked({
  connection,
  children,
}: {
  connection: HallConnection;
  children: (connection: HallConnection) => ReactNode;
}) {
  const link = useHall(connection, (v) => v.link);
  const refusal = useHall(connection, (v) => v.refusal);
  if (link === 'refused') return <PairingScreen refusal={refusal} />;
  return <>{children(connection)}</>;
}

function refusalKey(refusal: string | null) {
  return refusal === 'not_paired' || refusal === 'device_revoked'
    ? (`refusal_${refusal}` as const)
    : ('refusal_other' as const);
}

function PairingScreen({ refusal }: { refusal: string | null }) {
  const { t } = useTranslation();
  const ackText = useAckText();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function pair() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/v1/device/pair', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ commandId: crypto.randomUUID(), pairingCode: code }),
      });
      const ack = (await res.json()) as
        { ok: true; data: { deviceToken: string } } | { ok: false; code: string; message: string };
      if (!ack.ok) return setError(ackText(ack));
      saveDeviceToken(ack.data.deviceToken);
      // Reload without a stale `?token=` (it would win over the stored one).
      const url = new URL(window.location.href);
      url.searchParams.delete('token');
      window.location.replace(url.toString());
    } catch {
      setError(t('offline'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="pairing">
      <h1>{t('pairTitle')}</h1>
      <p className="pairing-reason" role="alert">
        {t(refusalKey(refusal))}
      </p>
      <p>{t('pairHelp')}</p>
      <label className="field">
        {t('pairCode')}
        <input
          className="pairing-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
        />
      </label>
      <Keypad value={code} onChange={setCode} maxLength={6} label={t('pairCode')} />
      {error && (
        <p role="alert" className="hint-error">
          {error}
        </p>
      )}
      <button
        type="button"
        className="primary"
        disabled={code.length !== 6 || busy}
        onClick={() => void pair()}
      >
        {busy ? t('pairing') : t('pair')}
      </button>
    </main>
  );
}
