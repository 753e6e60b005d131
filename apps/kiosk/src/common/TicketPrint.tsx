import type { Service, Ticket } from '@onestop/shared';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

// The printed ticket: hidden on screen, the only thing on paper (see the print stylesheet).
// 80 mm by default; `?paper=58` in the kiosk's address (or the Electron shell's setting) for
// 58 mm printers.

export interface PrintableTicket {
  ticket: Ticket;
  service: Service;
  peopleAhead: number;
  estimatedWaitSec: number;
  statusToken: string;
  hallName: string;
  footer: string;
}

export function statusUrl(ticketId: string, token: string): string {
  return `${window.location.origin}/status?ticket=${encodeURIComponent(ticketId)}&token=${encodeURIComponent(token)}`;
}

export function TicketPrint({ data, paper }: { data: PrintableTicket; paper: 58 | 80 }) {
  const { t, i18n } = useTranslation();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    void QRCode.toDataURL(statusUrl(data.ticket.id, data.statusToken), {
      margin: 0,
      width: 240,
    }).then(setQr);
  }, [data.ticket.id, data.statusToken]);
  const zh = i18n.language === 'zh';
  return (
    <section
      className={`print-ticket paper-${paper}`}
      aria-hidden="true"
      data-testid="print-ticket"
    >
      <div className="pt-hall">{data.hallName}</div>
      <div className="pt-number">{data.ticket.number}</div>
      <div>
        {t('ticketFor')}: {zh ? data.service.nameZh : data.service.nameEn}
      </div>
      <div>
        {t('issuedAt')}: {new Date(data.ticket.issuedAt).toLocaleString(zh ? 'zh-CN' : 'en-GB')}
      </div>
      <div>{t('peopleAhead', { count: data.peopleAhead })}</div>
      <div>
        {t('estimatedWait', { minutes: Math.max(1, Math.round(data.estimatedWaitSec / 60)) })}
      </div>
      {qr && <img className="pt-qr" src={qr} alt={t('scanForStatus')} />}
      <div className="pt-small">{t('scanForStatus')}</div>
      <div className="pt-footer">{data.footer}</div>
    </section>
  );
}

interface ShellBridge {
  print?(options: { silent: boolean; paper: 58 | 80 }): Promise<void>;
}

/** Prints silently through the Electron shell, or opens the browser's print dialog. */
export async function printTicket(paper: 58 | 80): Promise<void> {
  const bridge = (window as unknown as { onestop?: ShellBridge }).onestop;
  // Let React render the ticket with its QR code first.
  await new Promise((r) => setTimeout(r, 300));
  if (bridge?.print) await bridge.print({ silent: true, paper });
  else window.print();
}
