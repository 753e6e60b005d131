import { DeviceKind, type Device } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, usePending, useStaffView } from '../../../common/desk';
import { formatDateTime, useLang } from '@onestop/ui';
import { ActionDialog, hasReason, ReasonField, RefusalFor, useDialog } from '../ConsoleDialog';
import { offlineSince } from '../timing';
import { usePresence } from '../use-presence';
import { AdminList } from './AdminList';
import { TextField } from './fields';

/** Devices: issue a pairing code for a new one, rename, revoke (with a reason). */
export function DevicesAdmin() {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  const dialog = useDialog<{ kind: 'rename' | 'revoke'; device: Device }>();
  const presence = usePresence();
  const devices = [...hall.devices].sort(
    (a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name),
  );
  const status = (d: Device) => {
    if (d.revokedAt) return <span className="badge bad">{t('console.admin.revoked')}</span>;
    const live = presence?.get(d.id);
    const off = live ? !live.online : offlineSince(hall, d) !== null;
    if (off)
      return (
        <span className="badge bad" data-testid="device-offline">
          {t('console.admin.offline')}
        </span>
      );
    return live?.online ? (
      <span className="badge ok">{t('console.admin.online')}</span>
    ) : (
      <span className="badge">{t('console.admin.paired')}</span>
    );
  };
  const counterOf = (d: Device) => {
    const counter = hall.counters.find((c) => c.id === d.counterId);
    return counter ? t('counter.number', { number: counter.number }) : '—';
  };
  return (
    <div className="admin-devices">
      <PairingCode />
      <AdminList
        testId="admin-devices"
        title={t('console.admin.devices')}
        rows={devices}
        rowData={(d) => ({ 'data-device': d.id })}
        inactive={(d) => d.revokedAt !== null}
        columns={[
          { head: t('console.admin.name'), cell: (d) => d.name },
          { head: t('console.admin.kind'), cell: (d) => t(`console.deviceKind.${d.kind}`) },
          { head: t('console.tickets.counter'), cell: counterOf },
          {
            head: t('console.admin.pairedAt'),
            cell: (d) => formatDateTime(d.pairedAt, hall.config.timeZone, lang),
          },
          { head: t('console.admin.status'), cell: status },
          {
            head: '',
            className: 'actions',
            cell: (d) =>
              !d.revokedAt &&
              (['rename', 'revoke'] as const).map((kind) => (
                <button key={kind} type="button" onClick={() => dialog.show({ kind, device: d })}>
                  {t(`console.admin.${kind}`)}
                </button>
              )),
          },
        ]}
      />
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
  const { t } = useTranslation();
  const lang = useLang();
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
          <select value={kind} onChange={(e) => setKind(DeviceKind.parse(e.target.value))}>
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
