import type { HallConnection } from '@onestop/client';
import type { Identification } from '@onestop/shared';
import { useScanner } from '@onestop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAckText } from '../common/ack-text';
import { bridge } from '../common/bridge';
import { kioskStore, type KioskIdentity } from './kiosk-store';

// The kiosk identifies its customer without typing (docs/customer-identification.md): a bill's
// barcode or QR code through the scanner (a keyboard wedge), or a resident ID card through the
// shell's reader. The hall answers with an identity token the ticket is taken with; the kiosk
// keeps that, never the card's number.

/** How long the reader waits for a card after the customer presses 身份证. */
export const ID_CARD_WAIT_MS = 15_000;

export type IdentifyStatus =
  | { name: 'idle' }
  | { name: 'identifying' }
  | { name: 'reading_card' }
  | { name: 'problem'; text: string };

/** The scanned code's source as the hall records it: a URL is a QR code's, the rest a barcode's. */
export const scanSource = (code: string): 'qr' | 'barcode' =>
  /^https?:\/\//i.test(code.trim()) ? 'qr' : 'barcode';

function identityOf(found: Identification, source: KioskIdentity['source']): KioskIdentity | null {
  if (!found.found || !found.identityToken || found.expiresAt === null) return null;
  return {
    identityToken: found.identityToken,
    expiresAt: found.expiresAt,
    source,
    accountLast4: source === 'bill' ? found.accountLast4 : null,
    vipName: found.vip ? (found.name ?? '') : null,
  };
}

/** Scanning on while `enabled`; `readCard` is null without a reader (the web bridge). */
export function useKioskIdentify(connection: HallConnection, enabled: boolean) {
  const { t } = useTranslation();
  const ackText = useAckText();
  const [status, setStatus] = useState<IdentifyStatus>({ name: 'idle' });
  const reader = bridge().readIdCard;

  async function identify(source: 'barcode' | 'qr' | 'id_card', value: string) {
    setStatus({ name: 'identifying' });
    const ack = await connection.send(
      'customer:identify',
      { source, value },
      { giveUpAfterMs: 8000 },
    );
    if (!ack.ok) return setStatus({ name: 'problem', text: ackText(ack) });
    const identity = identityOf(ack.data, source === 'id_card' ? 'id_card' : 'bill');
    if (!identity) return setStatus({ name: 'problem', text: t('idCardUnknown') });
    kioskStore.getState().identified(identity);
    setStatus({ name: 'idle' });
  }

  useScanner(
    (code) => void identify(scanSource(code), code),
    enabled && status.name !== 'identifying',
  );

  const readCard = reader
    ? async () => {
        setStatus({ name: 'reading_card' });
        const card = await reader(ID_CARD_WAIT_MS).catch(() => null);
        if (!card) return setStatus({ name: 'problem', text: t('idCardNone') });
        // Straight to the hall; the number is not kept here.
        await identify('id_card', card.idNumber);
      }
    : null;

  return { status, readCard, clear: () => kioskStore.getState().identified(null) };
}

/** What the screen says of an identification. */
export function useIdentityText(identity: KioskIdentity | null): string | null {
  const { t } = useTranslation();
  if (!identity) return null;
  return identity.source === 'bill'
    ? t('billIdentified', { last4: identity.accountLast4 ?? '' })
    : t('idCardIdentified');
}
