import type { Ticket } from '@onestop/shared';
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { bridge } from './bridge';
import type { PaperWidth } from './shell-api';
import { issuedAtText, pageSize, statusUrl } from './ticket-print';
import { useQrCode } from './use-qr-code';
import { waitSentence, type WaitFigures } from './wait';

// The printed ticket: rendered outside the app's root, invisible on screen, the only thing on
// paper (see the print stylesheet). 80 mm by default, 58 mm with `paper=58`.

export interface PrintableTicket extends WaitFigures {
  ticket: Ticket;
  serviceName: string;
  peopleAhead: number;
  statusToken: string;
  hallName: string;
  footer: string;
  timeZone: string;
  /** The customer asked to be texted when their turn is near. */
  textMe?: boolean;
}

function printRoot(): HTMLElement {
  let root = document.getElementById('print-root');
  if (!root) {
    root = document.createElement('div');
    root.id = 'print-root';
    document.body.append(root);
  }
  return root;
}

/**
 * Renders the ticket for printing and prints it once its QR code is in, and again each time
 * `printRequest` changes (reprint).
 */
export function TicketPrint({
  data,
  paper,
  printRequest,
}: {
  data: PrintableTicket;
  paper: PaperWidth;
  printRequest: number;
}) {
  const { t } = useTranslation();
  const printed = useRef<number | null>(null);
  const url = statusUrl(window.location.origin, data.ticket.id, data.statusToken);
  const png = useQrCode(url);

  function printWhenReady() {
    if (printRequest === 0 || printed.current === printRequest) return;
    printed.current = printRequest;
    void bridge().print(paper);
  }
  useEffect(() => {
    // A reprint of a ticket whose QR code is already in.
    if (png && printed.current !== null && printed.current !== printRequest) printWhenReady();
  });

  const size = pageSize(paper);
  return createPortal(
    <section
      className={`print-ticket paper-${paper}`}
      data-testid="print-ticket"
      data-status-url={url}
    >
      <style>{`@media print { @page { size: ${size.widthMm}mm ${size.heightMm}mm; margin: 0; } }`}</style>
      <div className="pt-hall">{data.hallName}</div>
      <div className="pt-number">{data.ticket.number}</div>
      <div className="pt-service">
        {t('ticketFor')}: {data.serviceName}
      </div>
      <div>
        {t('issuedAt')}: {issuedAtText(data.ticket.issuedAt, data.timeZone)}
      </div>
      <div>{t('peopleAhead', { count: data.peopleAhead })}</div>
      <div data-testid="print-wait">{waitSentence(t, data, data.timeZone)}</div>
      {data.textMe && <div data-testid="print-text-me">{t('textMeSlip')}</div>}
      {png && <img className="pt-qr" src={png} alt={t('scanForStatus')} onLoad={printWhenReady} />}
      <div className="pt-small">{t('scanForStatus')}</div>
      {data.footer && <div className="pt-footer">{data.footer}</div>}
    </section>,
    printRoot(),
  );
}
