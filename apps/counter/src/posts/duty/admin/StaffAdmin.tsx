import { StaffRole, type Staff } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../common/Avatar';
import { useStaffView } from '../../../common/desk';
import { useLang } from '@onestop/ui';
import { ActionDialog, useDialog } from '../ConsoleDialog';
import { AdminList, EditButton, SaveDialog } from './AdminList';
import { CheckField, TextField } from './fields';

type StaffDialogOpen = { kind: 'edit'; staff: Staff | null } | { kind: 'pin'; staff: Staff };

/** Staff: roles, photo, PIN reset, deactivate. */
export function StaffAdmin() {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  const dialog = useDialog<StaffDialogOpen>();
  const staff = [...hall.staff].sort((a, b) => a.staffNo.localeCompare(b.staffNo));
  return (
    <AdminList
      testId="admin-staff"
      title={t('console.admin.staff')}
      newLabel={t('console.admin.newStaff')}
      onNew={() => dialog.show({ kind: 'edit', staff: null })}
      rows={staff}
      rowData={(s) => ({ 'data-staff': s.staffNo })}
      inactive={(s) => !s.active}
      columns={[
        { head: '', cell: (s) => <Avatar staff={s} size={28} /> },
        { head: t('signIn.staffNo'), className: 'num', cell: (s) => s.staffNo },
        { head: t('console.admin.name'), cell: (s) => s.name },
        {
          head: t('console.admin.roles'),
          cell: (s) => s.roles.map((r) => t(`roles.${r}`)).join(lang === 'zh' ? '、' : ', '),
        },
        {
          head: t('console.admin.active'),
          cell: (s) => (s.active ? '✓' : t('console.admin.inactive')),
        },
        {
          head: '',
          className: 'actions',
          cell: (s) => (
            <>
              <EditButton onClick={() => dialog.show({ kind: 'edit', staff: s })} />
              <button type="button" onClick={() => dialog.show({ kind: 'pin', staff: s })}>
                {t('console.admin.resetPin')}
              </button>
            </>
          ),
        },
      ]}
    >
      {dialog.open?.kind === 'edit' && (
        <StaffDialog staff={dialog.open.staff} onClose={dialog.close} />
      )}
      {dialog.open?.kind === 'pin' && (
        <PinDialog staff={dialog.open.staff} onClose={dialog.close} />
      )}
    </AdminList>
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
    <SaveDialog
      record="staff"
      command="admin:save-staff"
      title={
        staff ? t('console.admin.editStaff', { name: staff.name }) : t('console.admin.newStaff')
      }
      payload={
        ready
          ? {
              staff: { id, staffNo, name, roles, photoUrl: photoUrl.trim() || null, active },
              ...(pin ? { pin } : {}),
            }
          : null
      }
      id={id}
      onId={setId}
      editing={staff !== null}
      onClose={onClose}
      fields={
        <>
          <TextField label={t('signIn.staffNo')} value={staffNo} onChange={setNo} />
          <TextField label={t('console.admin.name')} value={name} onChange={setName} />
          <TextField label={t('console.admin.photoUrl')} value={photoUrl} onChange={setPhoto} />
          {staff === null && (
            <TextField
              label={t('console.admin.pin')}
              value={pin}
              onChange={setPin}
              type="password"
            />
          )}
        </>
      }
    >
      <fieldset className="choices">
        <legend>{t('console.admin.roles')}</legend>
        {StaffRole.options.map((r) => (
          <CheckField
            key={r}
            label={t(`roles.${r}`)}
            checked={roles.includes(r)}
            onChange={(on) => setRoles(on ? [...roles, r] : roles.filter((x) => x !== r))}
          />
        ))}
      </fieldset>
      <CheckField label={t('console.admin.activeStaff')} checked={active} onChange={setActive} />
    </SaveDialog>
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
