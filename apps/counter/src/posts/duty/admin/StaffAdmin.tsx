import { StaffRole, type Staff } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../common/Avatar';
import { useStaffView } from '../../../common/desk';
import { ActionDialog, useDialog } from '../ConsoleDialog';
import { TextField } from './fields';

/** Staff: roles, photo, PIN reset, deactivate. */
export function StaffAdmin() {
  const { t, i18n } = useTranslation();
  const { hall } = useStaffView();
  const dialog = useDialog<{ kind: 'edit'; staff: Staff | null } | { kind: 'pin'; staff: Staff }>();
  const staff = [...hall.staff].sort((a, b) => a.staffNo.localeCompare(b.staffNo));
  return (
    <section className="card" data-testid="admin-staff">
      <header className="panel-head">
        <h3>{t('console.admin.staff')}</h3>
        <span className="spacer" />
        <button
          type="button"
          className="primary"
          onClick={() => dialog.show({ kind: 'edit', staff: null })}
        >
          {t('console.admin.newStaff')}
        </button>
      </header>
      <table className="grid-table">
        <thead>
          <tr>
            <th />
            <th>{t('signIn.staffNo')}</th>
            <th>{t('console.admin.name')}</th>
            <th>{t('console.admin.roles')}</th>
            <th>{t('console.admin.active')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {staff.map((s) => (
            <tr key={s.id} data-staff={s.staffNo} className={s.active ? '' : 'inactive'}>
              <td>
                <Avatar staff={s} size={28} />
              </td>
              <td className="num">{s.staffNo}</td>
              <td>{s.name}</td>
              <td>
                {s.roles.map((r) => t(`roles.${r}`)).join(i18n.language === 'zh' ? '、' : ', ')}
              </td>
              <td>{s.active ? '✓' : t('console.admin.inactive')}</td>
              <td className="actions">
                <button type="button" onClick={() => dialog.show({ kind: 'edit', staff: s })}>
                  {t('console.admin.edit')}
                </button>
                <button type="button" onClick={() => dialog.show({ kind: 'pin', staff: s })}>
                  {t('console.admin.resetPin')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {dialog.open?.kind === 'edit' && (
        <StaffDialog staff={dialog.open.staff} onClose={dialog.close} />
      )}
      {dialog.open?.kind === 'pin' && (
        <PinDialog staff={dialog.open.staff} onClose={dialog.close} />
      )}
    </section>
  );
}

function StaffDialog({ staff, onClose }: { staff: Staff | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [id, setId] = useState(staff?.id ?? '');
  const [staffNo, setNo] = useState(staff?.staffNo ?? '');
  const [name, setName] = useState(staff?.name ?? '');
  const [roles, setRoles] = useState<StaffRole[]>(staff?.roles ?? ['clerk']);
  const [photoUrl, setPhoto] = useState(staff?.photoUrl ?? '');
  const [active, setActive] = useState(staff?.active ?? true);
  const [pin, setPin] = useState('');
  const ready = id && staffNo && name.trim() && roles.length > 0 && (staff !== null || pin);
  return (
    <ActionDialog
      title={
        staff ? t('console.admin.editStaff', { name: staff.name }) : t('console.admin.newStaff')
      }
      actionKey="admin-staff"
      command="admin:save-staff"
      testId="staff-dialog"
      confirmLabel={t('console.admin.save')}
      payload={
        ready
          ? {
              staff: { id, staffNo, name, roles, photoUrl: photoUrl.trim() || null, active },
              ...(pin ? { pin } : {}),
            }
          : null
      }
      onClose={onClose}
    >
      <div className="form-grid">
        <TextField
          label={t('console.admin.id')}
          value={id}
          onChange={setId}
          disabled={staff !== null}
        />
        <TextField label={t('signIn.staffNo')} value={staffNo} onChange={setNo} />
        <TextField label={t('console.admin.name')} value={name} onChange={setName} />
        <TextField label={t('console.admin.photoUrl')} value={photoUrl} onChange={setPhoto} />
        {staff === null && (
          <TextField label={t('console.admin.pin')} value={pin} onChange={setPin} type="password" />
        )}
      </div>
      <fieldset className="choices">
        <legend>{t('console.admin.roles')}</legend>
        {StaffRole.options.map((r) => (
          <label key={r} className="choice">
            <input
              type="checkbox"
              checked={roles.includes(r)}
              onChange={(e) =>
                setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))
              }
            />
            {t(`roles.${r}`)}
          </label>
        ))}
      </fieldset>
      <label className="choice">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
        {t('console.admin.activeStaff')}
      </label>
    </ActionDialog>
  );
}

function PinDialog({ staff, onClose }: { staff: Staff; onClose: () => void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  return (
    <ActionDialog
      title={t('console.admin.resetPinFor', { name: staff.name })}
      actionKey="admin-pin"
      command="admin:reset-pin"
      testId="pin-dialog"
      confirmLabel={t('console.admin.resetPin')}
      payload={pin ? { staffId: staff.id, pin } : null}
      onClose={onClose}
    >
      <TextField label={t('console.admin.newPin')} value={pin} onChange={setPin} type="password" />
      <p className="muted">{t('console.admin.pinHint')}</p>
    </ActionDialog>
  );
}
