import {
  type ComplaintClass,
  GrantingRole,
  RemedyUnit,
  type RemedyKind,
  type RemedyLimits,
  type RemedyRoleLimits,
} from '@onestop/shared';
import { useLang } from '@onestop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComplaintClassSelect } from '../../../common/ComplaintClassSelect';
import { useStaffView } from '../../../common/desk';
import { named } from '../../../common/hall-selectors';
import { amountText } from '../../../common/remedy-view';
import { useDialog } from '../ConsoleDialog';
import { AdminList, EditButton, SaveDialog } from './AdminList';
import { CheckField, NumberField, TextField } from './fields';

// The remedy catalogue (授权): what a first handler may grant on the spot, and each role's
// limits per grant, per customer a day and per staff member a month. Money is typed in yuan
// and kept in fen.

export function RemedyKindsAdmin() {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  const dialog = useDialog<{ kind: RemedyKind | null }>();
  const kinds = [...(hall.remedyKinds ?? [])].sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <AdminList
      testId="admin-remedy-kinds"
      title={t('console.remedies.catalogue')}
      explain={t('console.remedies.catalogueExplain')}
      newLabel={t('console.remedies.newKind')}
      onNew={() => dialog.show({ kind: null })}
      empty={t('console.remedies.noKinds')}
      rows={kinds}
      rowData={(k) => ({ 'data-remedy-kind': k.id })}
      inactive={(k) => !k.active}
      columns={[
        { cell: (k) => <b>{named(k, lang)}</b> },
        { cell: (k) => t(`remedy.unit.${k.unit}`) },
        { cell: (k) => t(`remedy.classes.${k.complaintClass}`) },
        {
          className: 'muted',
          cell: (k) =>
            GrantingRole.options
              .map((role) => {
                const l = k.limits[role];
                const who = t(`console.remedies.roles.${role}`);
                if (!l) return `${who}: ${t('console.remedies.noLimits')}`;
                const a = (n: number) => amountText(n, k.unit);
                return `${who}: ${a(l.perGrant)} / ${a(l.perCustomerPerDay)} / ${a(l.perStaffPerMonth)}`;
              })
              .join(' · '),
        },
        {
          className: 'actions',
          cell: (k) => <EditButton onClick={() => dialog.show({ kind: k })} />,
        },
      ]}
    >
      {dialog.open && <RemedyKindDialog kind={dialog.open.kind} onClose={dialog.close} />}
    </AdminList>
  );
}

/** A role's limits as typed: in yuan for money, null for a role that may not grant. */
type Typed = { perGrant: number | null; perDay: number | null; perMonth: number | null } | null;

function typedOf(l: RemedyLimits | null, unit: RemedyUnit): Typed {
  const show = (n: number) => (unit === 'yuan' ? n / 100 : n);
  return (
    l && {
      perGrant: show(l.perGrant),
      perDay: show(l.perCustomerPerDay),
      perMonth: show(l.perStaffPerMonth),
    }
  );
}

function limitsOf(typed: Typed, unit: RemedyUnit): RemedyLimits | null | undefined {
  if (typed === null) return null;
  const keep = (n: number | null) =>
    n === null || n <= 0 ? undefined : unit === 'yuan' ? Math.round(n * 100) : Math.round(n);
  const perGrant = keep(typed.perGrant);
  const perCustomerPerDay = keep(typed.perDay);
  const perStaffPerMonth = keep(typed.perMonth);
  if (perGrant === undefined || perCustomerPerDay === undefined || perStaffPerMonth === undefined)
    return undefined; // incomplete
  return { perGrant, perCustomerPerDay, perStaffPerMonth };
}

function RemedyKindDialog({ kind, onClose }: { kind: RemedyKind | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const [id, setId] = useState(kind?.id ?? '');
  const [nameZh, setNameZh] = useState(kind?.nameZh ?? '');
  const [nameEn, setNameEn] = useState(kind?.nameEn ?? '');
  const [unit, setUnit] = useState<RemedyUnit>(kind?.unit ?? 'yuan');
  const [complaintClass, setClass] = useState<ComplaintClass>(kind?.complaintClass ?? 'billing');
  const [timeout, setTimeoutMin] = useState<number | null>(kind?.approvalTimeoutMin ?? 30);
  const [active, setActive] = useState(kind?.active ?? true);
  const [typed, setTyped] = useState<Record<GrantingRole, Typed>>(() => {
    const u = kind?.unit ?? 'yuan';
    return {
      clerk: typedOf(kind?.limits.clerk ?? null, u),
      backoffice: typedOf(kind?.limits.backoffice ?? null, u),
      guide: typedOf(kind?.limits.guide ?? null, u),
      duty_leader: typedOf(kind?.limits.duty_leader ?? null, u),
    };
  });
  const limits = Object.fromEntries(
    GrantingRole.options.map((role) => [role, limitsOf(typed[role], unit)]),
  ) as Record<GrantingRole, RemedyLimits | null | undefined>;
  const complete = Object.values(limits).every((l) => l !== undefined);
  const ready =
    /^[a-z0-9-]{1,40}$/.test(id) && nameZh.trim() && nameEn.trim() && timeout && complete;
  const setRole = (role: GrantingRole, patch: Typed) => setTyped({ ...typed, [role]: patch });
  return (
    <SaveDialog
      record="remedy-kind"
      command="admin:save-remedy-kind"
      title={
        kind ? t('console.remedies.editKind', { name: kind.nameZh }) : t('console.remedies.newKind')
      }
      payload={
        ready
          ? {
              remedyKind: {
                id,
                code: id,
                nameZh,
                nameEn,
                unit,
                complaintClass,
                limits: limits as RemedyRoleLimits,
                approvalTimeoutMin: timeout,
                active,
                sortOrder: kind?.sortOrder ?? (hall.remedyKinds ?? []).length + 1,
              },
            }
          : null
      }
      id={id}
      onId={setId}
      editing={kind !== null}
      onClose={onClose}
      fields={
        <>
          <TextField label={t('console.admin.nameZh')} value={nameZh} onChange={setNameZh} />
          <TextField label={t('console.admin.nameEn')} value={nameEn} onChange={setNameEn} />
          <label>
            {t('console.remedies.unit')}
            <select
              value={unit}
              aria-label={t('console.remedies.unit')}
              onChange={(e) => setUnit(RemedyUnit.parse(e.target.value))}
            >
              {RemedyUnit.options.map((u) => (
                <option key={u} value={u}>
                  {t(`remedy.unit.${u}`)}
                </option>
              ))}
            </select>
          </label>
          <ComplaintClassSelect
            label={t('console.remedies.class')}
            value={complaintClass}
            onChange={setClass}
          />
          <NumberField
            label={t('console.remedies.timeout')}
            value={timeout}
            onChange={setTimeoutMin}
            step={5}
          />
          <CheckField label={t('console.admin.active')} checked={active} onChange={setActive} />
        </>
      }
    >
      <table className="grid-table remedy-limits">
        <thead>
          <tr>
            <th>{t('console.remedies.role')}</th>
            <th>{t('console.remedies.mayGrant')}</th>
            <th>{t('console.remedies.perGrant')}</th>
            <th>{t('console.remedies.perDay')}</th>
            <th>{t('console.remedies.perMonth')}</th>
          </tr>
        </thead>
        <tbody>
          {GrantingRole.options.map((role) => {
            const row = typed[role];
            return (
              <tr key={role} data-role={role}>
                <td>{t(`console.remedies.roles.${role}`)}</td>
                <td>
                  <input
                    type="checkbox"
                    checked={row !== null}
                    aria-label={`${t(`console.remedies.roles.${role}`)} ${t('console.remedies.mayGrant')}`}
                    onChange={(e) =>
                      setRole(
                        role,
                        e.target.checked ? { perGrant: 1, perDay: 1, perMonth: 10 } : null,
                      )
                    }
                  />
                </td>
                {(['perGrant', 'perDay', 'perMonth'] as const).map((field) => (
                  <td key={field}>
                    {row && (
                      <input
                        type="number"
                        min={0}
                        step="any"
                        value={row[field] ?? ''}
                        aria-label={`${t(`console.remedies.roles.${role}`)} ${t(`console.remedies.${field}`)}`}
                        onChange={(e) =>
                          setRole(role, {
                            ...row,
                            [field]: e.target.value === '' ? null : Number(e.target.value),
                          })
                        }
                      />
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </SaveDialog>
  );
}
