import type { Counter } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStaffView } from '../../../common/desk';
import { useDialog } from '../ConsoleDialog';
import { useServiceName } from '../use-service-name';
import { ServiceOrder } from '../ServiceOrder';
import { AdminList, EditButton, SaveDialog } from './AdminList';
import { NumberField, TextField } from './fields';

/** Counters and the services each serves, in calling order. */
export function CountersAdmin() {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const serviceName = useServiceName();
  const dialog = useDialog<{ counter: Counter | null }>();
  const counters = [...hall.counters].sort((a, b) => a.number - b.number);
  return (
    <AdminList
      testId="admin-counters"
      title={t('console.admin.counters')}
      newLabel={t('console.admin.newCounter')}
      onNew={() => dialog.show({ counter: null })}
      empty={t('console.hall.noCounters')}
      rows={counters}
      rowData={(c) => ({ 'data-counter': c.number })}
      columns={[
        { head: t('console.admin.number'), className: 'num', cell: (c) => c.number },
        { head: t('console.admin.name'), cell: (c) => c.name },
        {
          head: t('console.override.servicesInOrder'),
          cell: (c) => c.serviceIds.map(serviceName).join(' → '),
        },
        { head: '', cell: (c) => <EditButton onClick={() => dialog.show({ counter: c })} /> },
      ]}
    >
      {dialog.open && (
        <CounterDialog
          counter={dialog.open.counter}
          next={Math.max(0, ...counters.map((c) => c.number)) + 1}
          onClose={dialog.close}
        />
      )}
    </AdminList>
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
    <SaveDialog
      record="counter"
      command="admin:save-counter"
      title={
        c ? t('console.admin.editCounter', { number: c.number }) : t('console.admin.newCounter')
      }
      payload={
        id && number !== null && name.trim() ? { counter: { id, number, name, serviceIds } } : null
      }
      id={id}
      onId={setId}
      editing={c !== null}
      onClose={props.onClose}
      fields={
        <>
          <NumberField
            label={t('console.admin.number')}
            value={number}
            onChange={setNumber}
            step={1}
          />
          <TextField label={t('console.admin.name')} value={name} onChange={setName} />
        </>
      }
    >
      <ServiceOrder value={serviceIds} onChange={setIds} />
    </SaveDialog>
  );
}
