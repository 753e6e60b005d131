import type { Device, DeviceFault, HealthChange } from '@onestop/shared';
import { formatDateTime, useLang } from '@onestop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline, useStaffView } from '../../common/desk';
import { staffById } from '../../common/hall-selectors';
import { useQuery } from '../../common/use-query';
import { ActionDialog, useDialog } from './ConsoleDialog';
import { PanelHead } from './Panel';
import { useDeviceKey } from './use-device-health';

// One device's details: its fault history (found, ended, fixed by whom with what note), mark a
// fault fixed, report a failure by hand, and the changes of its health (newest first).

type Action = { kind: 'fix'; fault: DeviceFault } | { kind: 'report' };

export function DeviceHealthPanel(props: { device: Device; canFix: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const online = useOnline();
  const key = useDeviceKey();
  const [done, setDone] = useState(0);
  const history = useQuery(
    'device:history',
    { deviceId: props.device.id },
    key === null ? null : `${props.device.id}:${key}:${done}`,
  );
  const dialog = useDialog<Action>();
  const d = dialog.open;
  return (
    <section className="card device-detail" data-testid="device-detail">
      <PanelHead title={props.device.name} stale={!online}>
        <span className="spacer" />
        <button type="button" disabled={!online} onClick={() => dialog.show({ kind: 'report' })}>
          {t('console.devices.report')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('console.devices.close')}
        </button>
      </PanelHead>
      {history.error && (
        <p className="error" data-state="error">
          {t('console.devices.error', { code: history.error })}
        </p>
      )}
      {history.data === null && !history.error && (
        <p className="muted" data-state="loading">
          {t('console.devices.loading')}
        </p>
      )}
      {history.data && (
        <>
          <h4>{t('console.devices.history')}</h4>
          <FaultTable
            faults={history.data.faults}
            canFix={props.canFix && online}
            onFix={(fault) => dialog.show({ kind: 'fix', fault })}
          />
          <h4>{t('console.devices.changes')}</h4>
          <ChangeList changes={history.data.changes} />
        </>
      )}
      {d?.kind === 'fix' && (
        <FixDialog fault={d.fault} onClose={dialog.close} onDone={() => setDone((n) => n + 1)} />
      )}
      {d?.kind === 'report' && (
        <ReportDialog
          device={props.device}
          onClose={dialog.close}
          onDone={() => setDone((n) => n + 1)}
        />
      )}
    </section>
  );
}

function FaultTable(props: {
  faults: readonly DeviceFault[];
  canFix: boolean;
  onFix: (f: DeviceFault) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  if (props.faults.length === 0)
    return <p className="muted empty">{t('console.devices.noHistory')}</p>;
  const at = (ms: number) => formatDateTime(ms, hall.config.timeZone, lang);
  return (
    <table className="grid-table" data-testid="fault-history">
      <thead>
        <tr>
          <th>{t('console.devices.faults')}</th>
          <th>{t('console.devices.openedAt')}</th>
          <th>{t('console.devices.state')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {props.faults.map((f) => (
          <tr key={f.id} data-fault={f.kind} data-open={f.clearedAt === null && f.fixedAt === null}>
            <td>
              {t(`console.devices.faultKind.${f.kind}`)}
              {f.detail && <div className="muted">{f.detail}</div>}
            </td>
            <td className="num">{at(f.openedAt)}</td>
            <td>
              {f.fixedAt !== null ? (
                <>
                  {t('console.devices.fixed', {
                    name: staffById(hall, f.fixedBy)?.name ?? '—',
                  })}{' '}
                  <span className="num">{at(f.fixedAt)}</span>
                  {f.fixNote && <q>{f.fixNote}</q>}
                </>
              ) : f.clearedAt !== null ? (
                <>
                  {t('console.devices.cleared')} <span className="num">{at(f.clearedAt)}</span>
                </>
              ) : (
                <span className="level-text bad">{t('console.devices.stillOpen')}</span>
              )}
            </td>
            <td>
              {f.fixedAt === null && props.canFix && (
                <button type="button" onClick={() => props.onFix(f)}>
                  {t('console.devices.markFixed')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ChangeList({ changes }: { changes: readonly HealthChange[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  if (changes.length === 0) return <p className="muted empty">{t('console.devices.noChanges')}</p>;
  return (
    <ul className="health-changes" data-testid="health-changes">
      {changes.map((c, i) => (
        <li key={`${c.at}-${i}`}>
          <span className="num">{formatDateTime(c.at, hall.config.timeZone, lang)}</span>{' '}
          {[
            c.version && `${t('console.devices.version')} ${c.version}`,
            c.screen && `${t('console.devices.screen')} ${c.screen.width}×${c.screen.height}`,
            c.audio &&
              `${t('console.devices.audio')} ${t(`console.devices.audioState.${c.audio}`)}`,
            c.printer &&
              `${t('console.devices.printer')} ${t(`console.devices.printerState.${c.printer}`)}`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </li>
      ))}
    </ul>
  );
}

function FixDialog(props: { fault: DeviceFault; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  return (
    <ActionDialog
      title={`${t('console.devices.markFixed')}: ${t(`console.devices.faultKind.${props.fault.kind}`)}`}
      actionKey={`fix:${props.fault.id}`}
      command="device:mark-fixed"
      payload={note.trim().length >= 2 ? { faultId: props.fault.id, note: note.trim() } : null}
      onClose={props.onClose}
      onDone={props.onDone}
      testId="fix-dialog"
    >
      <label>
        {t('console.devices.fixNote')}
        <textarea value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
      </label>
    </ActionDialog>
  );
}

function ReportDialog(props: { device: Device; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState('');
  return (
    <ActionDialog
      title={`${t('console.devices.report')}: ${props.device.name}`}
      actionKey={`report:${props.device.id}`}
      command="device:report-fault"
      payload={
        detail.trim().length >= 2 ? { deviceId: props.device.id, detail: detail.trim() } : null
      }
      onClose={props.onClose}
      onDone={props.onDone}
      testId="report-dialog"
    >
      <label>
        {t('console.devices.reportDetail')}
        <textarea value={detail} maxLength={200} onChange={(e) => setDetail(e.target.value)} />
      </label>
    </ActionDialog>
  );
}
