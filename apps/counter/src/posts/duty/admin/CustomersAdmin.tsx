import { maskPhone } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, usePending, useStaffView } from '../../../common/desk';
import { useQuery } from '../../../common/use-query';
import { RefusalFor } from '../ConsoleDialog';
import { TextField } from './fields';
import { IdCardCell, IdCardForm, IdCardKeyBanner, useIdCards } from './IdCardAdmin';

/**
 * The hall's customer list (VIP accounts): searched on the server (`admin:customers`, by
 * account number, name or phone, VIPs alone if asked); the form adds or changes one account,
 * and names a VIP's account manager (大客户经理) among the active clerks, each shown with how
 * many VIPs they manage already. Clicking a row puts it in the form to change it.
 */
export function CustomersAdmin() {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const online = useOnline();
  const busy = usePending('admin-customer');
  const [accountNo, setAccountNo] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [vip, setVip] = useState(true);
  const [managerId, setManagerId] = useState('');
  const { hall } = useStaffView();
  const [search, setSearch] = useState('');
  const [vipOnly, setVipOnly] = useState(false);
  const [saved, setSaved] = useState(0);
  const list = useQuery(
    'admin:customers',
    online ? { search: search.trim(), vipOnly, limit: 100 } : null,
    online ? `${search.trim()}|${vipOnly}|${saved}` : null,
  );
  const customers = list.data?.customers ?? [];
  // The ID card registered on each (its last four only) and the one chosen to register.
  const [cardsSaved, setCardsSaved] = useState(0);
  const idCards = useIdCards(
    customers.map((c) => c.accountNo),
    saved + cardsSaved,
  );
  const [cardFor, setCardFor] = useState<string | null>(null);
  const vipsOf = new Map((list.data?.managers ?? []).map((m) => [m.staffId, m.vips]));
  const staffName = (id: string | null) => {
    if (id === null) return '—';
    const s = hall.staff.find((x) => x.id === id);
    return s ? `${s.name}${s.active ? '' : t('vips.admin.inactive')}` : id;
  };
  // Only an active clerk can be named (the hall refuses anyone else: manager_unfit).
  const clerks = hall.staff
    .filter((s) => s.active && s.roles.includes('clerk'))
    .sort((a, b) => a.staffNo.localeCompare(b.staffNo));
  return (
    <section className="card" data-testid="admin-customers">
      <h3>{t('console.admin.customers')}</h3>
      <p className="muted">{t('console.admin.customersExplain')}</p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void runner
            .run('admin-customer', 'admin:save-customer', {
              accountNo: accountNo.trim(),
              name: name.trim(),
              phone: phone.trim() || null,
              vip,
              accountManagerStaffId: vip && managerId ? managerId : null,
            })
            .then((ack) => {
              if (ack?.ok) {
                setSaved((n) => n + 1);
                setAccountNo('');
                setName('');
                setPhone('');
                setManagerId('');
              }
            });
        }}
      >
        <TextField label={t('customer.accountNo')} value={accountNo} onChange={setAccountNo} />
        <TextField label={t('customer.name')} value={name} onChange={setName} />
        <TextField label={t('customer.phone')} value={phone} onChange={setPhone} />
        <label className="choice">
          <input type="checkbox" checked={vip} onChange={(e) => setVip(e.target.checked)} />
          VIP
        </label>
        <label title={t('vips.admin.pickerExplain')}>
          {t('vips.admin.manager')}
          <select
            value={vip ? managerId : ''}
            disabled={!vip}
            aria-label={t('vips.admin.manager')}
            data-testid="manager-picker"
            onChange={(e) => setManagerId(e.target.value)}
          >
            <option value="">{t('vips.admin.noManager')}</option>
            {clerks.map((s) => (
              <option key={s.id} value={s.id}>
                {t('vips.admin.managerCount', {
                  name: `${s.staffNo} ${s.name}`,
                  count: vipsOf.get(s.id) ?? 0,
                })}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="primary"
          disabled={!online || busy || !accountNo.trim() || !name.trim()}
        >
          {t('console.admin.save')}
        </button>
      </form>
      <RefusalFor actionKey="admin-customer" />
      <IdCardKeyBanner count={idCards.underOtherKey} />
      {cardFor && (
        <IdCardForm
          accountNo={cardFor}
          last4={idCards.last4[cardFor]}
          otherKey={idCards.otherKey.has(cardFor)}
          onSaved={() => setCardsSaved((n) => n + 1)}
        />
      )}
      <div className="row">
        <TextField label={t('console.admin.customerSearch')} value={search} onChange={setSearch} />
        <label className="choice">
          <input type="checkbox" checked={vipOnly} onChange={(e) => setVipOnly(e.target.checked)} />
          {t('console.admin.vipOnly')}
        </label>
        {list.data && (
          <span className="muted">
            {t('console.admin.customersShown', {
              shown: customers.length,
              total: list.data.total,
            })}
          </span>
        )}
      </div>
      {list.error ? (
        <p className="error" role="alert">
          {t(`errors.${list.error}`)}
        </p>
      ) : !list.data ? (
        <p className="muted">{online ? t('common.loading') : t('link.unreachable')}</p>
      ) : customers.length === 0 ? (
        <p className="muted empty">{t('console.admin.noCustomers')}</p>
      ) : (
        <table className={`grid-table${list.loading ? ' stale' : ''}`} data-testid="customers">
          <thead>
            <tr>
              <th>{t('customer.accountNo')}</th>
              <th>{t('customer.name')}</th>
              <th>{t('customer.phone')}</th>
              <th>VIP</th>
              <th>{t('vips.admin.manager')}</th>
              <th>{t('idCard.column')}</th>
            </tr>
          </thead>
          <tbody>
            {customers.map((c) => (
              <tr
                key={c.accountNo}
                data-account={c.accountNo}
                className="clickable"
                onClick={() => {
                  setAccountNo(c.accountNo);
                  setName(c.name);
                  setPhone(c.phone ?? '');
                  setVip(c.vip);
                  setManagerId(c.accountManagerStaffId ?? '');
                  setCardFor(c.accountNo);
                }}
              >
                <td>{c.accountNo}</td>
                <td>{c.name}</td>
                <td>{c.phone ? maskPhone(c.phone) : '—'}</td>
                <td>{c.vip ? <span className="badge warn">VIP</span> : '—'}</td>
                <td data-testid="manager">{staffName(c.accountManagerStaffId)}</td>
                <IdCardCell
                  last4={idCards.last4[c.accountNo]}
                  otherKey={idCards.otherKey.has(c.accountNo)}
                />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
