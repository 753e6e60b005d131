import { maskPhone, type MyVip } from '@onestop/shared';
import { formatDateTime, langOf } from '@onestop/ui';
import { useThrottledKey } from '@onestop/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow, useOnline } from '../../../common/desk';
import { DueBadge } from '../../../common/DueBadge';
import { caseTypeById, named } from '../../../common/hall-selectors';
import { useQuery } from '../../../common/use-query';
import { useWork } from '../workstation/work-context';

// 我的大客户: the account manager's VIPs (`customer:my-vips`) with their open matters, what is
// due first on top: today's tickets, open cases with their promised time, follow-ups, opinions.
// Asked again as the hall changes (at most every 5 s) and on "refresh".

export function MyVipsPanel() {
  const { t } = useTranslation();
  const { hall } = useWork();
  const online = useOnline();
  const [asked, setAsked] = useState(0);
  const key = useThrottledKey(online ? `${hall.seq}|${asked}` : null, 5000);
  const list = useQuery('customer:my-vips', online ? {} : null, key);
  const vips = list.data?.vips ?? [];
  return (
    <div className="my-vips" data-testid="my-vips">
      <div className="mine-summary">
        <strong>{t('vips.title', { count: vips.length })}</strong>
        <span className="spacer" />
        <button type="button" disabled={!online} onClick={() => setAsked((n) => n + 1)}>
          {t('vips.refresh')}
        </button>
      </div>
      <p className="muted">{t('vips.explain')}</p>
      {!online && (
        <p className="muted" data-state="offline">
          {t('vips.offline')}
        </p>
      )}
      {list.error ? (
        <p className="error" role="alert" data-state="error">
          {t(`errors.${list.error}`)}
        </p>
      ) : !list.data ? (
        online && (
          <p className="muted" data-state="loading">
            {t('vips.loading')}
          </p>
        )
      ) : vips.length === 0 ? (
        <p className="muted empty" data-state="empty">
          {t('vips.empty')}
        </p>
      ) : (
        vips.map((v) => <VipCard key={v.customer.accountNo} vip={v} />)
      )}
    </div>
  );
}

function VipCard({ vip }: { vip: MyVip }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { hall } = useWork();
  const now = useNow();
  const tz = hall.config.timeZone;
  const { customer, tickets, cases, followUps, opinions } = vip;
  const nothing = !tickets.length && !cases.length && !followUps.length && !opinions.length;
  return (
    <article
      className="case-card vip-card"
      data-testid="vip-card"
      data-account={customer.accountNo}
    >
      <header>
        <strong>{customer.name}</strong>{' '}
        <span className="muted">
          {t('vips.account', { account: customer.accountNo })}
          {customer.phone ? ` · ${maskPhone(customer.phone)}` : ''}
        </span>
        {vip.nextDueAt !== null && <DueBadge dueAt={vip.nextDueAt} now={now} timeZone={tz} />}
      </header>
      {nothing && <p className="muted">{t('vips.nothingOpen')}</p>}
      {tickets.length > 0 && (
        <p data-testid="vip-tickets">
          <span className="muted">{t('vips.ticketsToday')}: </span>
          {tickets.map((tk) => (
            <span key={tk.id} className={`state-badge ${tk.state}`}>
              {tk.number} {t(`vips.ticketState.${tk.state as 'waiting'}`)}
            </span>
          ))}
        </p>
      )}
      {cases.length > 0 && (
        <>
          <h4>{t('vips.cases')}</h4>
          <ul className="items">
            {cases.map((c) => (
              <li key={c.id} data-testid="vip-case" data-case={c.number}>
                <div>
                  <strong>{c.number}</strong>
                  <span>{named(caseTypeById(hall, c.caseTypeId), lang)}</span>
                  <span className="muted">{c.summary}</span>
                </div>
                <div>
                  <DueBadge dueAt={c.dueAt} now={now} timeZone={tz} />
                  {c.promiseChanges.length > 0 && (
                    <span className="muted">
                      {t('vips.promised', { time: formatDateTime(c.promisedAt, tz, lang) })}
                      {t('vips.promiseChanged', { count: c.promiseChanges.length })}
                    </span>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {followUps.length > 0 && (
        <>
          <h4>{t('vips.followUps')}</h4>
          <ul className="items">
            {followUps.map((f) => (
              <li key={f.id}>
                <div>
                  <span>{f.note}</span>
                  <DueBadge dueAt={f.dueAt} now={now} timeZone={tz} />
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {opinions.length > 0 && (
        <>
          <h4>{t('vips.opinions')}</h4>
          <ul className="items">
            {opinions.map((o) => (
              <li key={o.id}>
                <div>
                  <span className={`state-badge ${o.state}`}>
                    {t(`opinionCategory.${o.category}`)}
                  </span>
                  <span>{o.text}</span>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
