import type { Page } from 'playwright-core';

/** What a customer can touch: buttons, fields, and the on-screen keyboard's keys. */
const CONTROLS = 'button, input, textarea, select, [role="button"], .hg-button';

/**
 * The visible controls not wholly inside the viewport, as the page is shown (scrolled to the
 * top: a kiosk has no scroll bar a customer would find). Each is named by its text.
 */
export async function offScreenControls(page: Page): Promise<string[]> {
  await page.evaluate(() => window.scrollTo(0, 0));
  // Let a step's layout settle (fonts, images) before measuring.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.evaluate((selector) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const inside =
        r.left >= -1 &&
        r.top >= -1 &&
        r.right <= window.innerWidth + 1 &&
        r.bottom <= window.innerHeight + 1;
      if (!inside) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.tagName).trim();
        out.push(`${name.slice(0, 30)} @${Math.round(r.left)},${Math.round(r.top)}`);
      }
    }
    return out;
  }, CONTROLS);
}
