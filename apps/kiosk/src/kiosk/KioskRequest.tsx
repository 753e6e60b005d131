import type { HallConnection } from '@onestop/client';
import type { CommandName, CommandOutput, CommandPayload } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionPair } from '../common/ActionPair';
import { useAckText } from '../common/ack-text';
import { kioskStore } from './kiosk-store';

// A customer's request from a kiosk screen (an appointment check-in, an opinion): busy while it
// is on its way, given up after 15 s, its refusal in the screen's language; and the screen's
// two buttons, back to the menu and the request itself.

export function useKioskRequest(connection: HallConnection) {
  const ackText = useAckText();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** The answer, or null when refused (the refusal is then `problem`). */
  async function request<K extends CommandName>(
    name: K,
    payload: CommandPayload<K>,
  ): Promise<CommandOutput<K> | null> {
    setBusy(true);
    setProblem(null);
    const ack = await connection.send(name, payload, { giveUpAfterMs: 15_000 });
    setBusy(false);
    if (ack.ok) return ack.data;
    setProblem(ackText(ack));
    return null;
  }
  return { busy, problem, request };
}

export function BackOrSend({
  busy,
  ready,
  label,
  onSend,
}: {
  busy: boolean;
  /** Whether what the customer entered can be sent. */
  ready: boolean;
  label: string;
  onSend: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <ActionPair
      backLabel={t('back')}
      onBack={() => kioskStore.getState().go({ name: 'menu' })}
      label={busy ? t('sending') : label}
      disabled={busy || !ready}
      onAction={() => void onSend()}
    />
  );
}
