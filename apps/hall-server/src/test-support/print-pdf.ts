import { chromium, type Browser, type Page } from 'playwright-core';

// Printing a page to PDF in Chromium and reading back the PDF's pages: how many, and each one's
// size in millimetres from its MediaBox (Chromium writes one plain page object per page).

export interface PdfPageSize {
  widthMm: number;
  heightMm: number;
}

const MM_PER_POINT = 25.4 / 72;

export function pdfPageSizes(pdf: Buffer): PdfPageSize[] {
  const text = pdf.toString('latin1');
  const pages: PdfPageSize[] = [];
  for (const [, body] of text.matchAll(/\d+ 0 obj([\s\S]*?)endobj/g)) {
    if (!/\/Type\s*\/Page(?![a-zA-Z])/.test(body!)) continue;
    const box = /\/MediaBox\s*\[\s*([\d.\s-]+)\]/.exec(body!)?.[1]?.trim().split(/\s+/).map(Number);
    if (!box || box.length !== 4) continue;
    pages.push({
      widthMm: Math.round((box[2]! - box[0]!) * MM_PER_POINT),
      heightMm: Math.round((box[3]! - box[1]!) * MM_PER_POINT),
    });
  }
  return pages;
}

export const chromiumPath = '/usr/bin/chromium';

/**
 * Chromium as the hall's tests run it (headless, nothing fetched from elsewhere); `extraArgs`
 * for a switch a test needs (an autoplay policy, say).
 */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** Collects the page's CSP violations from its first script on; read them with `cspViolations`. */
export async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const doc = (globalThis as unknown as { document: EventTarget }).document;
    doc.addEventListener('securitypolicyviolation', (event) => {
      const e = event as Event & { violatedDirective: string; blockedURI: string };
      (globalThis as unknown as { __csp: string[] }).__csp ??= [];
      (globalThis as unknown as { __csp: string[] }).__csp.push(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
}

export const cspViolations = (page: Page): Promise<string[]> =>
  page.evaluate(() => (globalThis as unknown as { __csp?: string[] }).__csp ?? []);
