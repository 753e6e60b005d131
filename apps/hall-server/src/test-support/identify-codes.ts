import type { Page } from 'playwright-core';

// Customer identification in the screens' tests (docs/customer-identification.md): a bill's
// barcode and a resident ID number made by the hall's own rules, and a scanner that types them.
export { billBarcode, idCheckChar } from '../domain/identify';

/**
 * A keyboard-wedge scanner: the code's keys 4 ms apart, then Enter. Sent through the DevTools
 * protocol with the scanner's own timestamps, as the operating system stamps a USB scanner's
 * keys: a busy test machine's slow round trips must not make a scanner look like a person.
 */
export async function scanInto(page: Page, code: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const start = Date.now() / 1000;
  const keys = [...code].map((c) => ({ key: c, text: c })).concat({ key: 'Enter', text: '\r' });
  for (const [i, k] of keys.entries()) {
    const enter = k.key === 'Enter';
    const common = {
      key: k.key,
      timestamp: start + i * 0.004,
      windowsVirtualKeyCode: enter ? 13 : k.key.toUpperCase().charCodeAt(0),
      ...(enter ? { code: 'Enter' } : {}),
    };
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', text: k.text, ...common });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common });
  }
  await cdp.detach();
}
