import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openConsole } from '../../../../test-support/console-hall';
import { consoleHall, hasChromium } from './console-e2e';

// The call voice in the console's settings (issue 19 item 4, docs/recorded-voice.md): speech
// synthesis until the admin chooses the recorded voice, beside the call's wording.

let admin: Page;
const world = consoleHall({
  ready: async ({ browser, url }) => {
    admin = await openConsole(browser, url, '9000');
  },
});

describe.skipIf(!hasChromium)('the call voice setting', () => {
  it('shows speech by default and saves the recorded voice', async () => {
    await admin.locator('button[data-section="settings"]').click();
    const settings = admin.getByTestId('admin-settings');
    const voice = settings.getByLabel('叫号声音');
    await voice.waitFor();
    expect(await voice.inputValue()).toBe('speech');
    await voice.selectOption('recorded');
    await settings.getByRole('button', { name: /保存 1 项修改/ }).click();
    await settings.getByRole('button', { name: /保存 0 项修改/ }).waitFor();
    expect(world.store.hall.state().config.announceVoice).toBe('recorded');
    if (process.env.VOICE_SHOTS) {
      await voice.scrollIntoViewIfNeeded();
      await admin.screenshot({ path: `${process.env.VOICE_SHOTS}/console-call-voice.png` });
    }
  }, 60_000);
});
