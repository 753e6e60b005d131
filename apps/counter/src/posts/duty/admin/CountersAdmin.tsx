import type { Counter } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffView } from '../../../common/desk';
import { ActionDialog, useDialog } from '../ConsoleDialog';
import { useServiceName } from '../CounterDialogs';
import { ServiceOrder } from '../ServiceOrder';
import { NumberField, TextField } from './fields';

/** Counters and the services each serves, in calling order. */
export function CountersAdmin() {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const serviceName = useServiceName();
  const dialog = useDialog<Counter | 'new'>();
  const counters = [...hall.counters].sort((a, b) => a.number - b.number);
  return (
    <section className="card" data-testid="admin-counters">
      <header className="panel-head">
        <h3>{t('console.admin.counters')}</h3>
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => dialog.show('new')}>
          {t('console.admin.newCounter')}
        </button>
      </header>
      {counters.length === 0 ? (
        <p className="muted empty">{t('console.hall.noCounters')}</p>
      ) : (
        <table className="grid-table">
          <thead>
            <tr>
              <th>{t('console.admin.number')}</th>
              <th>{t('console.admin.name')}</th>
              <th>{t('console.override.servicesInOrder')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {counters.map((c) => (
              <tr key={c.id} data-counter={c.number}>
                <td className="num">{c.number}</td>
                <td>{c.name}</td>
                <td>{c.serviceIds.map(serviceName).join(' → ')}</td>
                <td>
                  <button type="button" onClick={() => dialog.show(c)}>
                    {t('console.admin.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog.open && (
        <CounterDialog
          counter={dialog.open === 'new' ? null : dialog.open}
          next={Math.max(0, ...counters.map((c) => c.number)) + 1}
          onClose={dialog.close}
        />
      )}
    </section>
  );
}

function CounterDialog(props: { counter: Counter | null; next: number; onClose: () => void }) {
  const { t } = useTranslation();
  const c = props.counter;
  const [id, setId] = useState(c?.id ?? `ctr-${props.next}`);
  const [number, setNumber] = useState<number | null>(c?.number ?? props.next);
  const [name, setName] = useState(c?.name ?? '');
  const [serviceIds, setIds] = useState<string[]>(c?.serviceIds ?? []);
  return (
    <ActionDialog
      title={
        c ? t('console.admin.editCounter', { number: c.number }) : t('console.admin.newCounter')
      }
      actionKey="admin-counter"
      command="admin:save-counter"
      testId="counter-dialog"
      confirmLabel={t('console.admin.save')}
      payload={
        id && number !== null && name.trim() ? { counter: { id, number, name, serviceIds } } : null
      }
      onClose={props.onClose}
    >
      <div className="form-grid">
        <TextField
          label={t('console.admin.id')}
          value={id}
          onChange={setId}
          disabled={c !== null}
        />
        <NumberField
          label={t('console.admin.number')}
          value={number}
          onChange={setNumber}
          step={1}
        />
        <TextField label={t('console.admin.name')} value={name} onChange={setName} />
      </div>
      <ServiceOrder value={serviceIds} onChange={setIds} />
    </ActionDialog>
  );
}
