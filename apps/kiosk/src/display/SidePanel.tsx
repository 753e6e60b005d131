import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLang } from '../common/use-lang';
import { clockText, waitWording, type WaitFigures } from '../common/wait';
import type { QueueRow } from './board-view';
import type { RecentCall } from './display-model';

/** The estimate column, short enough for its cell: "10–20 分钟", "即将叫号", or in words when no
 *  counter serves the service now ("暂无窗口办理", "08:30 开始办理"): never a bare "—". */
function queueWait(t: TFunction, w: WaitFigures, timeZone: string): string {
  const wording = waitWording(w);
  switch (wording.kind) {
    case 'no-counter':
      return wording.opensAt === null
        ? t('queueNoCounter')
        : t('queueOpensAt', { time: clockText(wording.opensAt, timeZone) });
    case 'soon':
      return t('soon');
    case 'range':
      return t('queueRange', { low: wording.low, high: wording.high });
  }
}

/** The latest calls, newest first. */
export function RecentCalls({ recent }: { recent: RecentCall[] }) {
  const { t } = useTranslation();
  return (
    <section className="recent-calls zone-recent" data-zone="recent" aria-labelledby="recent-calls">
      <h2 id="recent-calls">{t('recentCalls')}</h2>
      {recent.length === 0 ? (
        <p className="muted">{t('noCalls')}</p>
      ) : (
        <ol className="recent">
          {recent.map((c) => (
            <li key={c.ticketId}>
              <span className="recent-number">{c.number}</span>
              <span className="recent-arrow" aria-hidden="true">
                →
              </span>
              <span className="recent-counter">{t('counter', { number: c.counterNumber })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Each service's waiting count and estimated wait. */
export function QueueTable({ queues, timeZone }: { queues: QueueRow[] | null; timeZone: string }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  return (
    <section
      className="zone-queues"
      data-zone="queues"
      aria-labelledby="queue-title"
      aria-busy={queues === null}
    >
      <h2 id="queue-title">{t('queueTitle')}</h2>
      <table className="queues">
        <thead>
          <tr>
            <th scope="col">{t('service')}</th>
            <th scope="col">{t('waiting')}</th>
            <th scope="col">{t('estimate')}</th>
          </tr>
        </thead>
        <tbody>
          {(queues ?? []).map((q) => (
            <tr key={q.serviceId}>
              <td>
                <span className="queue-prefix">{q.prefix}</span> {pick(q.nameZh, q.nameEn)}
              </td>
              <td className="num">{q.waiting}</td>
              <td className="num queue-wait">{queueWait(t, q, timeZone)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {queues === null && <p className="muted">{t('connecting')}</p>}
    </section>
  );
}
