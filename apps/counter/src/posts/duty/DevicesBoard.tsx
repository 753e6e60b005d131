import type { Device, DeviceKind } from '@onestop/shared';
import { useTranslation } from 'react-i18next';
import { useStaffView } from '../../common/desk';
import { offlineSince } from './timing';
import { useDeviceHealth } from './use-device-health';
import { usePresence } from './use-presence';

// The hall's devices by kind on the live hall: how many are reachable, which are offline, and
// the device faults open now (the devices tab has each device's health and history).

const KINDS: DeviceKind[] = ['kiosk', 'display', 'desk', 'pad', 'integration'];

export function DevicesBoard() {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const devices = hall.devices.filter((d) => d.revokedAt === null);
  const presence = usePresence();
  const health = useDeviceHealth();
  const faults = health.data?.openFaults ?? [];
  const nameOf = (id: string) => devices.find((d) => d.id === id)?.name ?? id;
  // Live from the hall server; until its first answer, what the hall's alerts reported.
  const isOff = (d: Device) =>
    presence ? presence.get(d.id)?.online === false : offlineSince(hall, d) !== null;
  return (
    <section className="card devices-board" data-testid="devices-board">
      <h3>{t('console.hall.devices')}</h3>
      {devices.length === 0 ? (
        <p className="muted empty">{t('console.hall.noDevices')}</p>
      ) : (
        <table className="grid-table">
          <tbody>
            {KINDS.map((kind) => {
              const ofKind = devices.filter((d) => d.kind === kind);
              if (ofKind.length === 0) return null;
              const off = ofKind.filter(isOff);
              return (
                <tr key={kind} data-kind={kind}>
                  <th>{t(`console.deviceKind.${kind}`)}</th>
                  <td className="num">
                    <span className="level-text ok">
                      {t('console.hall.reachable', { count: ofKind.length - off.length })}
                    </span>
                  </td>
                  <td>
                    {off.length === 0 ? (
                      <span className="muted">{t('console.hall.noneOffline')}</span>
                    ) : (
                      <span className="level-text bad" data-testid="offline-devices">
                        {t('console.hall.offline', { count: off.length })}:{' '}
                        {off.map((d) => d.name).join('、')}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {faults.length > 0 && (
        <p className="level-text bad" data-testid="open-device-faults">
          {t('console.devices.faultsLine')}
          {faults
            .map((f) => `${nameOf(f.deviceId)} ${t(`console.devices.faultKind.${f.kind}`)}`)
            .join('、')}
        </p>
      )}
      {health.error && (
        <p className="error">{t('console.devices.error', { code: health.error })}</p>
      )}
    </section>
  );
}
