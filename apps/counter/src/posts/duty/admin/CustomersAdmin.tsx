import { maskPhone } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, usePending } from '../../../common/desk';
import { useQuery } from '../../../common/use-query';
import { RefusalFor } from '../ConsoleDialog';
import { TextField } from './fields';

/**
 * The hall's customer list (VIP accounts): searched on the server (`admin:customers`, by
 * account number, name or phone, VIPs alone if asked); the form adds or changes one account.
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
  const [search, setSearch] = useState('');
  const [vipOnly, setVipOnly] = useState(false);
  const [saved, setSaved] = useState(0);
  const list = useQuery(
    'admin:customers',
    online ? { search: search.trim(), vipOnly, limit: 100 } : null,
    online ? `${search.trim()}|${vipOnly}|${saved}` : null,
  );
  const customers = list.data?.customers ?? [];
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
            })
            .then((ack) => {
              if (ack?.ok) {
                setSaved((n) => n + 1);
                setAccountNo('');
                setName('');
                setPhone('');
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
        <button
          type="submit"
          className="primary"
          disabled={!online || busy || !accountNo.trim() || !name.trim()}
        >
          {t('console.admin.save')}
        </button>
      </form>
      <RefusalFor actionKey="admin-customer" />
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
            </tr>
          </thead>
          <tbody>
            {customers.map((c) => (
              <tr key={c.accountNo} data-account={c.accountNo}>
                <td>{c.accountNo}</td>
                <td>{c.name}</td>
                <td>{c.phone ? maskPhone(c.phone) : '—'}</td>
                <td>{c.vip ? <span className="badge warn">VIP</span> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
