import type { Device, DeviceCheck, DeviceFault, DeviceHealth, DeviceKind } from '@onestop/shared';
import { formatClock } from '@onestop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline, useStaffView } from '../../common/desk';
import { useQuery } from '../../common/use-query';
import { DeviceHealthPanel } from './DeviceHealthPanel';
import { OpeningChecklist } from './OpeningChecklist';
import { PanelHead } from './Panel';
import { useDeviceHealth, useDeviceKey } from './use-device-health';
import { usePresence } from './use-presence';

// The devices tab (issue 19 item 2): every paired device's health as it last reported it
// (online, version, screen, sound, printer) with its open faults and today's opening check;
// a device's details on top when one is picked (fault history, mark fixed, report a fault);
// the opening check-list.

const KIND_ORDER: readonly DeviceKind[] = ['kiosk', 'display', 'pad', 'desk', 'integration'];

export function DevicesPanel({ canFix }: { canFix: boolean }) {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const online = useOnline();
  const health = useDeviceHealth();
  const key = useDeviceKey();
  const [saved, setSaved] = useState(0);
  const checks = useQuery('device:opening-checks', {}, key === null ? null : `${key}:${saved}`);
  const [selected, setSelected] = useState<string | null>(null);
  const openFaults = health.data?.openFaults ?? [];
  const faultsOf = (d: Device) => openFaults.filter((f) => f.deviceId === d.id).length;
  // Those with faults first, then by kind (customer devices before desks) and name.
  const devices = hall.devices
    .filter((d) => d.revokedAt === null && d.kind !== 'integration')
    .sort(
      (a, b) =>
        faultsOf(b) - faultsOf(a) ||
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
        a.name.localeCompare(b.name, 'zh'),
    );
  const device = devices.find((d) => d.id === selected);
  return (
    <div className="devices-panel" data-testid="devices-panel">
      {device && (
        <DeviceHealthPanel device={device} canFix={canFix} onClose={() => setSelected(null)} />
      )}
      <section className="card" data-testid="device-health">
        <PanelHead title={t('console.devices.title')} stale={!online} />
        <HealthTable
          devices={devices}
          health={health.data?.health ?? null}
          faults={openFaults}
          checks={checks.data?.checks ?? []}
          onPick={setSelected}
        />
        <HealthStates
          loading={health.data === null && health.loading}
          error={health.error}
          offline={!online}
          empty={devices.length === 0}
        />
      </section>
      <OpeningChecklist
        devices={devices}
        checks={checks.data?.checks ?? null}
        onSaved={() => setSaved((n) => n + 1)}
      />
    </div>
  );
}

function HealthStates(props: {
  loading: boolean;
  error: string | null;
  offline: boolean;
  empty: boolean;
}) {
  const { t } = useTranslation();
  if (props.offline)
    return (
      <p className="muted" data-state="offline">
        {t('console.devices.offline')}
      </p>
    );
  if (props.error)
    return (
      <p className="error" data-state="error">
        {t('console.devices.error', { code: props.error })}
      </p>
    );
  if (props.loading)
    return (
      <p className="muted" data-state="loading">
        {t('console.devices.loading')}
      </p>
    );
  if (props.empty)
    return (
      <p className="muted empty" data-state="empty">
        {t('console.devices.none')}
      </p>
    );
  return null;
}

function HealthTable(props: {
  devices: readonly Device[];
  health: readonly DeviceHealth[] | null;
  faults: readonly DeviceFault[];
  checks: readonly DeviceCheck[];
  onPick: (deviceId: string) => void;
}) {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const presence = usePresence();
  if (props.devices.length === 0) return null;
  const clock = (ms: number) => formatClock(ms, hall.config.timeZone);
  return (
    <table className="grid-table device-health-table">
      <thead>
        <tr>
          <th>{t('console.devices.name')}</th>
          <th>{t('console.devices.online')}</th>
          <th>{t('console.devices.version')}</th>
          <th>{t('console.devices.screen')}</th>
          <th>{t('console.devices.audio')}</th>
          <th>{t('console.devices.printer')}</th>
          <th>{t('console.devices.faults')}</th>
          <th>{t('console.devices.check')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {props.devices.map((d) => {
          const h = props.health?.find((x) => x.deviceId === d.id);
          const faults = props.faults.filter((f) => f.deviceId === d.id);
          const check = props.checks.find((c) => c.deviceId === d.id);
          const on = presence?.get(d.id)?.online;
          return (
            <tr key={d.id} data-device={d.id} data-faults={faults.length}>
              <th>
                {d.name}
                <div className="muted">{t(`console.deviceKind.${d.kind}`)}</div>
              </th>
              <td>
                {on === undefined ? (
                  t('console.devices.unknownOnline')
                ) : (
                  <span className={`level-text ${on ? 'ok' : 'bad'}`}>
                    {on ? t('console.devices.yes') : t('console.devices.no')}
                  </span>
                )}
              </td>
              {h ? (
                <>
                  <td className="num">
                    {h.version}
                    <div className="muted">{clock(h.reportedAt)}</div>
                  </td>
                  <td className="num">
                    {h.screen.width}×{h.screen.height}{' '}
                    {t(`console.devices.orientation.${h.screen.orientation}`)}
                  </td>
                  <td className={h.audio === 'blocked' ? 'level-text bad' : ''}>
                    {t(`console.devices.audioState.${h.audio}`)}
                  </td>
                  <td data-testid="printer-state" className={printerClass(h.printer)}>
                    {h.printer === null ? '—' : t(`console.devices.printerState.${h.printer}`)}
                  </td>
                </>
              ) : (
                <td colSpan={4} className="muted">
                  {props.health === null ? '…' : t('console.devices.noReport')}
                </td>
              )}
              <td data-testid="device-faults">
                {faults.length === 0 ? (
                  <span className="level-text ok">{t('console.devices.noFaults')}</span>
                ) : (
                  <span className="level-text bad">
                    {faults.map((f) => t(`console.devices.faultKind.${f.kind}`)).join('、')}
                  </span>
                )}
              </td>
              <td>
                {!check ? (
                  <span className="muted">{t('console.devices.checklist.notChecked')}</span>
                ) : check.results.every((r) => r.passed) ? (
                  <span className="level-text ok">{t('console.devices.checklist.allPassed')}</span>
                ) : (
                  <span className="level-text bad">
                    {t('console.devices.checklist.someFailed', {
                      count: check.results.filter((r) => !r.passed).length,
                    })}
                  </span>
                )}
              </td>
              <td>
                <button type="button" onClick={() => props.onPick(d.id)}>
                  {t('console.devices.detail')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function printerClass(printer: DeviceHealth['printer']): string {
  if (printer === 'paper_out' || printer === 'cover_open' || printer === 'offline')
    return 'level-text bad';
  return printer === 'paper_low' ? 'level-text warn' : '';
}
