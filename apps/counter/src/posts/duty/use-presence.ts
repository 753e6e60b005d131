import { useEffect, useState } from 'react';
import { useDesk, useOnline } from '../../common/desk';

export interface DevicePresence {
  online: boolean;
  since: number | null;
}

const EVERY_MS = 10_000;

/**
 * Which devices are connected to the hall server now (`hall:presence`), asked every ten
 * seconds while the console is online. Null until the first answer (and when refused).
 */
export function usePresence(): Map<string, DevicePresence> | null {
  const { connection } = useDesk();
  const online = useOnline();
  const [presence, setPresence] = useState<Map<string, DevicePresence> | null>(null);
  useEffect(() => {
    if (!online) return;
    let live = true;
    const ask = () =>
      void connection.send('hall:presence', {}, { giveUpAfterMs: EVERY_MS }).then((ack) => {
        if (live && ack.ok)
          setPresence(new Map(ack.data.devices.map((d) => [d.deviceId, d] as const)));
      });
    ask();
    const timer = setInterval(ask, EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [connection, online]);
  return presence;
}
