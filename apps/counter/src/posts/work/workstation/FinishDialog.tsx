import type { TicketOutcome } from '@onestop/shared';
import { Dialog, langOf } from '@onestop/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, usePending } from '../../../common/desk';
import { serviceById } from '../../../common/hall-selectors';
import { suggestedItems } from './business-items';
import { CaseFields, useCaseFields } from './CaseFields';
import { Choices, useCloseDialog } from './dialog-kit';
import { useWork, useWorkstationStore } from './work-context';

// Finishing a visit: its outcome, the business items done (the service's usual ones offered,
// others typed), and a case opened on the way out when the outcome says so.

const outcomes = ['completed', 'case_opened', 'referred'] as const;
const MAX_ITEMS = 20;

export function FinishDialog({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const { hall } = useWork();
  const close = useCloseDialog();
  const store = useWorkstationStore();
  const ticket = hall.tickets.find((x) => x.id === ticketId);
  const hasCase = hall.cases.some((c) => c.ticketId === ticketId);
  const [outcome, setOutcome] = useState<TicketOutcome>(hasCase ? 'case_opened' : 'completed');
  const [items, setItems] = useState<string[]>([]);
  const caseFields = useCaseFields(ticket);
  const finishing = usePending('finish');
  const opening = usePending('openCaseOnFinish');
  const pending = finishing || opening;
  const needsCase = outcome === 'case_opened' && !hasCase;

  async function confirm() {
    if (!ticket) return;
    let receipt: { caseId: string; statusToken: string | null } | null = null;
    if (needsCase) {
      const opened = await runner.run(
        'openCaseOnFinish',
        'case:open',
        caseFields.payload(ticket.id),
      );
      if (!opened?.ok) return;
      receipt = { caseId: opened.data.case.id, statusToken: opened.data.statusToken };
    }
    const done = await runner.run('finish', 'ticket:finish', { ticketId, outcome, items });
    // A case opened here: its receipt slip (受理回执) with the promised time, to print.
    if (done?.ok && receipt) store.setState({ dialog: { kind: 'caseReceipt', ...receipt } });
    else if (done?.ok) close();
  }

  return (
    <Dialog
      title={t('finish.title', { number: ticket?.number ?? '' })}
      confirmLabel={t('action.finish')}
      onCancel={close}
      onConfirm={() => void confirm()}
      pending={pending}
      confirmDisabled={needsCase && !caseFields.ready}
      testId="finish-dialog"
    >
      <Choices
        name="outcome"
        legend={t('finish.outcome')}
        options={outcomes}
        value={outcome}
        onChange={setOutcome}
        label={(o) => t(`outcome.${o}`)}
      />
      <BusinessItems
        category={ticket && serviceById(hall, ticket.serviceId)?.category}
        items={items}
        onChange={setItems}
      />
      {outcome === 'case_opened' &&
        (hasCase ? (
          <p className="muted">{t('finish.caseAlreadyOpen')}</p>
        ) : (
          <CaseFields fields={caseFields} />
        ))}
      <p className="muted">{t('finish.padHint')}</p>
    </Dialog>
  );
}

/** The items done: the service's usual ones and those typed, each a checkbox. */
function BusinessItems({
  category,
  items,
  onChange,
}: {
  category: string | undefined;
  items: string[];
  onChange: (items: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const [extra, setExtra] = useState('');
  const toggle = (item: string) =>
    onChange(items.includes(item) ? items.filter((i) => i !== item) : [...items, item]);
  const offered = [...new Set([...suggestedItems(category, langOf(i18n.language)), ...items])];
  return (
    <fieldset className="choices">
      <legend>{t('finish.items')}</legend>
      {offered.map((item) => (
        <label key={item} className="choice">
          <input type="checkbox" checked={items.includes(item)} onChange={() => toggle(item)} />
          {item}
        </label>
      ))}
      <span className="add-item">
        <input
          value={extra}
          maxLength={60}
          placeholder={t('finish.otherItem')}
          aria-label={t('finish.otherItem')}
          onChange={(e) => setExtra(e.target.value)}
        />
        <button
          type="button"
          disabled={extra.trim().length === 0 || items.length >= MAX_ITEMS}
          onClick={() => {
            if (!items.includes(extra.trim())) onChange([...items, extra.trim()]);
            setExtra('');
          }}
        >
          {t('finish.add')}
        </button>
      </span>
    </fieldset>
  );
}
