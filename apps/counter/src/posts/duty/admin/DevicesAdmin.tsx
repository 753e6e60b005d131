import { DeviceKind, type Device } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, usePending, useStaffView } from '../../../common/desk';
import { formatDateTime, type Lang } from '../../../common/format';
import { ActionDialog, hasReason, ReasonField, RefusalFor, useDialog } from '../ConsoleDialog';
import { offlineSince } from '../timing';
import { usePresence } from '../use-presence';
import { TextField } from './fields';

/** Devices: issue a pairing code for a new one, rename, revoke (with a reason). */
export function DevicesAdmin() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { hall } = useStaffView();
  const dialog = useDialog<{ kind: 'rename' | 'revoke'; device: Device }>();
  const presence = usePresence();
  const devices = [...hall.devices].sort(
    (a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name),
  );
  return (
    <div className="admin-devices">
      <PairingCode />
      <section className="card" data-testid="admin-devices">
        <h3>{t('console.admin.devices')}</h3>
        <table className="grid-table">
          <thead>
            <tr>
              <th>{t('console.admin.name')}</th>
              <th>{t('console.admin.kind')}</th>
              <th>{t('console.tickets.counter')}</th>
              <th>{t('console.admin.pairedAt')}</th>
              <th>{t('console.admin.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => {
              const live = presence?.get(d.id);
              const off = live ? !live.online : offlineSince(hall, d) !== null;
              const counter = hall.counters.find((c) => c.id === d.counterId);
              return (
                <tr key={d.id} data-device={d.id} className={d.revokedAt ? 'inactive' : ''}>
                  <td>{d.name}</td>
                  <td>{t(`console.deviceKind.${d.kind}`)}</td>
                  <td>{counter ? t('counter.number', { number: counter.number }) : '—'}</td>
                  <td>{formatDateTime(d.pairedAt, hall.config.timeZone, lang)}</td>
                  <td>
                    {d.revokedAt ? (
                      <span className="badge bad">{t('console.admin.revoked')}</span>
                    ) : off ? (
                      <span className="badge bad" data-testid="device-offline">
                        {t('console.admin.offline')}
                      </span>
                    ) : live?.online ? (
                      <span className="badge ok">{t('console.admin.online')}</span>
                    ) : (
                      <span className="badge">{t('console.admin.paired')}</span>
                    )}
                  </td>
                  <td className="actions">
                    {!d.revokedAt && (
                      <>
                        <button
                          type="button"
                          onClick={() => dialog.show({ kind: 'rename', device: d })}
                        >
                          {t('console.admin.rename')}
                        </button>
                        <button
                          type="button"
                          onClick={() => dialog.show({ kind: 'revoke', device: d })}
                        >
                          {t('console.admin.revoke')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {dialog.open?.kind === 'rename' && (
        <RenameDialog device={dialog.open.device} onClose={dialog.close} />
      )}
      {dialog.open?.kind === 'revoke' && (
        <RevokeDialog device={dialog.open.device} onClose={dialog.close} />
      )}
    </div>
  );
}

function PairingCode() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { runner } = useDesk();
  const { hall } = useStaffView();
  const online = useOnline();
  const busy = usePending('pairing-code');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<DeviceKind>('desk');
  const [counterId, setCounterId] = useState('');
  const [issued, setIssued] = useState<{ code: string; expiresAt: number } | null>(null);
  return (
    <section className="card pairing-code" data-testid="pairing-code">
      <h3>{t('console.admin.pairTitle')}</h3>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          void runner
            .run('pairing-code', 'device:issue-pairing-code', {
              name: name.trim(),
              kind,
              counterId: counterId || null,
            })
            .then((ack) => ack?.ok && setIssued(ack.data));
        }}
      >
        <TextField label={t('console.admin.name')} value={name} onChange={setName} />
        <label>
          {t('console.admin.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as DeviceKind)}>
            {DeviceKind.options.map((k) => (
              <option key={k} value={k}>
                {t(`console.deviceKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('console.tickets.counter')}
          <select value={counterId} onChange={(e) => setCounterId(e.target.value)}>
            <option value="">—</option>
            {hall.counters.map((c) => (
              <option key={c.id} value={c.id}>
                {t('counter.number', { number: c.number })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={!online || busy || !name.trim()}>
          {t('console.admin.issueCode')}
        </button>
      </form>
      <RefusalFor actionKey="pairing-code" />
      {issued && (
        <p className="pairing-result" data-testid="issued-code">
          {t('console.admin.codeIs')} <strong className="code">{issued.code}</strong>{' '}
          <span className="muted">
            {t('console.admin.codeExpires', {
              time: formatDateTime(issued.expiresAt, hall.config.timeZone, lang),
            })}
          </span>
        </p>
      )}
    </section>
  );
}

function RenameDialog({ device, onClose }: { device: Device; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(device.name);
  return (
    <ActionDialog
      title={t('console.admin.renameTitle', { name: device.name })}
      actionKey="admin-rename"
      command="admin:rename-device"
      confirmLabel={t('console.admin.save')}
      payload={name.trim() ? { deviceId: device.id, name: name.trim() } : null}
      onClose={onClose}
    >
      <TextField label={t('console.admin.name')} value={name} onChange={setName} />
    </ActionDialog>
  );
}

function RevokeDialog({ device, onClose }: { device: Device; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <ActionDialog
      title={t('console.admin.revokeTitle', { name: device.name })}
      actionKey="admin-revoke"
      command="device:revoke"
      confirmLabel={t('console.admin.revoke')}
      payload={hasReason(reason) ? { deviceId: device.id, reason: reason.trim() } : null}
      onClose={onClose}
    >
      <p className="muted">{t('console.admin.revokeExplain')}</p>
      <ReasonField value={reason} onChange={setReason} />
    </ActionDialog>
  );
}
