import { CHECK_ITEMS, type CheckItem, type Device, type DeviceCheck } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, usePending, useStaffView } from '../../common/desk';
import { RefusalFor } from './ConsoleDialog';
import { PanelHead } from './Panel';

// The daily opening check-list (开门检查): per device, the items of its kind (a kiosk prints a
// test slip and is touched, a display plays a test announcement and its screen is looked at,
// a desk signs in, a pad takes a test rating), each passed or failed, recorded by whoever
// opens the hall; a failed item becomes a fault. Shows today's state: who checked what.

export function OpeningChecklist(props: {
  devices: readonly Device[];
  checks: readonly DeviceCheck[] | null;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const online = useOnline();
  const checkable = props.devices.filter((d) => CHECK_ITEMS[d.kind].length > 0);
  const checked = checkable.filter((d) => props.checks?.some((c) => c.deviceId === d.id));
  return (
    <section className="card opening-checklist" data-testid="opening-checklist">
      <PanelHead
        title={t('console.devices.checklist.title', { day: hall.businessDay })}
        stale={!online}
      >
        <span className="spacer" />
        {props.checks !== null && (
          <span className="muted" data-testid="checks-done">
            {t('console.devices.checklist.done', { done: checked.length, total: checkable.length })}
          </span>
        )}
      </PanelHead>
      {checkable.length === 0 ? (
        <p className="muted empty">{t('console.devices.checklist.none')}</p>
      ) : (
        <table className="grid-table">
          <tbody>
            {checkable.map((d) => (
              <CheckRow
                key={d.id}
                device={d}
                check={props.checks?.find((c) => c.deviceId === d.id)}
                onSaved={props.onSaved}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CheckRow({
  device,
  check,
  onSaved,
}: {
  device: Device;
  check: DeviceCheck | undefined;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const { runner } = useDesk();
  const online = useOnline();
  const key = `check:${device.id}`;
  const pending = usePending(key);
  const items = CHECK_ITEMS[device.kind];
  const [passed, setPassed] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(
      items.map((item) => [item, check?.results.find((r) => r.item === item)?.passed ?? true]),
    ),
  );
  const toggle = (item: CheckItem) => setPassed((p) => ({ ...p, [item]: !p[item] }));
  const save = () =>
    void runner
      .run(key, 'device:opening-check', {
        deviceId: device.id,
        results: items.map((item) => ({ item, passed: passed[item] ?? true })),
      })
      .then((ack) => ack?.ok && onSaved());
  const by = check ? hall.staff.find((s) => s.id === check.checkedBy)?.name : undefined;
  return (
    <tr data-device={device.id} data-checked={check !== undefined}>
      <th>
        {device.name}
        <div className="muted">
          {check ? `✓ ${by ?? ''}` : t('console.devices.checklist.notChecked')}
        </div>
      </th>
      {items.map((item) => (
        <td key={item}>
          <label className={`inline ${passed[item] ? 'level-text ok' : 'level-text bad'}`}>
            <input
              type="checkbox"
              checked={passed[item] ?? true}
              data-item={item}
              onChange={() => toggle(item)}
            />{' '}
            {t(`console.devices.checklist.items.${item}`)}
          </label>
        </td>
      ))}
      {items.length < 2 && <td />}
      <td>
        <button type="button" disabled={!online || pending} onClick={save}>
          {t('console.devices.checklist.save')}
        </button>
        <RefusalFor actionKey={key} />
      </td>
    </tr>
  );
}
