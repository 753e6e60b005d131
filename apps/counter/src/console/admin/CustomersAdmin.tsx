import { maskPhone, type CustomerRecord } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, usePending, useStaffView } from '../../common/desk';
import { RefusalFor } from '../ConsoleDialog';
import { TextField } from './fields';

/**
 * The hall's customer list (VIP accounts). The snapshot does not carry the list; the form adds
 * or changes one account, and the accounts changed since the console opened are listed.
 */
export function CustomersAdmin() {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const { hall } = useStaffView();
  const online = useOnline();
  const busy = usePending('admin-customer');
  const [accountNo, setAccountNo] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [vip, setVip] = useState(true);
  const changed = (hall as { customers?: CustomerRecord[] }).customers ?? [];
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
      <h4>{t('console.admin.customersChanged', { count: changed.length })}</h4>
      {changed.length === 0 ? (
        <p className="muted empty">{t('console.admin.noCustomersChanged')}</p>
      ) : (
        <ul className="compact" data-testid="customers-changed">
          {changed.map((c) => (
            <li key={c.accountNo}>
              {c.accountNo} · {c.name} · {c.phone ? maskPhone(c.phone) : '—'}{' '}
              {c.vip ? <span className="badge warn">VIP</span> : <span className="badge">—</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
