import { saveDeviceToken, useHall, type HallConnection } from '@onestop/client';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A plain banner for every state of the link that is not "online". */
export function LinkBanner({ connection }: { connection: HallConnection }) {
  const { t } = useTranslation();
  const link = useHall(connection, (v) => v.link);
  const pending = useHall(connection, (v) => v.pending);
  if (link === 'online' && pending === 0) return null;
  const text =
    link === 'offline'
      ? t('offline')
      : link === 'connecting' || link === 'syncing'
        ? t('connecting')
        : pending > 0
          ? t('sending')
          : null;
  if (!text) return null;
  return (
    <div role="status" className={`banner banner-${link}`} data-link={link}>
      {text}
    </div>
  );
}

/** Renders children once the device is paired; otherwise the pairing screen. */
export function PairedOnly({
  connection,
  children,
}: {
  connection: HallConnection;
  children: ReactNode;
}) {
  const refusal = useHall(connection, (v) => v.refusal);
  const link = useHall(connection, (v) => v.link);
  if (link === 'refused' && (refusal === 'not_paired' || refusal === 'device_revoked')) {
    return <PairingScreen refusal={refusal} />;
  }
  return <>{children}</>;
}

function PairingScreen({ refusal }: { refusal: string }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function pair() {
    const res = await fetch('/api/v1/device/pair', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ commandId: crypto.randomUUID(), pairingCode: code }),
    });
    const ack = (await res.json()) as {
      ok: boolean;
      data?: { deviceToken: string };
      message?: string;
    };
    if (ack.ok && ack.data) {
      saveDeviceToken(ack.data.deviceToken);
      window.location.reload();
    } else setError(ack.message ?? 'error');
  }
  return (
    <main className="pairing">
      <h1>{t('pairTitle')}</h1>
      <p>{t('refused', { code: refusal })}</p>
      <p>{t('pairHelp')}</p>
      <label>
        {t('pairCode')}
        <input
          inputMode="numeric"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
        />
      </label>
      <button type="button" disabled={code.length !== 6} onClick={() => void pair()}>
        {t('pair')}
      </button>
      {error && <p role="alert">{error}</p>}
    </main>
  );
}
