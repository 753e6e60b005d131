import {
  maskAccountNo,
  maskPhone,
  OpinionCategory,
  type Opinion,
  type OpinionState,
} from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, useStaffView } from '../../common/desk';
import { formatDateTime, useLang } from '@onestop/ui';
import { staffById, staffLabel } from '../../common/hall-selectors';
import { ActionDialog, useDialog } from './ConsoleDialog';
import { AssignAndClose } from './AssignAndClose';
import { FollowUpsPanel } from './FollowUpsPanel';
import { KeptCasesPanel } from './KeptCasesPanel';
import { FilterTabs, PanelHead } from './Panel';

// The opinions desk (服务评价闭环): supervision-box opinions from the kiosk arrive live, the duty
// leader records those made in person, gives each a handler and closes it only with a result.

/** A contact as the console shows it: phones and account numbers masked, anything else cut. */
export function maskContact(contact: string | null): string {
  if (!contact) return '—';
  const digits = contact.replace(/\D/g, '');
  if (/^1\d{10}$|^0\d{9,11}$/.test(digits)) return maskPhone(digits);
  if (/^\d{6,20}$/.test(digits)) return maskAccountNo(digits);
  const chars = [...contact];
  return `${chars.slice(0, 2).join('')}${'*'.repeat(Math.max(1, chars.length - 2))}`;
}

const FILTERS = ['active', 'closed'] as const;
type Filter = (typeof FILTERS)[number];

export function OpinionsPanel() {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const online = useOnline();
  const [filter, setFilter] = useState<Filter>('active');
  const record = useDialog<true>();
  const states: OpinionState[] = filter === 'active' ? ['open', 'in_progress'] : ['closed'];
  const list = hall.opinions
    .filter((o) => states.includes(o.state))
    .sort((a, b) => Number(b.repeated) - Number(a.repeated) || b.createdAt - a.createdAt);
  return (
    <div className="opinions-desk">
      <section className="card opinions-panel" data-testid="opinions">
        <PanelHead title={t('console.opinions.title')} stale={!online}>
          <FilterTabs
            filters={FILTERS}
            current={filter}
            onPick={setFilter}
            label={(f) => t(`console.opinions.filter.${f}`)}
            count={(f) =>
              hall.opinions.filter((o) =>
                f === 'active' ? o.state !== 'closed' : o.state === 'closed',
              ).length
            }
          />
          <span className="spacer" />
          <button type="button" className="primary" onClick={() => record.show(true)}>
            {t('console.opinions.record')}
          </button>
        </PanelHead>
        {list.length === 0 ? (
          <p className="muted empty">{t('console.opinions.none')}</p>
        ) : (
          <ul className="items opinion-list">
            {list.map((o) => (
              <OpinionRow key={o.id} opinion={o} />
            ))}
          </ul>
        )}
      </section>
      <div className="opinions-side">
        <FollowUpsPanel />
        <KeptCasesPanel />
      </div>
      {record.open && <RecordOpinionDialog onClose={record.close} />}
    </div>
  );
}

function OpinionRow({ opinion }: { opinion: Opinion }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { runner } = useDesk();
  const { hall } = useStaffView();
  const assignKey = `opinion-assign:${opinion.id}`;
  const resolveKey = `opinion-resolve:${opinion.id}`;
  const ticket = hall.tickets.find((x) => x.id === opinion.ticketId);
  const handlers = hall.staff.filter(
    (s) => s.active && s.roles.some((r) => r === 'clerk' || r === 'duty_leader'),
  );
  const closed = opinion.state === 'closed';
  return (
    <li
      className={`opinion ${opinion.state}`}
      data-testid="opinion"
      data-state={opinion.state}
      data-source={opinion.source}
    >
      <div>
        <span className={`badge ${opinion.category === 'complaint' ? 'bad' : ''}`}>
          {t(`opinionCategory.${opinion.category}`)}
        </span>
        {opinion.repeated && (
          <span className="badge bad" data-testid="repeated">
            {t('customer.repeated')}
          </span>
        )}
        <span className="badge">{t(`console.opinions.source.${opinion.source}`)}</span>
        <span className="badge">{t(`opinionState.${opinion.state}`)}</span>
        <span className="num muted">
          {formatDateTime(opinion.createdAt, hall.config.timeZone, lang)}
        </span>
      </div>
      <p className="opinion-text">{opinion.text}</p>
      <div className="muted">
        {t('console.opinions.contact')}:{' '}
        <span data-testid="contact">{maskContact(opinion.contact)}</span>
        {ticket && ` · ${ticket.number}`} · {t('console.opinions.staff')}:{' '}
        {staffLabel(staffById(hall, opinion.staffId))} · {t('console.opinions.handler')}:{' '}
        {opinion.handlerStaffId
          ? staffLabel(staffById(hall, opinion.handlerStaffId))
          : t('console.unassigned')}
      </div>
      {closed ? (
        <div className="answer" data-testid="resolution">
          {t('console.opinions.resolution')}: {opinion.resolution}
        </div>
      ) : (
        <AssignAndClose
          staff={handlers}
          assignLabel={t('console.opinions.assignTo')}
          assignKey={assignKey}
          onAssign={(staffId) =>
            void runner.run(assignKey, 'opinion:assign', {
              opinionId: opinion.id,
              handlerStaffId: staffId,
            })
          }
          closeLabel={t('console.opinions.resolve')}
          closeKey={resolveKey}
          resultLabel={t('console.opinions.resolution')}
          resultPlaceholder={t('console.opinions.resolutionPlaceholder')}
          minResult={4}
          onClose={(resolution) =>
            void runner.run(resolveKey, 'opinion:resolve', { opinionId: opinion.id, resolution })
          }
        />
      )}
    </li>
  );
}

function RecordOpinionDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const [category, setCategory] = useState<OpinionCategory>('complaint');
  const [text, setText] = useState('');
  const [contact, setContact] = useState('');
  const [accountNo, setAccountNo] = useState('');
  const [staffId, setStaffId] = useState('');
  const [number, setNumber] = useState('');
  const ticket = number.trim()
    ? hall.tickets.find((x) => x.number === number.trim().toUpperCase())
    : undefined;
  const ready = text.trim().length >= 2 && (number.trim() === '' || ticket !== undefined);
  return (
    <ActionDialog
      title={t('console.opinions.record')}
      actionKey="opinion-submit"
      command="opinion:submit"
      testId="record-opinion"
      payload={
        ready
          ? {
              category,
              text: text.trim(),
              ...(contact.trim() ? { contact: contact.trim() } : {}),
              ...(accountNo.trim() ? { accountNo: accountNo.trim() } : {}),
              ...(staffId ? { staffId } : {}),
              ...(ticket ? { ticketId: ticket.id } : {}),
            }
          : null
      }
      onClose={onClose}
    >
      <p className="muted">
        {t('console.opinions.sourceLabel')}: {t('console.opinions.source.duty_leader')}
      </p>
      <div className="row">
        <label>
          {t('console.opinions.category')}
          <select
            value={category}
            onChange={(e) => setCategory(OpinionCategory.parse(e.target.value))}
            aria-label={t('console.opinions.category')}
          >
            {OpinionCategory.options.map((c) => (
              <option key={c} value={c}>
                {t(`opinionCategory.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('console.opinions.staff')}
          <select
            value={staffId}
            onChange={(e) => setStaffId(e.target.value)}
            aria-label={t('console.opinions.staff')}
          >
            <option value="">{t('console.opinions.noStaff')}</option>
            {hall.staff
              .filter((s) => s.active)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {staffLabel(s)}
                </option>
              ))}
          </select>
        </label>
      </div>
      <label>
        {t('console.opinions.text')}
        <textarea
          value={text}
          maxLength={500}
          aria-label={t('console.opinions.text')}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <div className="row">
        <label>
          {t('console.opinions.contact')}
          <input
            value={contact}
            maxLength={60}
            autoComplete="off"
            aria-label={t('console.opinions.contact')}
            onChange={(e) => setContact(e.target.value)}
          />
          {contact.trim() && (
            <small className="muted">
              {t('console.opinions.shownAs', { masked: maskContact(contact.trim()) })}
            </small>
          )}
        </label>
        <label>
          {t('customer.accountNo')}
          <input
            value={accountNo}
            inputMode="numeric"
            maxLength={20}
            aria-label={t('customer.accountNo')}
            onChange={(e) => setAccountNo(e.target.value.replace(/\D/g, ''))}
          />
        </label>
        <label>
          {t('console.opinions.ticket')}
          <input
            value={number}
            maxLength={6}
            aria-label={t('console.opinions.ticket')}
            aria-invalid={number.trim() !== '' && !ticket}
            onChange={(e) => setNumber(e.target.value)}
          />
        </label>
      </div>
    </ActionDialog>
  );
}
