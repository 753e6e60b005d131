import type { PaperWidth } from './shell-api';

// The printed ticket's pieces that are not layout: pure, so they are tested.

/** The customer's phone page for one ticket: the QR code on the ticket encodes this. */
export function statusUrl(origin: string, ticketId: string, statusToken: string): string {
  const params = new URLSearchParams({ ticket: ticketId, token: statusToken });
  return `${origin}/status?${params.toString()}`;
}

/** Date and time of issue in the hall's time zone, e.g. 2026-11-24 09:05. */
export function issuedAtText(issuedAt: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(issuedAt))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The page the printer cuts: the roll's width, and a length that fits the ticket. */
export function pageSize(paper: PaperWidth): { widthMm: number; heightMm: number } {
  return paper === 58 ? { widthMm: 58, heightMm: 120 } : { widthMm: 80, heightMm: 140 };
}
