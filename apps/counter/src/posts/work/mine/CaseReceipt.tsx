import { dayOf, timeOfDay } from '@onestop/shared';
import { Dialog, langOf } from '@onestop/ui';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../../common/use-query';
import { useWork, useWorkstationStore } from '../workstation/work-context';
import './receipt.css';

// 受理回执: the slip a customer takes home when a case is opened: the case number, its type, the
// promised time (承诺) and the QR code of the visit's phone status page, where the promise (and
// any new time) is shown. Printed with the browser's print (window.print(): the desk's shell
// prints the page the same way), only the slip on paper (receipt.css).

/** The visit's phone status page, as on the kiosk's ticket. */
export function receiptStatusUrl(origin: string, ticketId: string, token: string): string {
  return `${origin}/status?${new URLSearchParams({ ticket: ticketId, token }).toString()}`;
}

function useQr(text: string | null): string | null {
  const [png, setPng] = useState<{ text: string; png: string } | null>(null);
  useEffect(() => {
    if (text === null) return;
    let stale = false;
    void QRCode.toDataURL(text, { margin: 0, width: 200, errorCorrectionLevel: 'M' }).then(
      (made) => !stale && setPng({ text, png: made }),
    );
    return () => {
      stale = true;
    };
  }, [text]);
  return png && png.text === text ? png.png : null;
}

export function CaseReceiptDialog(props: { caseId: string; statusToken: string | null }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const { hall } = useWork();
  const store = useWorkstationStore();
  const c = hall.cases.find((x) => x.id === props.caseId);
  const type = c && hall.caseTypes.find((x) => x.id === c.caseTypeId);
  // Printed again from the case card: the visit's status token is asked of the hall.
  const asked = useQuery(
    'case:receipt',
    { caseId: props.caseId },
    props.statusToken === null && c?.ticketId ? props.caseId : null,
  );
  const token = props.statusToken ?? asked.data?.statusToken ?? null;
  const url =
    c?.ticketId && token ? receiptStatusUrl(window.location.origin, c.ticketId, token) : null;
  const qr = useQr(url);
  const tz = hall.config.timeZone;
  const at = (ms: number) => `${dayOf(ms, tz)} ${timeOfDay(ms, tz)}`;
  const close = () => store.setState({ dialog: null });
  if (!c) return null;
  return (
    <Dialog
      title={t('receipt.title')}
      onCancel={close}
      onConfirm={() => window.print()}
      confirmLabel={t('receipt.print')}
      testId="case-receipt-dialog"
    >
      <div className="case-receipt" data-testid="case-receipt">
        <h4>{lang === 'zh' ? hall.config.nameZh : hall.config.nameEn}</h4>
        <h5>{t('receipt.title')}</h5>
        <dl>
          <dt>{t('receipt.caseNumber')}</dt>
          <dd data-testid="receipt-number">{c.number}</dd>
          <dt>{t('receipt.type')}</dt>
          <dd>{type ? (lang === 'zh' ? type.nameZh : type.nameEn) : '—'}</dd>
          <dt>{t('receipt.openedAt')}</dt>
          <dd>{at(c.openedAt)}</dd>
          <dt>{t('receipt.promisedAt')}</dt>
          <dd className="promised" data-testid="receipt-promised">
            {at(c.promisedAt)}
          </dd>
        </dl>
        {qr && (
          <figure>
            <img src={qr} alt={t('receipt.scan')} data-testid="receipt-qr" />
            <figcaption>{t('receipt.scan')}</figcaption>
          </figure>
        )}
      </div>
    </Dialog>
  );
}
