import {
  pairDevice,
  readDeviceToken,
  restartWithoutToken,
  saveDeviceToken,
  useHall,
  type HallConnection,
} from '@onestop/client';
import { PairingScreen } from '@onestop/ui';
import { useMemo, type ReactNode } from 'react';
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
  if (!deviceToken) return <KioskPairing reason="not_paired" />;
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
  if (link === 'refused') return <KioskPairing reason={refusal} />;
  return <>{children(connection)}</>;
}

function KioskPairing({ reason }: { reason: string | null }) {
  return (
    <PairingScreen
      reason={reason}
      pair={async (code) => {
        const outcome = await pairDevice(code);
        if (outcome.state === 'paired') {
          saveDeviceToken(outcome.device.deviceToken);
          restartWithoutToken();
        }
        return outcome;
      }}
    />
  );
}
